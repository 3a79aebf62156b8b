namespace CxDashboard.Core.DemoData;

/// <summary>One unit of the demo organisation, with the traits that shape its data.</summary>
public sealed record DemoUnit(
    string Code,
    string Name,
    string Kind,
    string? ParentCode,
    string? PartnerCode = null)
{
    /// <summary>Relative contact volume (leaves only).</summary>
    public double Volume { get; init; } = 1.0;

    /// <summary>Process quality: + raises FCR and SLA, shortens response time (leaves only).</summary>
    public double Quality { get; init; }

    /// <summary>Channel mix weights in <see cref="Facts.Dimensions.Channels"/> order (leaves only).</summary>
    public double[] ChannelMix { get; init; } = [];
}

/// <summary>
/// The demo company "Northwind Group": 1 company, 5 divisions, 30 departments, 120 teams and
/// 15 engagements of 6 partners. Fixed, so codes are stable across seeds; the seed only changes
/// the facts.
/// </summary>
public static class DemoOrganisation
{
    public static readonly (string Code, string Name)[] Partners =
    [
        ("PRT-ACME", "Acme Contact Centres"),
        ("PRT-SWIFT", "Swift Couriers"),
        ("PRT-APPWORKS", "AppWorks Studio"),
        ("PRT-GLOBALCALL", "GlobalCall BPO"),
        ("PRT-PARCELNET", "ParcelNet Logistics"),
        ("PRT-HELPDESK", "HelpDesk Pro"),
    ];

    private static readonly (string Code, string Name, (string Code, string Name)[] Departments)[] Divisions =
    [
        ("RETAIL", "Retail", [("STORES", "Stores"), ("ONLINE", "Online Shop"), ("LOYALTY", "Loyalty"), ("RETURNS", "Returns"), ("PAYMENTS", "Payments"), ("PRODUCT", "Product Advice")]),
        ("DIGITAL", "Digital", [("APP", "Mobile App"), ("WEB", "Website"), ("ACCOUNTS", "Accounts"), ("SELFSERVICE", "Self-Service"), ("MESSAGING", "Messaging"), ("SOCIAL", "Social Care")]),
        ("BUSINESS", "Business Customers", [("SMB", "Small Business"), ("ENTERPRISE", "Enterprise"), ("ONBOARDING", "Onboarding"), ("BILLING", "Business Billing"), ("SUPPORT", "Technical Support"), ("RENEWALS", "Renewals")]),
        ("LOGISTICS", "Logistics", [("DELIVERY", "Delivery"), ("WAREHOUSE", "Warehouse"), ("TRACKING", "Tracking"), ("INSTALL", "Installation"), ("CLAIMS", "Claims"), ("PICKUP", "Pick-up Points")]),
        ("CARE", "Customer Care", [("CONTACT", "Contact Centre"), ("COMPLAINTS", "Complaints"), ("BILLING", "Billing"), ("TECH", "Tech Help"), ("RETENTION", "Retention"), ("VIP", "Premium Care")]),
    ];

    private static readonly string[] TeamNames = ["North", "South", "East", "West"];

    // (partner, division, department) engagements: several partners serve several departments.
    private static readonly (string Partner, string Division, string Department)[] Engagements =
    [
        ("PRT-ACME", "CARE", "CONTACT"), ("PRT-ACME", "CARE", "BILLING"), ("PRT-ACME", "RETAIL", "PAYMENTS"),
        ("PRT-SWIFT", "LOGISTICS", "DELIVERY"), ("PRT-SWIFT", "LOGISTICS", "PICKUP"), ("PRT-SWIFT", "RETAIL", "RETURNS"),
        ("PRT-APPWORKS", "DIGITAL", "APP"), ("PRT-APPWORKS", "DIGITAL", "WEB"),
        ("PRT-GLOBALCALL", "CARE", "TECH"), ("PRT-GLOBALCALL", "BUSINESS", "SUPPORT"), ("PRT-GLOBALCALL", "CARE", "COMPLAINTS"),
        ("PRT-PARCELNET", "LOGISTICS", "TRACKING"), ("PRT-PARCELNET", "LOGISTICS", "CLAIMS"),
        ("PRT-HELPDESK", "BUSINESS", "SMB"), ("PRT-HELPDESK", "DIGITAL", "ACCOUNTS"),
    ];

