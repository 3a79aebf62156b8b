namespace CxDashboard.Migrations.Sql;

/// <summary>
/// An incremental rollup refresh recomputes the (unit, day) cells marked in dirty_day. Without these indexes it read each
/// marked day by scanning the day's whole month partition of both fact tables, and the driver cells' links (a response's
/// interaction by external id, an interaction's responses) by scanning up to three months: its cost followed the size of
/// the history, not the change. With them a refresh reads the marked unit-days' rows and the linked rows by key.
/// The link index on responses is partial (most responses have no interaction). Each index slows bulk loads somewhat;
/// the rollup is what must keep up every minute, and imports run at a multiple of any real feed (docs/scaling.md).
/// Migration <c>RefreshIndexes</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class RefreshIndexSql
{
    public const string Up = """
        CREATE INDEX ix_survey_response_unit_time ON survey_response (org_unit_id, responded_at);
        CREATE INDEX ix_interaction_unit_time ON interaction (org_unit_id, opened_at);
        CREATE INDEX ix_interaction_external_id ON interaction (external_id);
        CREATE INDEX ix_survey_response_interaction ON survey_response (interaction_external_id)
            WHERE interaction_external_id IS NOT NULL;
        """;

    public const string Down = """
        DROP INDEX ix_survey_response_interaction;
        DROP INDEX ix_interaction_external_id;
        DROP INDEX ix_interaction_unit_time;
        DROP INDEX ix_survey_response_unit_time;
        """;
}
