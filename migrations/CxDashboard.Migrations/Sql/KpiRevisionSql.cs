namespace CxDashboard.Migrations.Sql;

/// <summary>
/// One row counting committed changes to what a scorecard's KPI side reads (KPIs, their targets and check-ins,
/// unit codes and names, the metric catalogue), so every API node can keep that side in memory and know, from one
/// tiny read sent with the cells it reads anyway, whether it is still current. A statement-level trigger on each of
/// those tables bumps the row inside the writing transaction: readers see the new number exactly when they can see
/// the change (a sequence would be visible before the commit, and a node could cache the old rows under the new
/// number). The generation tells apart databases that share a number (a database copied from a template).
/// </summary>
internal static class KpiRevisionSql
{
    private static readonly string[] Tables = ["kpi", "kpi_target", "kpi_checkin", "org_unit", "metric"];

    public static string Up => $$"""
        CREATE TABLE kpi_revision (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            revision bigint NOT NULL DEFAULT 1,
            generation uuid NOT NULL DEFAULT gen_random_uuid());
        INSERT INTO kpi_revision DEFAULT VALUES;

        CREATE FUNCTION bump_kpi_revision() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            UPDATE kpi_revision SET revision = revision + 1;
            RETURN NULL;
        END
        $fn$;

        {{string.Join("\n", Tables.Select(t =>
            $"CREATE TRIGGER trg_{t}_kpi_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {t} FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_revision();"))}}
        """;

    public static string Down => $"""
        {string.Join("\n", Tables.Select(t => $"DROP TRIGGER trg_{t}_kpi_revision ON {t};"))}
        DROP FUNCTION bump_kpi_revision();
        DROP TABLE kpi_revision;
        """;
}
