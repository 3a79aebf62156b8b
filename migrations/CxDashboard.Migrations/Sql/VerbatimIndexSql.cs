namespace CxDashboard.Migrations.Sql;

/// <summary>
/// A verbatim page is the newest comments of a unit's subtree in a period, in one band or all (VerbatimQuery). Without an
/// index it read the period's whole partitions. These partial indexes hold only rows with a comment, per unit in time
/// order: one for all bands, and one per score (NPS, CSAT, CES) keyed by the score's band (0 low, 1 middle, 2 high; NULL
/// without the score) between the unit and the time, so a band is an equality and its rows stay in time order. The page
/// takes each visible descendant's newest rows of the band from one of them and merges them: it reads about
/// (descendants × page size) entries per partition of the period, however long the period and whatever the band's share.
/// Migration <c>VerbatimIndex</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class VerbatimIndexSql
{
    public const string Up = """
        CREATE INDEX ix_survey_response_comment ON survey_response (org_unit_id, responded_at, id)
            WHERE comment IS NOT NULL AND comment <> '';
        CREATE INDEX ix_survey_response_comment_nps ON survey_response
            (org_unit_id, (CASE WHEN nps >= 9 THEN 2 WHEN nps >= 7 THEN 1 WHEN nps <= 6 THEN 0 END), responded_at, id)
            WHERE comment IS NOT NULL AND comment <> '';
        CREATE INDEX ix_survey_response_comment_csat ON survey_response
            (org_unit_id, (CASE WHEN csat >= 4 THEN 2 WHEN csat = 3 THEN 1 WHEN csat <= 2 THEN 0 END), responded_at, id)
            WHERE comment IS NOT NULL AND comment <> '';
        CREATE INDEX ix_survey_response_comment_ces ON survey_response
            (org_unit_id, (CASE WHEN ces >= 5 THEN 2 WHEN ces = 4 THEN 1 WHEN ces <= 3 THEN 0 END), responded_at, id)
            WHERE comment IS NOT NULL AND comment <> '';
        """;

    public const string Down = """
        DROP INDEX ix_survey_response_comment_ces;
        DROP INDEX ix_survey_response_comment_csat;
        DROP INDEX ix_survey_response_comment_nps;
        DROP INDEX ix_survey_response_comment;
        """;
}
