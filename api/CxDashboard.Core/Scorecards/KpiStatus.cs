using CxDashboard.Core.Values;

namespace CxDashboard.Core.Scorecards;

/// <summary>A KPI's status for a period; stored in <c>kpi_checkin.status</c> as snake_case.</summary>
public enum KpiStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

public static class KpiStatusNames
{
    public static string ToDb(this KpiStatus s) => s switch
    {
        KpiStatus.OnTrack => "on_track",
        KpiStatus.AtRisk => "at_risk",
        KpiStatus.OffTrack => "off_track",
        _ => "no_data",
    };

    public static KpiStatus? FromDb(string? s) => s switch
    {
        "on_track" => KpiStatus.OnTrack,
        "at_risk" => KpiStatus.AtRisk,
        "off_track" => KpiStatus.OffTrack,
        "no_data" => KpiStatus.NoData,
        _ => null,
    };
}
