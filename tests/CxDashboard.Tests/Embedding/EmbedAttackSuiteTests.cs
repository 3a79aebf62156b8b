using Xunit.Abstractions;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Tests.Embedding;

/// <summary>
/// The embedding attack suite (issue 17): every way an embedded viewer might read outside its token's scope, view
/// and locked filters, through HTTP on real PostgreSQL. Each case must end in a refusal (HTTP 401/403/429, a GraphQL
/// error) or a filtered answer, and no answer may carry an out-of-scope unit's code or id, a KPI id outside the scope
/// or a partner without a visible engagement (the forbidden sets come from SQL over org_unit and the closure table).
/// The suite prints how many cases it ran and how each ended.
/// </summary>
public sealed partial class EmbedAttackSuiteTests(EmbedAttackSuiteTests.App app, ITestOutputHelper output) : IClassFixture<EmbedAttackSuiteTests.App>
{
    public sealed class App : EmbedApp;

    private const string Stores = "DEP-RETAIL-STORES";
    private const string Payments = "DEP-RETAIL-PAYMENTS";

    private enum Kind { Refused, Filtered, Leaked }

    private sealed record Outcome(Kind Kind, string Detail);

    private sealed record Attack(string Group, string Name, Func<Task<Outcome>> Run);

    /// <summary>What one token must never see: unit codes and ids, KPI ids, partner codes.</summary>
    private sealed class Forbidden
    {
        public HashSet<string> Codes { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public HashSet<string> KpiIds { get; } = new(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Every_attack_ends_in_a_refusal_or_a_filtered_answer()
    {
        var month = app.Month;
        var other = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var storesId = (await app.UnitIdAsync(Stores)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await AddEngagementDeskAsync();

        var retail = await app.RegisterHostAsync("attack-retail", ["DIV-RETAIL"], []);
        var partnerHost = await app.RegisterHostAsync("attack-partner", [], ["PRT-SWIFT"], views: ["partner"], permissions: ["view", "drill"]);
        var narrow = await app.RegisterHostAsync("attack-narrow", ["DIV-RETAIL"], [], views: ["scorecard"], permissions: ["view"]);

        var lockStores = new { unit = Stores, period = month };
        var tokens = new Dictionary<string, string>
        {
            ["scorecard"] = await app.TokenAsync(retail.Key, new { view = "scorecard", locked = lockStores, permissions = new[] { "view", "drill" } }),
            ["cascade"] = await app.TokenAsync(retail.Key, new { view = "cascade", locked = lockStores, permissions = new[] { "view", "drill" } }),
            ["process"] = await app.TokenAsync(retail.Key, new
            {
                view = "process", locked = new { unit = Stores, period = month, slice = new { dimension = "channel", value = "phone" } },
                permissions = new[] { "view", "drill" },
            }),
            ["partner"] = await app.TokenAsync(partnerHost.Key, new { view = "partner", locked = new { period = month } }),
        };
        var noDrill = await app.TokenAsync(retail.Key, new { view = "scorecard", locked = lockStores, permissions = new[] { "view" } });
        var exporter = await app.TokenAsync(retail.Key, new { view = "scorecard", locked = lockStores, permissions = new[] { "view", "drill", "export" } });
        var payments = await app.TokenAsync(retail.Key, new { view = "scorecard", locked = new { unit = Payments, period = month }, permissions = new[] { "view", "drill" } });

        var forbiddenFor = new Dictionary<string, Forbidden>
        {
            ["scorecard"] = await ForbiddenOutsideAsync("root.code = $1", Stores),
            ["cascade"] = await ForbiddenOutsideAsync("root.code = $1", Stores),
            ["process"] = await ForbiddenOutsideAsync("root.code = $1", Stores),
            ["partner"] = await ForbiddenOutsideAsync("root.kind = 'partner' AND root.partner_id = (SELECT id FROM partner WHERE code = $1)", "PRT-SWIFT"),
        };
        var noDrillForbidden = await ForbiddenOutsideAsync("root.code = $1 AND c.depth = 0", Stores);
        var paymentsForbidden = await ForbiddenOutsideAsync("root.code = $1", Payments);

        var attacks = new List<Attack>();

        // 1. Out-of-scope ids in every id-bearing argument, from each view's token.
        string[] outside = ["CO", "DIV-RETAIL", Payments, "DEP-CARE-CONTACT", "ENG-PRT-ACME-CARE-CONTACT"];
        foreach (var (view, token) in tokens)
        {
            var f = forbiddenFor[view];
            foreach (var code in outside)
            {
                var id = await app.UnitIdAsync(code);
                attacks.Add(Gql("out-of-scope ids", $"{view}: unit(code: {code})", token, f, $$"""{ unit(code: "{{code}}") { id code name } }"""));
                attacks.Add(Gql("out-of-scope ids", $"{view}: unit(id: {code})", token, f, $$"""{ unit(id: "{{id}}") { id code } }"""));
                attacks.Add(Gql("out-of-scope ids", $"{view}: scorecard(unit: {code})", token, f, $$"""{ scorecard(unit: "{{id}}", period: "{{month}}") { unit { id code } score kpis { kpi { __typename id unit { code } } actual } } }"""));
                attacks.Add(Gql("out-of-scope ids", $"{view}: kpis(unit: {code})", token, f, $$"""{ kpis(unit: "{{id}}") { __typename id unit { code } } }"""));
                attacks.Add(Gql("out-of-scope ids", $"{view}: drivers(unit: {code})", token, f, $$"""{ drivers(unit: "{{id}}", period: "{{month}}") { unit { id code } linkedResponses } }"""));
            }
            foreach (var kpiUnit in new[] { "DEP-CARE-CONTACT", "DIV-RETAIL" })
            {
                var kpi = await app.KpiOfAsync(kpiUnit);
                attacks.Add(Gql("out-of-scope ids", $"{view}: kpi(id: KPI of {kpiUnit})", token, f, $$"""{ kpi(id: "{{kpi}}") { __typename id unit { code } targets { target } checkins { note } } }"""));
            }
            foreach (var partner in new[] { "PRT-ACME", "PRT-GLOBALCALL" })
            {
                attacks.Add(Gql("out-of-scope ids", $"{view}: partner(code: {partner})", token, f, $$"""{ partner(code: "{{partner}}") { code engagements { code } } }"""));
            }
        }

        var sc = tokens["scorecard"];
        var scF = forbiddenFor["scorecard"];

        // 2. Aliases and fragments repeating an allowed field with a forbidden argument.
        attacks.Add(Gql("aliases and fragments", "alias pair: allowed unit and forbidden unit", sc, scF,
            $$"""{ a: unit(code: "{{Stores}}") { code } b: unit(code: "DEP-CARE-CONTACT") { code } }"""));
        attacks.Add(Gql("aliases and fragments", "alias pair: allowed and forbidden scorecard", sc, scF,
            $$"""{ a: scorecard(unit: "{{storesId}}", period: "{{month}}") { unit { id code } } b: scorecard(unit: "{{await app.UnitIdAsync("CO")}}", period: "{{month}}") { unit { id code } kpis { actual } } }"""));
        attacks.Add(Gql("aliases and fragments", "named fragment on Query with a forbidden unit", sc, scF,
            """query { ...F } fragment F on Query { unit(code: "DIV-RETAIL") { code children { code } } }"""));
        attacks.Add(Gql("aliases and fragments", "inline fragment with a forbidden scorecard", sc, scF,
            $$"""{ ... on Query { scorecard(unit: "{{await app.UnitIdAsync(Payments)}}", period: "{{month}}") { unit { id code } } } }"""));
        attacks.Add(Gql("aliases and fragments", "alias pair: locked period and another period", sc, scF,
            $$"""{ unit(code: "{{Stores}}") { a: value(metric: "nps", period: "{{month}}") { n } b: value(metric: "nps", period: "{{other}}") { n } } }""", mustRefuse: true));
        attacks.Add(Gql("aliases and fragments", "fragment on OrgUnit reading another period", sc, scF,
            $$"""{ unit(code: "{{Stores}}") { ...V } } fragment V on OrgUnit { value(metric: "csat", period: "{{other}}") { n value } }""", mustRefuse: true));
        attacks.Add(Gql("aliases and fragments", "forbidden code through a variable", sc, scF,
            """query($c: String) { unit(code: $c) { code } }""", new { c = "DEP-CARE-CONTACT" }));

        // 3. Walking parent and children out of scope.
        attacks.Add(Gql("parent/children walks", "parent of the locked unit", sc, scF, $$"""{ unit(code: "{{Stores}}") { parent { code id parent { code } } } }"""));
        attacks.Add(Gql("parent/children walks", "breadcrumb ancestors carry names only", sc, scF, $$"""{ unit(code: "{{Stores}}") { breadcrumb { name unit { code id } } } }"""));
        attacks.Add(Gql("parent/children walks", "children four levels down", sc, scF,
            $$"""{ unit(code: "{{Stores}}") { children { code children { code children { code children { code } } } } } }"""));
        attacks.Add(Gql("parent/children walks", "without drill: children of the locked unit", noDrill, noDrillForbidden, $$"""{ unit(code: "{{Stores}}") { children { code } } }"""));
        attacks.Add(Gql("parent/children walks", "without drill: a team under the locked unit", noDrill, noDrillForbidden, """{ unit(code: "TEAM-RETAIL-STORES-NORTH") { code } }"""));
        attacks.Add(Gql("parent/children walks", "without drill: scorecard cascade children", noDrill, noDrillForbidden,
            $$"""{ scorecard(unit: "{{storesId}}", period: "{{month}}") { kpis { kpi { unit { code } } children { kpi { __typename id unit { code } } } } } }"""));
        attacks.Add(Gql("parent/children walks", "scorecard cascade three levels down", sc, scF,
            $$"""{ scorecard(unit: "{{storesId}}", period: "{{month}}") { kpis { kpi { __typename id unit { code } parent { __typename id unit { code } } } children { kpi { __typename id unit { code } } children { kpi { __typename id unit { code } } children { kpi { unit { code } } } } } drivers { kpi { unit { code } } } } } }"""));
        attacks.Add(new Attack("parent/children walks", "the parent KPI of a scorecard KPI by id", async () =>
        {
            // kpi.parent is null outside the scope, so the parent's id comes from the database, as a guessing client would try it.
            var parent = await app.ScalarAsync<long?>(
                "SELECT min(k.parent_kpi_id) FROM kpi k JOIN org_unit u ON u.id = k.org_unit_id WHERE u.code = $1 AND k.parent_kpi_id IS NOT NULL", Stores);
            if (parent is null) return new Outcome(Kind.Leaked, "no KPI with a parent to walk to (the suite's data changed)");
            return await Classify(sc, scF, $$"""{ kpi(id: "{{parent}}") { __typename id unit { code } } }""", null, mustRefuse: true, []);
        }));
        attacks.Add(Gql("parent/children walks", "top movers among children", sc, scF, $$"""{ unit(code: "{{Stores}}") { topMovers(metric: "nps", period: "{{month}}", first: 50) { unit { code id } } } }"""));
        attacks.Add(Gql("parent/children walks", "verbatims carry units inside the scope", sc, scF, $$"""{ unit(code: "{{Stores}}") { verbatims(period: "{{month}}", first: 100) { items { unit { code id } } } } }"""));
        attacks.Add(Gql("parent/children walks", "roots and visible units", sc, scF, """{ units { code } me { visibleUnitCount roots { code } } }"""));

        // 4. Locked filters overridden by arguments or variables.
        var unitSel = $$"""unit(code: "{{Stores}}")""";
        attacks.Add(Gql("locked filters", "value: another period (literal)", sc, scF, $$"""{ {{unitSel}} { value(metric: "nps", period: "{{other}}") { n } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "value: another period (variable)", sc, scF, $$"""query($p: String!) { {{unitSel}} { value(metric: "nps", period: $p) { n } } }""", new { p = other }, mustRefuse: true));
        attacks.Add(Gql("locked filters", "value: a whole year", sc, scF, $$"""{ {{unitSel}} { value(metric: "nps", period: "{{month[..4]}}") { n } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "series ending in another period", sc, scF, $$"""{ {{unitSel}} { series(metric: "nps", end: "{{other}}", periods: 3) { n } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "scorecard: another period", sc, scF, $$"""{ scorecard(unit: "{{storesId}}", period: "{{other}}") { score } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "scorecard: another period (variable)", sc, scF, $$"""query($p: String!) { scorecard(unit: "{{storesId}}", period: $p) { score } }""", new { p = other }, mustRefuse: true));
        attacks.Add(Gql("locked filters", "drivers: another period", sc, scF, $$"""{ drivers(unit: "{{storesId}}", period: "{{other}}") { linkedResponses } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "verbatims: another period", sc, scF, $$"""{ {{unitSel}} { verbatims(period: "{{other}}") { items { comment } } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "breakdown: another period", sc, scF, $$"""{ {{unitSel}} { breakdown(metric: "nps", period: "{{other}}", by: CHANNEL) { key } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "top movers: another period", sc, scF, $$"""{ {{unitSel}} { topMovers(metric: "nps", period: "{{other}}") { unit { code } } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "league: another period", sc, scF, $$"""{ partnerLeague(metric: "nps", period: "{{other}}") { rank } }""", mustRefuse: true));
        var pr = tokens["process"];
        var prF = forbiddenFor["process"];
        attacks.Add(Gql("locked filters", "slice: another channel (literal)", pr, prF, $$"""{ {{unitSel}} { value(metric: "nps", period: "{{month}}", slice: { dimension: CHANNEL, value: "chat" }) { n } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "slice: another dimension (variable)", pr, prF,
            $$"""query($s: SliceInput) { {{unitSel}} { value(metric: "nps", period: "{{month}}", slice: $s) { n } } }""", new { s = new { dimension = "SEGMENT", value = "premium" } }, mustRefuse: true));
        attacks.Add(Gql("locked filters", "slice: breakdown across channels", pr, prF, $$"""{ {{unitSel}} { breakdown(metric: "nps", period: "{{month}}", by: CHANNEL) { key value { n } } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "slice: verbatims of another channel", pr, prF,
            $$"""{ {{unitSel}} { verbatims(period: "{{month}}", slice: { dimension: CHANNEL, value: "email" }) { items { comment } } } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "slice: the unsliced scorecard", pr, prF, $$"""{ scorecard(unit: "{{storesId}}", period: "{{month}}") { score } }""", mustRefuse: true));
        attacks.Add(Gql("locked filters", "slice: league without a slice", pr, prF, $$"""{ partnerLeague(metric: "nps", period: "{{month}}") { rank value { n } } }""", mustRefuse: false));
        attacks.Add(new Attack("locked filters", "slice: no slice argument reads the locked slice", async () =>
        {
            var (_, body) = await app.GraphQLWithTokenAsync(pr, $$"""{ {{unitSel}} { value(metric: "nps", period: "{{month}}") { n } } }""");
            var n = body.GetProperty("data").GetProperty("unit").GetProperty("value").GetProperty("n").GetInt64();
            var phone = await app.ScalarAsync<long>($"""
                SELECT count(*) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
                JOIN org_unit root ON root.id = c.ancestor_id
                WHERE root.code = $1 AND r.channel = 'phone' AND r.nps IS NOT NULL
                  AND r.responded_at >= ($2 || '-01')::date AND r.responded_at < ($2 || '-01')::date + interval '1 month'
                """, Stores, month);
            return n == phone ? new Outcome(Kind.Filtered, $"n {n} = phone responses {phone}") : new Outcome(Kind.Leaked, $"n {n}, phone responses {phone}");
        }));

        // 5. Verbatims, league and exports out of scope.
        attacks.Add(Gql("verbatims, league, exports", "verbatims of another department", sc, scF, $$"""{ unit(code: "DEP-CARE-CONTACT") { verbatims(period: "{{month}}") { items { comment } } } }"""));
        attacks.Add(Gql("verbatims, league, exports", "league lists only visible partners", sc, scF, $$"""{ partnerLeague(metric: "nps", period: "{{month}}") { partner { code engagements { code } } value { n } } }"""));
        attacks.Add(Gql("verbatims, league, exports", "partner token: league", tokens["partner"], forbiddenFor["partner"], $$"""{ partnerLeague(metric: "nps", period: "{{month}}") { partner { code engagements { code id } } } }"""));
        attacks.Add(Gql("verbatims, league, exports", "partner token: partners", tokens["partner"], forbiddenFor["partner"], """{ partners { code engagements { code id children { code } } } }"""));
        attacks.Add(Http("verbatims, league, exports", "export: another department's review", exporter, HttpMethod.Get, $"/export/monthly-review.xlsx?unit=DEP-CARE-CONTACT&month={month}"));
        attacks.Add(Http("verbatims, league, exports", "export: the company's review", exporter, HttpMethod.Get, $"/export/monthly-review.xlsx?unit=CO&month={month}"));
        attacks.Add(Http("verbatims, league, exports", "export: another month", exporter, HttpMethod.Get, $"/export/monthly-review.xlsx?unit={Stores}&month={other}"));
        attacks.Add(Http("verbatims, league, exports", "export: raw responses", exporter, HttpMethod.Get, $"/export/responses.csv?unit={Stores}&from={month}-01&to={month}-28"));
        attacks.Add(Http("verbatims, league, exports", "export: stored reviews", exporter, HttpMethod.Get, "/api/exports"));
        attacks.Add(Http("verbatims, league, exports", "export without the export permission", sc, HttpMethod.Get, $"/export/monthly-review.xlsx?unit={Stores}&month={month}"));

        // 6. Mutations with an embed token.
        var kpiId = await app.KpiOfAsync(Stores);
        foreach (var (name, mutation) in new[]
        {
            ("createKpi", $$"""mutation { createKpi(input: { unit: "{{storesId}}", metric: "ces" }) { id } }"""),
            ("recordCheckin", $$"""mutation { recordCheckin(input: { kpi: "{{kpiId}}", periodStart: "{{month}}-01", status: ON_TRACK, note: "x" }) { id } }"""),
            ("setKpiTargets", $$"""mutation { setKpiTargets(input: { kpi: "{{kpiId}}", targets: [{ periodStart: "{{month}}-01", target: 1 }] }) { target } }"""),
            ("startRollupRun", "mutation { startRollupRun { enqueued } }"),
            ("registerHostApplication", """mutation { registerHostApplication(input: { name: "evil", origins: ["https://evil.example"], grantUnits: ["CO"], views: ["scorecard"] }) { id } }"""),
            ("issueApiKey", $$"""mutation { issueApiKey(host: "{{retail.Id}}") { key } }"""),
            ("rotateEmbedSigningKey", "mutation { rotateEmbedSigningKey }"),
        })
        {
            attacks.Add(Gql("mutations", name, sc, scF, mutation, mustRefuse: true));
        }
        attacks.Add(Http("mutations", "POST /api/rollups/refresh", sc, HttpMethod.Post, "/api/rollups/refresh"));
        attacks.Add(Http("mutations", "POST /api/import/responses", sc, HttpMethod.Post, "/api/import/responses"));

        // 7. Tokens that must not pass.
        var (kid, secret) = await app.SigningKeyAsync();
        var claims = EmbedApp.ClaimsOf(sc);
        var now = DateTime.UtcNow;
        attacks.Add(Bad("tokens", "expired", EmbedApp.Sign(claims, kid, secret, notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-5))));
        attacks.Add(Bad("tokens", "not yet valid (nbf)", EmbedApp.Sign(claims, kid, secret, notBefore: now.AddMinutes(5), expires: now.AddMinutes(15))));
        attacks.Add(Bad("tokens", "forged signature", EmbedApp.Sign(claims, kid, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        attacks.Add(Bad("tokens", "alg none", Unsigned(sc)));
        attacks.Add(Bad("tokens", "wrong audience", EmbedApp.Sign(claims, kid, secret, audience: "cxdashboard")));
        attacks.Add(Bad("tokens", "the user issuer with the embed key", EmbedApp.Sign(claims, kid, secret, issuer: "cxdashboard-demo", audience: "cxdashboard")));
        attacks.Add(Bad("tokens", "payload widened, signature kept", Tampered(sc)));
        attacks.Add(Bad("tokens", "unknown key id", EmbedApp.Sign(claims, "e000000000000", secret)));
        var retiredSecret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await app.ExecuteAsync("INSERT INTO embed_signing_key (kid, secret, created_at, retired_at) VALUES ('eretired0001', $1, now() - interval '1 day', now() - interval '2 hours')", retiredSecret);
        attacks.Add(Bad("tokens", "signed by a key retired past the grace period", EmbedApp.Sign(claims, "eretired0001", retiredSecret)));
        attacks.Add(Bad("tokens", "a user token's claims signed with the embed key", EmbedApp.Sign(
            [new Claim("sub", "demo:analyst"), new Claim("role", "analyst"), new Claim("scope_unit", "CO")], kid, secret)));

        // 8. Revoked and rotated-out API keys.
        var doomed = await app.RegisterHostAsync("attack-doomed", ["DIV-RETAIL"], []);
        var doomedToken = await app.TokenAsync(doomed.Key, new { view = "scorecard", locked = lockStores });
        Assert.True(await app.ScalarAsync<bool>("SELECT true FROM embed_api_key WHERE key_id = $1", doomed.KeyId));
        var revoke = await app.GraphQLAsync("analyst", "mutation($k: String!) { revokeApiKey(keyId: $k) }", new { k = doomed.KeyId });
        Assert.False(revoke.TryGetProperty("errors", out var revokeErrors), revokeErrors.ToString());
        attacks.Add(KeyRefused("API keys", "a revoked key asks for a token", doomed.Key));
        attacks.Add(Bad("API keys", "a token issued through a key since revoked", doomedToken));
        var rotating = await app.RegisterHostAsync("attack-rotating", ["DIV-RETAIL"], []);
        var rotated = await app.GraphQLAsync("analyst", "mutation($k: String!) { rotateApiKey(keyId: $k, overlapHours: 0) { keyId key } }", new { k = rotating.KeyId });
        Assert.False(rotated.TryGetProperty("errors", out var rotateErrors), rotateErrors.ToString());
        attacks.Add(KeyRefused("API keys", "a key rotated out (no overlap left)", rotating.Key));
        attacks.Add(KeyRefused("API keys", "a genuine key id with a wrong secret", $"cxk_{retail.KeyId}_{new string('A', 43)}"));
        attacks.Add(KeyRefused("API keys", "no key", null));
        attacks.Add(KeyRefused("API keys", "garbage", "not-a-key"));
        attacks.Add(new Attack("API keys", "a user bearer token instead of a key", async () =>
        {
            using var client = app.Factory.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/embed/token") { Content = System.Net.Http.Json.JsonContent.Create(new { view = "scorecard" }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.TokenFor("analyst"));
            using var response = await client.SendAsync(request);
            return Status(response.StatusCode, [HttpStatusCode.Unauthorized]);
        }));

        // 9. A token asking wider than its host's grant (403 problem, never a silent narrowing).
        attacks.Add(Wider("the company", retail.Key, new { view = "scorecard", scope = new { units = new[] { "CO" } } }));
        attacks.Add(Wider("another division's department", retail.Key, new { view = "scorecard", scope = new { units = new[] { "DEP-CARE-CONTACT" } } }));
        attacks.Add(Wider("the grant plus one more unit", retail.Key, new { view = "scorecard", scope = new { units = new[] { "DIV-RETAIL", "DIV-CARE" } } }));
        attacks.Add(Wider("a partner outside the grant", retail.Key, new { view = "partner", scope = new { partners = new[] { "PRT-ACME" } } }));
        attacks.Add(Wider("a partner whose engagements reach outside the grant", retail.Key, new { view = "partner", scope = new { partners = new[] { "PRT-SWIFT" } } }));
        attacks.Add(Wider("a locked unit outside the scope asked for", retail.Key, new { view = "scorecard", scope = new { units = new[] { Stores } }, locked = new { unit = Payments } }));
        attacks.Add(Wider("a view the host may not embed", narrow.Key, new { view = "process" }));
        attacks.Add(Wider("the export permission the host lacks", narrow.Key, new { view = "scorecard", permissions = new[] { "view", "export" } }));
        attacks.Add(Wider("the drill permission the host lacks", narrow.Key, new { view = "scorecard", permissions = new[] { "view", "drill" } }));
        attacks.Add(Wider("everything ('*')", retail.Key, new { view = "scorecard", scope = new { units = new[] { "*" } } }));
        attacks.Add(Wider("a code that does not exist", retail.Key, new { view = "scorecard", scope = new { units = new[] { "DEP-NOPE" } } }));

        // The partner view's own cases (EmbedAttackSuiteTests.PartnerView.cs).
        await AddPartnerViewAttacksAsync(attacks, tokens["partner"], forbiddenFor["partner"], month, other);

        // The combined verbatim filter against the slice lock and the partner scope (EmbedAttackSuiteTests.VerbatimSlices.cs).
        await AddVerbatimSliceAttacksAsync(attacks, pr, prF, tokens["partner"], forbiddenFor["partner"], month);

        // 10. Two tokens with different scopes alternating on one connection (the KPI-side cache warmed by each).
        using var shared = app.Factory.CreateClient();
        {
            var query = $$"""
                query($p: String!) {
                  units { code value(metric: "nps", period: $p) { n } }
                  me { visibleUnitCount }
                  s: scorecard(unit: "{{storesId}}", period: $p) { unit { id code } kpis { kpi { __typename id unit { code } } actual n } }
                  q: scorecard(unit: "{{await app.UnitIdAsync(Payments)}}", period: $p) { unit { id code } kpis { kpi { __typename id unit { code } } actual n } }
                }
                """;
            for (var i = 0; i < 6; i++)
            {
                var round = i;
                foreach (var (label, token, forbidden, own) in new[] { ("stores", sc, scF, Stores), ("payments", payments, paymentsForbidden, Payments) })
                {
                    attacks.Add(new Attack("two tokens, one connection", $"round {round + 1}: {label} token", async () =>
                    {
                        var (status, body) = await app.GraphQLWithTokenAsync(token, query, new { p = month }, shared);
                        var outcome = Inspect(status, body, forbidden, mustRefuse: false, []);
                        if (outcome.Kind == Kind.Leaked) return outcome;
                        var units = body.GetProperty("data").GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToArray();
                        if (units is not [var only] || only != own) return new Outcome(Kind.Leaked, $"units {string.Join(",", units)}");
                        var expectedN = await NpsResponsesAsync(own, month);
                        var n = body.GetProperty("data").GetProperty("units")[0].GetProperty("value").GetProperty("n").GetInt64();
                        if (n != expectedN) return new Outcome(Kind.Leaked, $"n {n} for {own}, SQL {expectedN}");
                        return new Outcome(Kind.Filtered, $"own unit only (n {n} = SQL), the other scorecard refused");
                    }));
                }
            }
        }

        // Run them all, in order (the alternating rounds depend on it).
        var tally = new Dictionary<Kind, int> { [Kind.Refused] = 0, [Kind.Filtered] = 0, [Kind.Leaked] = 0 };
        var leaks = new List<string>();
        foreach (var attack in attacks)
        {
            Outcome outcome;
            try
            {
                outcome = await attack.Run();
            }
            catch (Exception e)
            {
                outcome = new Outcome(Kind.Leaked, $"the case itself failed: {e.GetType().Name}: {e.Message}");
            }
            tally[outcome.Kind]++;
            output.WriteLine($"{outcome.Kind.ToString().ToLowerInvariant(),-8} [{attack.Group}] {attack.Name}: {outcome.Detail}");
            if (outcome.Kind == Kind.Leaked) leaks.Add($"[{attack.Group}] {attack.Name}: {outcome.Detail}");
        }
        var groups = attacks.GroupBy(a => a.Group).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"embed attack suite: {attacks.Count} cases, {tally[Kind.Refused]} refused, {tally[Kind.Filtered]} filtered, {tally[Kind.Leaked]} leaked ({string.Join("; ", groups)})");
        Assert.True(leaks.Count == 0, "leaks:\n" + string.Join("\n", leaks));
        Assert.True(attacks.Count >= 290, $"only {attacks.Count} cases");
    }

    private Attack Gql(string group, string name, string token, Forbidden forbidden, string query, object? variables = null, bool mustRefuse = false, string[]? ignoreIdProperties = null) =>
        new(group, name, () => Classify(token, forbidden, query, variables, mustRefuse, ignoreIdProperties ?? []));

    private async Task<Outcome> Classify(string token, Forbidden forbidden, string query, object? variables, bool mustRefuse, string[] ignore)
    {
        var (status, body) = await app.GraphQLWithTokenAsync(token, query, variables);
        return Inspect(status, body, forbidden, mustRefuse, ignore);
    }

    private static Outcome Inspect(HttpStatusCode status, JsonElement body, Forbidden forbidden, bool mustRefuse, string[] ignore)
    {
        // An error without a code is the attack query itself failing (syntax, validation: a field the schema no longer
        // has), not a refusal: the attack proved nothing.
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var all)
            && all.EnumerateArray().FirstOrDefault(e => !(e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out _))) is { ValueKind: JsonValueKind.Object } invalid)
            return new Outcome(Kind.Leaked, "the attack query is invalid: " + invalid.GetProperty("message").GetString());
        if (status != HttpStatusCode.OK) return new Outcome(Kind.Refused, $"HTTP {(int)status}");
        if (body.ValueKind != JsonValueKind.Object) return new Outcome(Kind.Leaked, "no JSON body");
        if (body.TryGetProperty("data", out var data) && Leak(data, forbidden, ignore, null) is { } leak) return new Outcome(Kind.Leaked, leak);
        if (body.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            var codes = errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : "(no code)").Distinct();
            return new Outcome(Kind.Refused, string.Join(",", codes));
        }
        return mustRefuse ? new Outcome(Kind.Leaked, "answered without an error") : new Outcome(Kind.Filtered, "answered, nothing outside the scope");
    }

    /// <summary>
    /// The first out-of-scope code or id anywhere in the answer. An object whose <c>__typename</c> is <c>Kpi</c> is a KPI (its
    /// <c>id</c> a KPI id), one with <c>code</c> a unit or partner (its <c>id</c> a unit id); <c>unitId</c> is always a unit id.
    /// </summary>
    private static string? Leak(JsonElement e, Forbidden f, string[] ignore, string? property)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var isKpi = e.TryGetProperty("__typename", out var typename) && typename.GetString() == "Kpi";
                var isUnit = !isKpi && e.TryGetProperty("code", out _);
                foreach (var p in e.EnumerateObject())
                {
                    if (ignore.Contains(p.Name)) continue;
                    if (p.Name == "id" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        var id = p.Value.GetString()!;
                        if (isKpi && f.KpiIds.Contains(id)) return $"KPI id {id} (outside the scope)";
                        if (isUnit && f.Ids.Contains(id)) return $"unit id {id} (outside the scope)";
                        continue;
                    }
                    if (Leak(p.Value, f, ignore, p.Name) is { } l) return l;
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (Leak(item, f, ignore, property) is { } l) return l;
                }
                return null;
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (f.Codes.Contains(s)) return $"{property} = {s} (outside the scope)";
                if (property is "unitId" && f.Ids.Contains(s)) return $"unitId = {s} (a unit outside the scope)";
                return null;
            default:
                return null;
        }
    }

    private Attack Http(string group, string name, string token, HttpMethod method, string path) => new(group, name, async () =>
    {
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return Status(response.StatusCode, [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest]);
    });

    private Attack Bad(string group, string name, string token) => new(group, name, async () =>
    {
        var (status, body) = await app.GraphQLWithTokenAsync(token, "{ units { code } me { subject visibleUnitCount } }");
        return status == HttpStatusCode.Unauthorized
            ? new Outcome(Kind.Refused, "HTTP 401")
            : new Outcome(Kind.Leaked, $"HTTP {(int)status}: {body}");
    });

    private Attack KeyRefused(string group, string name, string? key) => new(group, name, async () =>
    {
        using var response = await app.RequestTokenAsync(key, new { view = "scorecard" });
        return Status(response.StatusCode, [HttpStatusCode.Unauthorized]);
    });

    private Attack Wider(string name, string key, object body) => new("wider than the grant", name, async () =>
    {
        using var response = await app.RequestTokenAsync(key, body);
        var type = response.Content.Headers.ContentType?.MediaType;
        if (response.StatusCode == HttpStatusCode.Forbidden && type == "application/problem+json") return new Outcome(Kind.Refused, "403 problem");
        return new Outcome(Kind.Leaked, $"HTTP {(int)response.StatusCode} {type}: {await response.Content.ReadAsStringAsync()}");
    });

    private static Outcome Status(HttpStatusCode status, HttpStatusCode[] refusals) =>
        refusals.Contains(status) ? new Outcome(Kind.Refused, $"HTTP {(int)status}") : new Outcome(Kind.Leaked, $"HTTP {(int)status}");

    /// <summary>Codes and ids of every unit outside the subtree(s) <paramref name="roots"/> selects, and KPI ids owned by them.</summary>
    private async Task<Forbidden> ForbiddenOutsideAsync(string roots, string arg)
    {
        var f = new Forbidden();
        var visible = $"SELECT c.descendant_id FROM org_unit_closure c JOIN org_unit root ON root.id = c.ancestor_id WHERE {roots}";
        foreach (var row in await app.RowsAsync($"SELECT code, id::text FROM org_unit WHERE id NOT IN ({visible})", arg))
        {
            f.Codes.Add((string)row[0]!);
            f.Ids.Add((string)row[1]!);
        }
        foreach (var row in await app.RowsAsync($"SELECT id::text FROM kpi WHERE org_unit_id NOT IN ({visible})", arg)) f.KpiIds.Add((string)row[0]!);
        foreach (var row in await app.RowsAsync($"SELECT p.code FROM partner p WHERE NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.partner_id = p.id AND u.id IN ({visible}))", arg))
        {
            f.Codes.Add((string)row[0]!);
        }
        return f;
    }

    private Task<long> NpsResponsesAsync(string code, string month) => app.ScalarAsync<long>("""
        SELECT count(*) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
        JOIN org_unit root ON root.id = c.ancestor_id
        WHERE root.code = $1 AND r.nps IS NOT NULL
          AND r.responded_at >= ($2 || '-01')::date AND r.responded_at < ($2 || '-01')::date + interval '1 month'
        """, code, month);

    /// <summary>The same header and payload with <c>alg: none</c> and no signature.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{parts[1]}.";
    }

    /// <summary>The payload's scope widened to the company, the original signature kept.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var widened = payload.Replace($"\"{Stores}\"", "\"CO\"", StringComparison.Ordinal);
        Assert.NotEqual(payload, widened);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(widened))}.{parts[2]}";
    }
}