    /// <summary>Clearly better (+) and worse (−) leaves; documented in README.</summary>
    public static readonly IReadOnlyDictionary<string, double> QualityOutliers = new Dictionary<string, double>
    {
        ["TEAM-RETAIL-STORES-NORTH"] = 1.0,
        ["TEAM-CARE-VIP-EAST"] = 1.0,
        ["TEAM-DIGITAL-APP-WEST"] = 0.8,
        ["TEAM-CARE-CONTACT-SOUTH"] = -1.0,
        ["TEAM-LOGISTICS-DELIVERY-WEST"] = -1.0,
        ["TEAM-BUSINESS-BILLING-NORTH"] = -0.8,
        ["ENG-PRT-SWIFT-LOGISTICS-DELIVERY"] = -1.0,
        ["ENG-PRT-SWIFT-LOGISTICS-PICKUP"] = -0.8,
        ["ENG-PRT-HELPDESK-BUSINESS-SMB"] = 0.9,
    };

    /// <summary>Leaves with very low volumes (privacy floor and low-confidence cases); volume factor.</summary>
    public static readonly IReadOnlyDictionary<string, double> LowVolume = new Dictionary<string, double>
    {
        ["TEAM-BUSINESS-ENTERPRISE-EAST"] = 0.03,
        ["TEAM-BUSINESS-ENTERPRISE-WEST"] = 0.03,
        ["TEAM-CARE-VIP-WEST"] = 0.03,
        ["TEAM-LOGISTICS-INSTALL-SOUTH"] = 0.003,
        ["TEAM-DIGITAL-SOCIAL-EAST"] = 0.003,
    };

    public static IReadOnlyList<DemoUnit> Build()
    {
        var units = new List<DemoUnit> { new("CO", "Northwind Group", "company", null) };
        foreach (var (div, divName, departments) in Divisions)
        {
            units.Add(new($"DIV-{div}", divName, "division", "CO"));
            foreach (var (dep, depName) in departments)
            {
                var depCode = $"DEP-{div}-{dep}";
                units.Add(new(depCode, depName, "department", $"DIV-{div}"));
                foreach (var team in TeamNames)
                {
                    var code = $"TEAM-{div}-{dep}-{team.ToUpperInvariant()}";
                    units.Add(Leaf(new(code, $"{depName} {team}", "team", depCode), div, dep));
                }
            }
        }
        foreach (var (partner, div, dep) in Engagements)
        {
            var name = Partners.First(p => p.Code == partner).Name;
            var depName = Divisions.First(d => d.Code == div).Departments.First(d => d.Code == dep).Name;
            units.Add(Leaf(new($"ENG-{partner}-{div}-{dep}", $"{name} — {depName}", "partner", $"DEP-{div}-{dep}", partner), div, dep) with
            {
                Volume = 2.0, // outsourced engagements carry large volumes
            });
        }
        return units;
    }

    private static DemoUnit Leaf(DemoUnit u, string division, string department)
    {
        var volume = LowVolume.TryGetValue(u.Code, out var low) ? low : 1.0;
        var quality = QualityOutliers.TryGetValue(u.Code, out var q) ? q : 0.0;
        return u with { Volume = volume, Quality = quality, ChannelMix = ChannelMixFor(division, department) };
    }

    // phone, ivr, chat, email, app, store, social
    private static double[] ChannelMixFor(string division, string department) => (division, department) switch
    {
        ("RETAIL", "STORES") => [0.15, 0.05, 0.10, 0.05, 0.10, 0.50, 0.05],
        ("DIGITAL", _) => [0.08, 0.02, 0.30, 0.10, 0.40, 0.00, 0.10],
        ("BUSINESS", _) => [0.40, 0.05, 0.15, 0.30, 0.08, 0.00, 0.02],
        ("LOGISTICS", _) => [0.30, 0.15, 0.20, 0.10, 0.20, 0.00, 0.05],
        ("CARE", _) => [0.40, 0.15, 0.20, 0.10, 0.10, 0.00, 0.05],
        _ => [0.25, 0.10, 0.20, 0.10, 0.20, 0.10, 0.05],
    };
}
