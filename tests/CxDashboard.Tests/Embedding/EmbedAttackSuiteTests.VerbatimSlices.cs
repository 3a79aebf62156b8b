using System.Text.Json;

namespace CxDashboard.Tests.Embedding;

/// <summary>
/// The combined verbatim filter (<c>slices</c>, issue 15) against the locks: a channel-locked token may narrow its
/// verbatims by journey stage and segment, but no path (literal, variable, alias, fragment, the deprecated
/// <c>slice</c> beside it, the locked dimension twice) reads another channel; a partner token stays on its partner.
/// </summary>
public sealed partial class EmbedAttackSuiteTests
{
    private async Task AddVerbatimSliceAttacksAsync(List<Attack> attacks, string phoneLocked, Forbidden phoneF, string partner, Forbidden partnerF, string month)
    {
        const string G = "verbatim slices";
        // The demo month holds few phone comments in Stores (under the floor of 5): comments of the locked channel and of
        // another one, so the reads inside the lock show something to check. Without scores, so the suite's count checks
        // of NPS responses against the rollup cells stay as they were.
        await app.ExecuteAsync("""
            INSERT INTO survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, comment)
            SELECT 'attack-slices-' || g, ($1 || '-10')::timestamptz + g * interval '1 hour', (SELECT id FROM org_unit WHERE code = 'TEAM-RETAIL-STORES-NORTH'),
                   (ARRAY['phone', 'phone', 'email'])[1 + g % 3], (ARRAY['service', 'onboarding'])[1 + g % 2], (ARRAY['consumer', 'premium'])[1 + (g / 2) % 2],
                   'attack comment ' || g
            FROM generate_series(1, 36) g
            """, month);
        var unitSel = $$"""unit(code: "{{Stores}}")""";
        const string Email = """{ dimension: CHANNEL, value: "email" }""";
        const string Phone = """{ dimension: CHANNEL, value: "phone" }""";
        const string Service = """{ dimension: JOURNEY_STAGE, value: "service" }""";

        attacks.Add(Gql(G, "another channel (literal)", phoneLocked, phoneF,
            $$"""{ {{unitSel}} { verbatims(period: "{{month}}", slices: [{{Email}}]) { items { comment } } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "another channel with a stage inside the lock", phoneLocked, phoneF,
            $$"""{ {{unitSel}} { verbatims(period: "{{month}}", slices: [{{Service}}, {{Email}}]) { items { comment } } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "another channel (variable)", phoneLocked, phoneF,
            $$"""query($s: [SliceInput!]) { {{unitSel}} { verbatims(period: "{{month}}", slices: $s) { items { comment } } } }""",
            new { s = new object[] { new { dimension = "SEGMENT", value = "premium" }, new { dimension = "CHANNEL", value = "chat" } } }, mustRefuse: true));
        attacks.Add(Gql(G, "another channel in one list item's variable", phoneLocked, phoneF,
            $$"""query($c: String!) { {{unitSel}} { verbatims(period: "{{month}}", slices: [{{Service}}, { dimension: CHANNEL, value: $c }]) { items { comment } } } }""",
            new { c = "store" }, mustRefuse: true));
        attacks.Add(Gql(G, "alias pair: the locked channel and another", phoneLocked, phoneF,
            $$"""{ {{unitSel}} { a: verbatims(period: "{{month}}", slices: [{{Phone}}, {{Service}}]) { items { comment } } b: verbatims(period: "{{month}}", slices: [{{Email}}]) { items { comment } } } }""",
            mustRefuse: true));
        attacks.Add(Gql(G, "fragment on OrgUnit with another channel", phoneLocked, phoneF,
            $$"""{ {{unitSel}} { ...V } } fragment V on OrgUnit { verbatims(period: "{{month}}", slices: [{{Service}}, { dimension: CHANNEL, value: "social" }]) { items { comment } } }""",
            mustRefuse: true));
        attacks.Add(Gql(G, "the locked channel twice, the second another", phoneLocked, phoneF,
            $$"""{ {{unitSel}} { verbatims(period: "{{month}}", slices: [{{Phone}}, {{Email}}]) { items { comment } } } }""", mustRefuse: true));
        attacks.Add(Gql(G, "the deprecated slice beside slices", phoneLocked, phoneF,
            $$"""{ {{unitSel}} { verbatims(period: "{{month}}", slice: {{Email}}, slices: [{{Service}}]) { items { comment } } } }""", mustRefuse: true));
        foreach (var (label, slices) in new[] { ("an empty list", ""), ("a stage", Service), ("a segment", """{ dimension: SEGMENT, value: "consumer" }"""), ("the locked channel and a stage", $"{Phone}, {Service}") })
        {
            attacks.Add(new Attack(G, $"{label} inside the lock reads the locked channel only", async () =>
            {
                var (status, body) = await app.GraphQLWithTokenAsync(phoneLocked,
                    $$"""{ {{unitSel}} { verbatims(period: "{{month}}", slices: [{{slices}}], first: 100) { items { channel journeyStage segment } } } }""");
                var outcome = Inspect(status, body, phoneF, mustRefuse: false, []);
                if (outcome.Kind != Kind.Filtered) return outcome.Kind == Kind.Refused ? new Outcome(Kind.Leaked, $"refused a read inside the lock: {body}") : outcome;
                var items = body.GetProperty("data").GetProperty("unit").GetProperty("verbatims").GetProperty("items").EnumerateArray().ToArray();
                var stage = slices.Contains("JOURNEY_STAGE", StringComparison.Ordinal) ? "service" : null;
                var segment = slices.Contains("SEGMENT", StringComparison.Ordinal) ? "consumer" : null;
                // the comments of the locked channel and the asked dimension, from the raw rows; embeds get the floor (5)
                var count = await app.ScalarAsync<long>("""
                    SELECT count(*) FROM survey_response r JOIN org_unit_closure c ON c.descendant_id = r.org_unit_id
                    JOIN org_unit root ON root.id = c.ancestor_id
                    WHERE root.code = $1 AND r.channel = 'phone' AND ($3::text IS NULL OR r.journey_stage = $3) AND ($4::text IS NULL OR r.segment = $4)
                      AND r.comment IS NOT NULL AND r.comment <> ''
                      AND r.responded_at >= ($2 || '-01')::date AND r.responded_at < ($2 || '-01')::date + interval '1 month'
                    """, Stores, month, stage, segment);
                var expected = count < 5 ? 0 : Math.Min(100, count);
                if (expected == 0) return new Outcome(Kind.Leaked, $"precondition: SQL {count} phone comments here, under the floor: the case proves nothing");
                if (items.Length != expected) return new Outcome(Kind.Leaked, $"{items.Length} comments, SQL {count} in phone (expected {expected})");
                if (items.FirstOrDefault(i => i.GetProperty("channel").GetString() != "phone"
                        || (stage is not null && i.GetProperty("journeyStage").GetString() != stage)
                        || (segment is not null && i.GetProperty("segment").GetString() != segment)) is { ValueKind: JsonValueKind.Object } bad)
                    return new Outcome(Kind.Leaked, $"a comment outside the filter: {bad}");
                return new Outcome(Kind.Filtered, $"{items.Length} comments, all phone (SQL {count})");
            }));
        }

        // A partner token: its partner's engagements only, whatever the filter.
        attacks.Add(Gql(G, "partner token: another partner's engagement with slices", partner, partnerF,
            $$"""{ unit(code: "ENG-PRT-ACME-CARE-CONTACT") { verbatims(period: "{{month}}", slices: [{{Phone}}, {{Service}}]) { items { comment unit { code id } } } } }"""));
        attacks.Add(Gql(G, "partner token: its engagement with slices carries its units only", partner, partnerF,
            $$"""{ unit(code: "{{SwiftReturns}}") { verbatims(period: "{{month}}", slices: [{{Phone}}, { dimension: SEGMENT, value: "consumer" }], first: 100) { items { unit { code id } } } } }"""));
        attacks.Add(Gql(G, "partner token: the department above with slices", partner, partnerF,
            $$"""{ unit(code: "DEP-RETAIL-RETURNS") { verbatims(period: "{{month}}", slices: [{{Service}}]) { items { comment } } } }"""));
    }
}
