namespace CxDashboard.Migrations.Sql;

/// <summary>
/// <c>rebuild_org_closure()</c>: recomputes the closure table from parent links in one set-based
/// statement. The org tree is small (hundreds of nodes), so a full rebuild after any change is
/// simpler and safer than incremental maintenance; it refuses cycles.
/// Migration <c>InitialSchema</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class OrgClosureSql
{
    public const string Up = """
        CREATE FUNCTION rebuild_org_closure() RETURNS integer LANGUAGE plpgsql AS $fn$
        DECLARE
            cyclic text;
            written integer;
        BEGIN
            -- Serialise concurrent rebuilds; each sees the latest committed tree.
            PERFORM pg_advisory_xact_lock(hashtext('rebuild_org_closure'));

            -- A cycle shows up as a unit that is its own proper ancestor.
            WITH RECURSIVE walk(start_id, id, depth) AS (
                SELECT u.id, u.parent_id, 1 FROM org_unit u WHERE u.parent_id IS NOT NULL
                UNION ALL
                SELECT w.start_id, p.parent_id, w.depth + 1
                FROM walk w JOIN org_unit p ON p.id = w.id
                WHERE p.parent_id IS NOT NULL AND w.id <> w.start_id AND w.depth < 10000
            )
            SELECT string_agg(DISTINCT u.code, ', ') INTO cyclic
            FROM walk w JOIN org_unit u ON u.id = w.start_id
            WHERE w.id = w.start_id;
            IF cyclic IS NOT NULL THEN
                RAISE EXCEPTION 'org unit hierarchy has a cycle through: %', cyclic USING ERRCODE = '23514';
            END IF;

            DELETE FROM org_unit_closure;
            WITH RECURSIVE tree(ancestor_id, descendant_id, depth) AS (
                SELECT id, id, 0 FROM org_unit
                UNION ALL
                SELECT t.ancestor_id, c.id, t.depth + 1
                FROM tree t JOIN org_unit c ON c.parent_id = t.descendant_id
            )
            INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
            SELECT ancestor_id, descendant_id, depth FROM tree;
            GET DIAGNOSTICS written = ROW_COUNT;
            RETURN written;
        END
        $fn$;
        """;

    public const string Down = "DROP FUNCTION IF EXISTS rebuild_org_closure();";
}
