using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Values;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Tests.Scorecards;

/// <summary>
/// The one scope filter of the read API, per persona: what a department head, a partner manager and
/// an executive can reach, with values checked against plain SQL over the raw rows.
/// </summary>
public sealed class ScopeGateTests(ReadApp app) : IClassFixture<ReadApp>
{
    [Fact]
    public async Task A_department_head_cannot_reach_a_sibling_by_id_code_children_values_or_verbatims()
    {
        await using var caller = app.CallerWith("department_head", units: ["DEP-RETAIL-STORES"]);
        var own = await app.IdAsync("DEP-RETAIL-STORES");
        var sibling = await app.IdAsync("DEP-RETAIL-ONLINE");
        var division = await app.IdAsync("DIV-RETAIL");
        var month = Period.Of("month", await app.LastFullMonthAsync());

        Assert.Equal([own], (await caller.Org.UnitsAsync([own, sibling, division])).Keys);
        Assert.Empty(await caller.Org.UnitsByCodeAsync(["DEP-RETAIL-ONLINE", "DIV-RETAIL", "CO"]));
        Assert.Empty((await caller.Org.ChildrenAsync([division]))[division]);
        Assert.Equal(4, (await caller.Org.ChildrenAsync([own]))[own].Count);
        var values = await caller.Values.ValuesAsync([new ValueKey(SubjectKind.Unit, sibling, "nps", month, Slice.All), new ValueKey(SubjectKind.Unit, own, "nps", month, Slice.All)]);
        Assert.Single(values);
        Assert.Empty(await caller.Values.BreakdownsAsync([new BreakdownKey(SubjectKind.Unit, sibling, month, "channel")]));
        Assert.Null(await caller.Verbatims.PageAsync(sibling, month, VerbatimBand.All, VerbatimSlices.All, 10, null));
        Assert.Null(await caller.Verbatims.PageAsync(division, month, VerbatimBand.All, VerbatimSlices.All, 10, null));
        Assert.Empty(await caller.Gate.PartnersAsync());
        Assert.Equal(["DEP-RETAIL-STORES"], (await caller.Org.RootsAsync()).Select(u => u.Code));
    }

    [Fact]
    public async Task A_breadcrumb_shows_ancestors_outside_the_scope_by_name_only()
    {
        await using var caller = app.CallerWith("department_head", units: ["DEP-RETAIL-STORES"]);
        var team = await app.IdAsync("TEAM-RETAIL-STORES-NORTH");

        var crumbs = (await caller.Org.BreadcrumbsAsync([team]))[team];

        Assert.Equal(["Northwind Group", "Retail", "Stores"], crumbs.Select(c => c.Name));
        Assert.Equal([null, null, "DEP-RETAIL-STORES"], crumbs.Select(c => c.Unit?.Code));
    }

    [Fact]
    public async Task A_department_head_sees_a_partner_only_through_its_own_engagement()
    {
        await using var caller = app.CallerWith("department_head", units: ["DEP-CARE-CONTACT"]);
        var year = Period.Of("year", await app.LastFullMonthAsync());
        var truth = await app.ScalarAsync<long>("""
            SELECT count(nps) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            JOIN org_unit e ON e.id = c.ancestor_id AND e.code = 'ENG-PRT-ACME-CARE-CONTACT'
            WHERE (r.responded_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2
            """, year.First, year.Last);

        var partners = await caller.Gate.PartnersAsync();
        var acme = Assert.Single(partners);
        var value = (await caller.Values.ValuesAsync([new ValueKey(SubjectKind.Partner, acme.Id, "nps", year, Slice.All)])).Values.Single();

        Assert.Equal("PRT-ACME", acme.Code);
        Assert.Single(acme.EngagementIds);
        Assert.True(truth > 0);
        Assert.Equal(truth, value.N);
    }

