namespace CxDashboard.Core.Metrics;

/// <summary>The built-in metric catalogue (DESIGN §6), seeded by the initial migration.</summary>
public static class MetricCatalogue
{
    public static readonly Metric[] All =
    [
        Outcome("nps", "Net Promoter Score", "score", "100 × (promoters − detractors) / responses; promoters 9–10, detractors 0–6, pooled from counts.", 0, 10,
            "How likely is it that you would recommend us to a friend or colleague? (0–10)"),
        Outcome("csat", "Customer satisfaction (top-2 box)", "percent", "share of responses scoring 4 or 5 on the 1–5 scale.", 1, 5,
            "Share of satisfied customers (4–5 on a 1–5 scale)."),
        Outcome("csat_mean", "Customer satisfaction (mean)", "mean", "mean of the 1–5 scores.", 1, 5,
            "Average satisfaction score on the 1–5 scale."),
        Outcome("ces", "Customer effort (mean)", "mean", "mean of the 1–7 agreement scores.", 1, 7,
            "\"The company made it easy to handle my issue\", mean agreement on 1–7."),
        Outcome("ces_agree", "Customer effort (% agree)", "percent", "share of responses scoring 5–7 on the 1–7 scale.", 1, 7,
            "Share of customers agreeing it was easy (5–7 on 1–7)."),
        Process("fcr", "First-contact resolution", "percent", "higher", "contacts resolved at first contact / contacts with a resolution flag.",
            "Share of contacts resolved without a follow-up.", method: "agent flag"),
        Process("repeat_rate", "Repeat contact rate", "percent", "lower", "contacts followed by another from the same customer within 7 days / contacts.",
            "Share of contacts that needed another contact within 7 days.", method: "repeat window 7 days"),
        Process("sla", "SLA attainment", "percent", "higher", "contacts with first response within the SLA target / contacts with a target.",
            "Share of contacts answered within their service-level target."),
        Process("response_time", "First response time", "seconds", "lower", "median, p90 and mean of opened → first response, from log-scale histogram buckets.",
            "Time until the customer got a first response."),
        Process("handle_time", "Handle time", "seconds", "lower", "median, p90 and mean of handle seconds, from log-scale histogram buckets.",
            "Agent time spent on the contact."),
        Process("transfer_rate", "Transfer rate", "percent", "lower", "contacts with at least one transfer / contacts (each contact counted once, IVR hand-offs excluded).",
            "Share of contacts passed between agents or teams."),
        Process("containment", "Self-service containment", "percent", "higher", "self-service sessions finished without an agent and no assisted contact within 24 h / self-service sessions started.",
            "Share of self-service sessions that needed no agent."),
        Process("channel_switch", "Channel switch rate", "percent", "lower", "contacts where the customer switched channel / contacts.",
            "Share of contacts continued in another channel."),
        Process("abandonment", "Abandonment rate", "percent", "lower", "abandoned contacts / contacts.",
            "Share of contacts the customer gave up on before being served."),
    ];

    private static Metric Outcome(string code, string name, string unit, string computation, short min, short max, string description) => new()
    {
        Code = code, Name = name, Kind = "outcome", Unit = unit, Direction = "higher",
        Computation = computation, ScaleMin = min, ScaleMax = max, Description = description,
        Method = "survey",
    };

    private static Metric Process(string code, string name, string unit, string direction, string computation, string description, string? method = null) => new()
    {
        Code = code, Name = name, Kind = "process", Unit = unit, Direction = direction,
        Computation = computation, Description = description, Method = method,
    };
}
