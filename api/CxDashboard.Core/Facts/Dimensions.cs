namespace CxDashboard.Core.Facts;

/// <summary>The fixed vocabularies every response and interaction carries (DESIGN §2).</summary>
public static class Dimensions
{
    public static readonly string[] Channels = ["phone", "ivr", "chat", "email", "app", "store", "social"];
    public static readonly string[] JourneyStages = ["awareness", "purchase", "onboarding", "usage", "service", "renewal"];
}
