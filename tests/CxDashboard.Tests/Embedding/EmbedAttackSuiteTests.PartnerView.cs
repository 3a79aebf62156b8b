using System.Globalization;
using System.Net;
using System.Text.Json;
using CxDashboard.Tests.Ingestion;

namespace CxDashboard.Tests.Embedding;

/// <summary>
/// The partner view's cases (issue 17): a token for one partner's page (PRT-SWIFT) reading another partner, units
/// outside its engagements, the league, verbatims and exports, overriding its locks, writing, drilling without the
/// drill permission, and hosts asking for partner tokens wider than their grant. Counted with the rest of the suite.
/// </summary>
public sealed partial class EmbedAttackSuiteTests
{
    private const string Swift = "PRT-SWIFT";
    private const string SwiftReturns = "ENG-PRT-SWIFT-RETAIL-RETURNS";

    /// <summary>A desk under one of the partner's engagements: what only drilling reaches (the demo's engagements are leaves).</summary>
    private const string SwiftDesk = "TEAM-SWIFT-RETURNS-DESK";

    /// <summary>Imported (as the analyst, through HTTP) before the suite computes what each token may not see.</summary>
    private async Task AddEngagementDeskAsync()
    {
        using var client = app.CreateClient("analyst");
        using var response = await client.PostAsync("org-units", "desk.csv", $"code,name,kind,parent_code\n{SwiftDesk},Swift returns desk,team,{SwiftReturns}\n");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task AddPartnerViewAttacksAsync(List<Attack> attacks, string pv, Forbidden pvF, string month, string other)
    {
        const string G = "partner view";
        var partnerHost = await app.RegisterHostAsync("attack-partner-export", [], [Swift], views: ["partner"], permissions: ["view", "drill", "export"]);
        var twoPartners = await app.RegisterHostAsync("attack-two-partners", [], [Swift, "PRT-PARCELNET"], views: ["partner"], permissions: ["view"]);
        var noDrill = await app.TokenAsync(partnerHost.Key, new { view = "partner", locked = new { period = month }, permissions = new[] { "view" } });
        var exporter = await app.TokenAsync(partnerHost.Key, new { view = "partner", locked = new { period = month }, permissions = new[] { "view", "drill", "export" } });
        var sliced = await app.TokenAsync(partnerHost.Key, new { view = "partner", locked = new { period = month, slice = new { dimension = "channel", value = "phone" } } });
        var noDrillF = await ForbiddenOutsideAsync("root.kind = 'partner' AND root.partner_id = (SELECT id FROM partner WHERE code = $1) AND c.depth = 0", Swift);
        var id = async (string code) => (await app.UnitIdAsync(code)).ToString(CultureInfo.InvariantCulture);
        var returnsId = await id(SwiftReturns);
        var deskId = await id(SwiftDesk);

        // The drill cases below prove something only if drilling does reach the desk.
        var (_, drilled) = await app.GraphQLWithTokenAsync(pv, $$"""{ unit(code: "{{SwiftDesk}}") { code } }""");
        Assert.True(drilled.GetProperty("data").GetProperty("unit").ValueKind == JsonValueKind.Object, $"the drill token does not see {SwiftDesk}: {drilled}");

        // Another partner by code and id, in literals, aliases, fragments and variables.
        var acmeEngagement = "ENG-PRT-ACME-CARE-CONTACT";
        var parcelEngagement = "ENG-PRT-PARCELNET-LOGISTICS-TRACKING";
        attacks.Add(Gql(G, "alias pair: its partner and another", pv, pvF, $$"""{ a: partner(code: "{{Swift}}") { code } b: partner(code: "PRT-ACME") { code engagements { code id } } }"""));
        attacks.Add(Gql(G, "another partner through a variable", pv, pvF,
            """query($c: String!, $p: String!) { partner(code: $c) { code value(metric: "nps", period: $p) { n value } } }""", new { c = "PRT-GLOBALCALL", p = month }));
        attacks.Add(Gql(G, "another partner in a named fragment", pv, pvF, """query { ...F } fragment F on Query { partner(code: "PRT-HELPDESK") { code engagements { code id } } }"""));
        attacks.Add(Gql(G, "another partner in an inline fragment", pv, pvF, """{ ... on Query { partner(code: "PRT-APPWORKS") { code } } }"""));
        attacks.Add(Gql(G, "another partner's code in another case", pv, pvF, """{ partner(code: "prt-acme") { code } }"""));
        attacks.Add(Gql(G, "fragment on Partner repeated for another partner", pv, pvF,
            $$"""{ a: partner(code: "{{Swift}}") { ...P } b: partner(code: "PRT-PARCELNET") { ...P } } fragment P on Partner { code engagements { code id } }"""));
        foreach (var code in new[] { acmeEngagement, parcelEngagement })
        {
            var eid = await id(code);
            attacks.Add(Gql(G, $"another partner's engagement by code ({code})", pv, pvF, $$"""{ unit(code: "{{code}}") { id code partner { code } } }"""));
            attacks.Add(Gql(G, $"another partner's engagement by id ({code})", pv, pvF, $$"""{ unit(id: "{{eid}}") { id code } }"""));
            attacks.Add(Gql(G, $"another partner's engagement by id in a variable ({code})", pv, pvF, """query($u: ID!) { unit(id: $u) { id code } }""", new { u = eid }));
            attacks.Add(Gql(G, $"scorecard of another partner's engagement ({code})", pv, pvF,
                $$"""{ scorecard(unit: "{{eid}}", period: "{{month}}") { unit { id code } kpis { kpi { __typename id } actual } } }"""));
            attacks.Add(Gql(G, $"KPIs of another partner's engagement ({code})", pv, pvF, $$"""{ kpis(unit: "{{eid}}") { __typename id unit { code } } }"""));
            attacks.Add(Gql(G, $"a KPI of another partner's engagement by id ({code})", pv, pvF,
                $$"""{ kpi(id: "{{await app.KpiOfAsync(code)}}") { __typename id unit { code } targets { target } } }"""));
        }

        // Units outside its engagements: the departments above them, their teams, the company.
        foreach (var code in new[] { "DEP-RETAIL-RETURNS", "DEP-LOGISTICS-DELIVERY", "TEAM-RETAIL-RETURNS-NORTH", "DIV-LOGISTICS", "CO" })
        {
            var uid = await id(code);
            attacks.Add(Gql(G, $"unit(code: {code})", pv, pvF, $$"""{ unit(code: "{{code}}") { id code children { code } } }"""));
            attacks.Add(Gql(G, $"scorecard(unit: {code})", pv, pvF, $$"""{ scorecard(unit: "{{uid}}", period: "{{month}}") { unit { id code } score } }"""));
            attacks.Add(Gql(G, $"drivers(unit: {code})", pv, pvF, $$"""{ drivers(unit: "{{uid}}", period: "{{month}}") { unit { id code } linkedResponses } }"""));
        }
        attacks.Add(Gql(G, "its engagement's parent and breadcrumb (names only)", pv, pvF,
            $$"""{ unit(code: "{{SwiftReturns}}") { parent { id code } breadcrumb { name unit { id code } } } }"""));
        attacks.Add(Gql(G, "its engagements' KPIs walked up the cascade", pv, pvF,
            $$"""{ partner(code: "{{Swift}}") { engagements { scorecard(period: "{{month}}") { kpis { kpi { __typename id unit { code } parent { __typename id unit { code } parent { __typename id } } } children { kpi { __typename id unit { code } } } drivers { kpi { __typename id unit { code } } } } } } } }"""));
        attacks.Add(Gql(G, "top movers under its engagement", pv, pvF, $$"""{ unit(code: "{{SwiftReturns}}") { topMovers(metric: "nps", period: "{{month}}", first: 50) { unit { code id } } } }"""));
        attacks.Add(Exactly(G, "roots and units are its engagements", pv, pvF, """{ units { code } me { roots { code } } }""",
            d => d.GetProperty("units").EnumerateArray().Concat(d.GetProperty("me").GetProperty("roots").EnumerateArray()).Select(u => u.GetProperty("code").GetString()!),
            () => CodesAsync("SELECT u.code FROM org_unit u JOIN partner p ON p.id = u.partner_id WHERE p.code = $1 ORDER BY u.code", Swift), distinct: true));

        // The league: a partner manager's league lists their own partner only, and so does the partner view (ranked
        // among the partners in scope: it tells nothing of the others).
        foreach (var (metric, slice) in new[] { ("nps", ""), ("fcr", ""), ("csat", """, slice: { dimension: CHANNEL, value: "phone" }""") })
        {
            attacks.Add(new Attack(G, $"league ({metric}{(slice.Length > 0 ? ", phone" : "")}) lists its partner alone", async () =>
            {
                var (status, body) = await app.GraphQLWithTokenAsync(pv, $$"""
                    { partnerLeague(metric: "{{metric}}", period: "{{month}}"{{slice}}) { rank partner { code engagements { code id } } value { n } }
                      partner(code: "{{Swift}}") { value(metric: "{{metric}}", period: "{{month}}"{{slice}}) { n } } }
                    """);
                var outcome = Inspect(status, body, pvF, mustRefuse: false, []);
                if (outcome.Kind != Kind.Filtered) return outcome.Kind == Kind.Refused ? new Outcome(Kind.Leaked, "the league was refused: " + outcome.Detail) : outcome;
                var rows = body.GetProperty("data").GetProperty("partnerLeague").EnumerateArray().ToArray();
                if (rows is not [var only] || only.GetProperty("partner").GetProperty("code").GetString() != Swift)
                    return new Outcome(Kind.Leaked, $"league rows: {string.Join(",", rows.Select(r => r.GetProperty("partner").GetProperty("code").GetString()))}");
                var rank = only.GetProperty("rank");
                var n = only.GetProperty("value").GetProperty("n").GetInt64();
                var own = body.GetProperty("data").GetProperty("partner").GetProperty("value").GetProperty("n").GetInt64();
                if (rank.ValueKind == JsonValueKind.Number && rank.GetInt32() != 1) return new Outcome(Kind.Leaked, $"rank {rank} among partners it cannot see");
                return n == own ? new Outcome(Kind.Filtered, $"{Swift} alone (rank {rank}, n {n})") : new Outcome(Kind.Leaked, $"league n {n}, its page n {own}");
            }));
        }
        attacks.Add(Exactly(G, "partners lists its partner alone", pv, pvF, """{ partners { code engagements { code } } }""",
            d => d.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("code").GetString()!), () => Task.FromResult<string[]>([Swift])));
        attacks.Add(Gql(G, "league: another period", pv, pvF, $$"""{ partnerLeague(metric: "nps", period: "{{other}}") { rank partner { code } } }""", mustRefuse: true));

        // Verbatims and exports out of scope.
        attacks.Add(Gql(G, "verbatims of another partner's engagement", pv, pvF, $$"""{ unit(code: "{{acmeEngagement}}") { verbatims(period: "{{month}}") { items { comment } } } }"""));
        attacks.Add(Gql(G, "verbatims of the department above its engagement", pv, pvF, $$"""{ unit(code: "DEP-RETAIL-RETURNS") { verbatims(period: "{{month}}") { items { comment } } } }"""));
        attacks.Add(Gql(G, "verbatims of its engagement carry its units only", pv, pvF,
            $$"""{ unit(code: "{{SwiftReturns}}") { verbatims(period: "{{month}}", first: 100) { items { unit { code id } } } } }"""));
        foreach (var (name, path) in new[]
        {
            ("review of another partner's engagement", $"/export/monthly-review.xlsx?unit={acmeEngagement}&month={month}"),
            ("review of the department above", $"/export/monthly-review.xlsx?unit=DEP-RETAIL-RETURNS&month={month}"),
            ("review of the company", $"/export/monthly-review.xlsx?unit=CO&month={month}"),
            ("review of its engagement for another month", $"/export/monthly-review.xlsx?unit={SwiftReturns}&month={other}"),
            ("raw responses of its engagement", $"/export/responses.csv?unit={SwiftReturns}&from={month}-01&to={month}-28"),
            ("raw interactions of its engagement", $"/export/interactions.xlsx?unit={SwiftReturns}&from={month}-01&to={month}-28"),
            ("stored reviews", "/api/exports"),
        })
        {
            attacks.Add(Http(G, "export: " + name, exporter, HttpMethod.Get, path));
        }
        attacks.Add(Http(G, "export without the export permission", pv, HttpMethod.Get, $"/export/monthly-review.xlsx?unit={SwiftReturns}&month={month}"));

        // Locked filters overridden by arguments, variables and aliases.
        var swiftSel = $$"""partner(code: "{{Swift}}")""";
        attacks.Add(Gql(G, "locked period: another period (literal)", pv, pvF, $$"""{ {{swiftSel}} { value(metric: "nps", period: "{{other}}") { n } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked period: another period (variable)", pv, pvF, $$"""query($p: String!) { {{swiftSel}} { value(metric: "nps", period: $p) { n } } }""", new { p = other }, mustRefuse: true));
        attacks.Add(Gql(G, "locked period: alias pair", pv, pvF, $$"""{ {{swiftSel}} { a: value(metric: "nps", period: "{{month}}") { n } b: value(metric: "nps", period: "{{other}}") { n } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked period: the whole year", pv, pvF, $$"""{ {{swiftSel}} { value(metric: "csat", period: "{{month[..4]}}") { n } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked period: series ending elsewhere", pv, pvF, $$"""{ {{swiftSel}} { series(metric: "nps", end: "{{other}}", periods: 3) { n } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked period: its engagements' scorecards for another period", pv, pvF,
            $$"""query($p: String!) { {{swiftSel}} { engagements { scorecard(period: $p) { score } } } }""", new { p = other }, mustRefuse: true));
        attacks.Add(Gql(G, "locked slice: another channel", sliced, pvF,
            $$"""{ {{swiftSel}} { value(metric: "nps", period: "{{month}}", slice: { dimension: CHANNEL, value: "chat" }) { n } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked slice: another dimension (variable)", sliced, pvF,
            $$"""query($s: SliceInput) { {{swiftSel}} { value(metric: "nps", period: "{{month}}", slice: $s) { n } } }""", new { s = new { dimension = "SEGMENT", value = "premium" } }, mustRefuse: true));
        attacks.Add(Gql(G, "locked slice: league of another channel", sliced, pvF,
            $$"""{ partnerLeague(metric: "nps", period: "{{month}}", slice: { dimension: CHANNEL, value: "email" }) { rank } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked slice: its engagements' scorecards (every slice)", sliced, pvF,
            $$"""{ {{swiftSel}} { engagements { scorecard(period: "{{month}}") { score } } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "locked slice: a breakdown across channels", sliced, pvF,
            $$"""{ unit(code: "{{SwiftReturns}}") { breakdown(metric: "nps", period: "{{month}}", by: CHANNEL) { key value { n } } } }""", mustRefuse: true));
        attacks.Add(new Attack(G, "locked slice: no slice argument reads the partner's phone responses", async () =>
        {
            var (_, body) = await app.GraphQLWithTokenAsync(sliced, $$"""{ {{swiftSel}} { value(metric: "nps", period: "{{month}}") { n } } }""");
            var n = body.GetProperty("data").GetProperty("partner").GetProperty("value").GetProperty("n").GetInt64();
            var phone = await app.ScalarAsync<long>("""
                SELECT count(*) FROM survey_response r
                WHERE r.channel = 'phone' AND r.nps IS NOT NULL
                  AND r.responded_at >= ($2 || '-01')::date AND r.responded_at < ($2 || '-01')::date + interval '1 month'
                  AND EXISTS (SELECT 1 FROM org_unit_closure c JOIN org_unit e ON e.id = c.ancestor_id JOIN partner p ON p.id = e.partner_id
                              WHERE c.descendant_id = r.org_unit_id AND p.code = $1)
                """, Swift, month);
            return n == phone ? new Outcome(Kind.Filtered, $"n {n} = its phone responses {phone}") : new Outcome(Kind.Leaked, $"n {n}, its phone responses {phone}");
        }));

        // Mutations, on its own engagement too.
        var kpi = await app.KpiOfAsync(SwiftReturns);
        foreach (var (name, mutation) in new[]
        {
            ("createKpi on its engagement", $$"""mutation { createKpi(input: { unit: "{{returnsId}}", metric: "ces" }) { id } }"""),
            ("recordCheckin on its engagement's KPI", $$"""mutation { recordCheckin(input: { kpi: "{{kpi}}", periodStart: "{{month}}-01", status: ON_TRACK, note: "x" }) { id } }"""),
            ("setKpiTargets on its engagement's KPI", $$"""mutation { setKpiTargets(input: { kpi: "{{kpi}}", targets: [{ periodStart: "{{month}}-01", target: 1 }] }) { target } }"""),
            ("registerHostApplication for its partner", $$"""mutation { registerHostApplication(input: { name: "evil", origins: ["https://evil.example"], grantPartners: ["{{Swift}}"], views: ["partner"] }) { id } }"""),
            ("revokeApiKey of its own key", $$"""mutation { revokeApiKey(keyId: "{{partnerHost.KeyId}}") }"""),
        })
        {
            attacks.Add(Gql(G, "mutation: " + name, pv, pvF, mutation, mustRefuse: true));
        }

        // Drilling without the drill permission: the engagements only, nothing under them.
        attacks.Add(Gql(G, "without drill: the desk under its engagement", noDrill, noDrillF, $$"""{ unit(code: "{{SwiftDesk}}") { id code } }"""));
        attacks.Add(Gql(G, "without drill: the desk by id", noDrill, noDrillF, $$"""{ unit(id: "{{deskId}}") { id code } }"""));
        attacks.Add(Gql(G, "without drill: the desk's scorecard", noDrill, noDrillF, $$"""{ scorecard(unit: "{{deskId}}", period: "{{month}}") { unit { id code } } }"""));
        attacks.Add(Gql(G, "without drill: its engagements' children", noDrill, noDrillF, $$"""{ {{swiftSel}} { engagements { code children { id code } } } }"""));
        attacks.Add(Gql(G, "without drill: top movers under its engagement", noDrill, noDrillF,
            $$"""{ unit(code: "{{SwiftReturns}}") { topMovers(metric: "nps", period: "{{month}}") { unit { id code } } } }"""));
        attacks.Add(Gql(G, "without drill: verbatims carry its engagements only", noDrill, noDrillF,
            $$"""{ unit(code: "{{SwiftReturns}}") { verbatims(period: "{{month}}", first: 100) { items { unit { code id } } } } }"""));

        // Hosts asking for partner tokens wider than their grant (403 problem), or shaped wrong (400 problem).
        attacks.Add(Wider("partner view: another partner", partnerHost.Key, new { view = "partner", scope = new { partners = new[] { "PRT-ACME" } } }) with { Group = G });
        attacks.Add(Wider("partner view: its partner and another", partnerHost.Key, new { view = "partner", scope = new { partners = new[] { Swift, "PRT-ACME" } } }) with { Group = G });
        attacks.Add(Wider("partner view: the company's units", partnerHost.Key, new { view = "partner", scope = new { units = new[] { "CO" } } }) with { Group = G });
        attacks.Add(Wider("partner view: the department above its engagement", partnerHost.Key, new { view = "partner", scope = new { units = new[] { "DEP-RETAIL-RETURNS" } } }) with { Group = G });
        attacks.Add(Wider("partner view: a partner code that does not exist", partnerHost.Key, new { view = "partner", scope = new { partners = new[] { "PRT-NOPE" } } }) with { Group = G });
        attacks.Add(Wider("partner view: a view the partner host may not embed", partnerHost.Key, new { view = "scorecard", scope = new { partners = new[] { Swift } } }) with { Group = G });
        attacks.Add(Wider("partner view: export the host lacks", twoPartners.Key, new { view = "partner", scope = new { partners = new[] { Swift } }, permissions = new[] { "view", "export" } }) with { Group = G });
        attacks.Add(Wider("partner view: drill the host lacks", twoPartners.Key, new { view = "partner", scope = new { partners = new[] { Swift } }, permissions = new[] { "view", "drill" } }) with { Group = G });
        attacks.Add(BadRequest(G, "partner view: two partners (both granted)", twoPartners.Key, new { view = "partner", scope = new { partners = new[] { Swift, "PRT-PARCELNET" } } }));
        attacks.Add(BadRequest(G, "partner view: the host's whole two-partner grant", twoPartners.Key, new { view = "partner" }));
        attacks.Add(BadRequest(G, "partner view: its engagement as a unit scope", partnerHost.Key, new { view = "partner", scope = new { units = new[] { SwiftReturns } } }));
        attacks.Add(BadRequest(G, "partner view: a locked unit", partnerHost.Key, new { view = "partner", locked = new { unit = SwiftReturns } }));
    }

    /// <summary>A read whose answer must list exactly the expected codes (no forbidden one either).</summary>
    private Attack Exactly(string group, string name, string token, Forbidden forbidden, string query, Func<JsonElement, IEnumerable<string>> codes,
        Func<Task<string[]>> expected, bool distinct = false) => new(group, name, async () =>
    {
        var (status, body) = await app.GraphQLWithTokenAsync(token, query);
        var outcome = Inspect(status, body, forbidden, mustRefuse: false, []);
        if (outcome.Kind != Kind.Filtered) return outcome.Kind == Kind.Refused ? new Outcome(Kind.Leaked, "refused: " + outcome.Detail) : outcome;
        var shown = codes(body.GetProperty("data")).Order(StringComparer.Ordinal).ToArray();
        if (distinct) shown = shown.Distinct().ToArray();
        var want = (await expected()).Order(StringComparer.Ordinal).ToArray();
        return shown.SequenceEqual(want)
            ? new Outcome(Kind.Filtered, string.Join(",", shown))
            : new Outcome(Kind.Leaked, $"shown {string.Join(",", shown)}, expected {string.Join(",", want)}");
    });

    private Attack BadRequest(string group, string name, string key, object body) => new(group, name, async () =>
    {
        using var response = await app.RequestTokenAsync(key, body);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (response.StatusCode == HttpStatusCode.BadRequest && type == "application/problem+json") return new Outcome(Kind.Refused, "400 problem");
        return new Outcome(Kind.Leaked, $"HTTP {(int)response.StatusCode} {type}: {await response.Content.ReadAsStringAsync()}");
    });

    private async Task<string[]> CodesAsync(string sql, string arg) => (await app.RowsAsync(sql, arg)).Select(r => (string)r[0]!).ToArray();
}
