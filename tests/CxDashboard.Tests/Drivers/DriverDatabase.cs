using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.DemoData;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Drivers;

/// <summary>The demo data set of <see cref="SeededDatabase"/> with its rollups (and so its driver cells) built.</summary>
public sealed class DriverDatabase : CxDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(SeededDatabase.Options);
        await new RollupEngine(DataSource).RebuildAsync();
    }
}
