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
            .UseSnakeCaseNamingConvention();
}
