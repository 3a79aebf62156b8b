using CxDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CxDashboard.Migrations;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the host or reaching a database.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CxDbContext>
{
    public CxDbContext CreateDbContext(string[] args)
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Cx")
            ?? "Host=127.0.0.1;Port=55432;Database=cxdashboard;Username=cx";
        return new CxDbContext((DbContextOptions<CxDbContext>)new DbContextOptionsBuilder<CxDbContext>().UseCxPostgres(cs).Options);
    }
}
