namespace CxDashboard.Migrations.Sql;

/// <summary>
/// One row counting committed changes to what a scorecard's KPI side reads (KPIs, their targets and check-ins,
/// unit codes and names, the metric catalogue), so every API node can keep that side in memory and know, from one
/// tiny read sent with the cells it reads anyway, whether it is still current. A statement-level trigger on each of
/// those tables bumps the row inside the writing transaction: readers see the new number exactly when they can see
/// the change (a sequence would be visible before the commit, and a node could cache the old rows under the new
/// number). The generation tells apart databases that share a number (a database copied from a template).
/// Migration <c>KpiRevision</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class KpiRevisionSql
{
    public const string Up = """
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

        CREATE TRIGGER trg_kpi_kpi_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_revision();
        CREATE TRIGGER trg_kpi_target_kpi_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_target FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_revision();
        CREATE TRIGGER trg_kpi_checkin_kpi_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_checkin FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_revision();
        CREATE TRIGGER trg_org_unit_kpi_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_revision();
        CREATE TRIGGER trg_metric_kpi_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metric FOR EACH STATEMENT EXECUTE FUNCTION bump_kpi_revision();
        """;

    public const string Down = """
        DROP TRIGGER trg_kpi_kpi_revision ON kpi;
        DROP TRIGGER trg_kpi_target_kpi_revision ON kpi_target;
        DROP TRIGGER trg_kpi_checkin_kpi_revision ON kpi_checkin;
        DROP TRIGGER trg_org_unit_kpi_revision ON org_unit;
        DROP TRIGGER trg_metric_kpi_revision ON metric;
        DROP FUNCTION bump_kpi_revision();
        DROP TABLE kpi_revision;
        """;
}