    [Fact]
    public async Task A_partner_manager_sees_the_whole_partner_and_values_below_the_privacy_floor_are_suppressed()
    {
        await using var caller = app.CallerWith("partner_manager", partners: ["PRT-ACME"]);
        var year = Period.Of("year", await app.LastFullMonthAsync());
        var truth = await app.ScalarAsync<long>("""
            SELECT count(nps) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
            JOIN org_unit e ON e.id = c.ancestor_id JOIN partner p ON p.id = e.partner_id AND p.code = 'PRT-ACME'
            WHERE (r.responded_at AT TIME ZONE 'UTC')::date BETWEEN $1 AND $2
            """, year.First, year.Last);
        // An ISO week in which one engagement got between 1 and 4 NPS answers from one segment: under the floor of 5
        // (a floor caller reads weeks, months, quarters and years, never single days).
        var small = (await app.RowsAsync("""
            SELECT e.id, date_trunc('week', r.responded_at AT TIME ZONE 'UTC')::date, count(nps), r.segment FROM survey_response r
            JOIN org_unit e ON e.id = r.org_unit_id AND e.partner_id IS NOT NULL JOIN partner p ON p.id = e.partner_id AND p.code = 'PRT-ACME'
            GROUP BY 1, 2, 4 HAVING count(nps) BETWEEN 1 AND 4 ORDER BY 2 DESC, 4 LIMIT 1
            """))[0];

        var acme = Assert.Single(await caller.Gate.PartnersAsync());
        var whole = (await caller.Values.ValuesAsync([new ValueKey(SubjectKind.Partner, acme.Id, "nps", year, Slice.All)])).Values.Single();
        var week = Period.Of("week", small[1] is DateOnly d ? d : DateOnly.FromDateTime((DateTime)small[1]!));
        var tiny = (await caller.Values.ValuesAsync([new ValueKey(SubjectKind.Unit, (long)small[0]!, "nps", week, new Slice("segment", (string)small[3]!))])).Values.Single();
        await Assert.ThrowsAsync<CxDashboard.GraphQL.GraphQLException>(() =>
            caller.Values.ValuesAsync([new ValueKey(SubjectKind.Unit, (long)small[0]!, "nps", Period.Of("day", week.First), Slice.All)]));

        Assert.Equal(3, acme.EngagementIds.Count);
        Assert.Equal(truth, whole.N);
        Assert.False(whole.Suppressed);
        Assert.True(tiny.Suppressed);
        Assert.Null(tiny.Value);
        Assert.Null(tiny.Low);
        Assert.Equal((long)small[2]!, tiny.N);
        Assert.True(tiny.LowConfidence);
        Assert.Empty(await caller.Org.UnitsByCodeAsync(["DEP-CARE-CONTACT", "CO"]));
    }

    [Fact]
    public async Task An_executive_starts_at_the_company_and_sees_every_partner_without_suppression()
    {
        await using var caller = app.CallerWith("executive", units: ["CO"]);

        Assert.Equal(["CO"], (await caller.Org.RootsAsync()).Select(u => u.Code));
        Assert.Equal(6, (await caller.Gate.PartnersAsync()).Count);
        Assert.False(caller.Gate.AppliesPrivacyFloor);
    }

    [Fact]
    public void The_composed_schema_holds_every_feature_s_root_fields()
    {
        var sdl = SchemaPrinter.Print(GraphQLExtensions.BuildCxSchema());

        Assert.Contains("unit(id: ID, code: String): OrgUnit", sdl);
        Assert.Contains("partnerLeague(metric: String!, period: String!, slice: SliceInput): [LeagueRow!]!", sdl);
        Assert.Contains("band: VerbatimBand! = ALL", sdl);
        Assert.Contains("): VerbatimPage!", sdl);
        Assert.Contains("topMovers(", sdl);
        Assert.Contains("scorecard(unit: ID!, period: String!): Scorecard", sdl);
        Assert.Contains("type Mutation", sdl);
    }
}
