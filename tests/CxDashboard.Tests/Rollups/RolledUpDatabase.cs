using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>A small demo data set (seed 42) with a full rollup built.</summary>
public sealed class RolledUpDatabase : CxDatabase
{
    public RollupRun Build { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 12_000, Interactions = 20_000, Seed = 3 });
        Build = await new RollupEngine(DataSource).RebuildAsync();
    }
}
