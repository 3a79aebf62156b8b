using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Core.Data;

public static class DataServiceCollectionExtensions
{
    public const string MigrationsAssembly = "CxDashboard.Migrations";

    public static IServiceCollection AddCxDbContext(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<CxDbContext>(o => o.UseCxPostgres(connectionString));
        return services;
    }

    public static DbContextOptionsBuilder UseCxPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConventionIfAvailable();

    // Table and column names are set explicitly in each IEntityTypeConfiguration (snake_case), so
    // hand-written SQL (COPY, rollups, tests) can name them without quoting.
    private static DbContextOptionsBuilder UseSnakeCaseNamingConventionIfAvailable(this DbContextOptionsBuilder o) => o;
}
