using CxDashboard.Core.Drivers;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Scorecards;

public static class CascadeExtensions
{
    /// <summary>The KPI, scorecard and driver services (scope-free Core services; the GraphQL fields apply the caller's scope).</summary>
    public static IHostApplicationBuilder AddCxCascade(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KpiQueries>();
        builder.Services.AddSingleton<KpiAdminService>();
        builder.Services.AddSingleton<ScorecardService>();
        builder.Services.AddSingleton<DriverService>();
        return builder;
    }
}
