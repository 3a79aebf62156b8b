namespace CxDashboard.Migrations.Sql;

/// <summary>
/// The change log the importer writes and the incremental rollup refresh consumes: for every fact row an import inserts,
/// a row with sign +1, and for every old version it replaces (re-sent with other values, or moved), a row with sign -1,
/// holding what the cells and the driver cells read. Every cell statistic is a count or a sum, so a refresh sums the
/// signed rows instead of re-reading the changed unit-days from the fact tables: its cost follows the change, not the
/// history. Rows are deleted by the refresh that consumed them, in its transaction. Comments and touchpoints are left
/// out (no rollup reads them). No indexes besides the key: the tables only hold what waits for the next refresh.
/// Migration <c>ChangeLog</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
internal static class FactChangeSql
{
    public const string Up = """
        CREATE TABLE survey_response_change (
            change_id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_survey_response_change PRIMARY KEY,
            sign smallint NOT NULL CONSTRAINT ck_survey_response_change_sign CHECK (sign IN (-1, 1)),
            source text NOT NULL,
            external_id text NOT NULL,
            responded_at timestamptz NOT NULL,
            org_unit_id bigint NOT NULL,
            channel text NOT NULL,
            journey_stage text NOT NULL,
            segment text NOT NULL,
            nps smallint NULL,
            csat smallint NULL,
            ces smallint NULL,
            interaction_external_id text NULL
        );
        CREATE TABLE interaction_change (
            change_id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_interaction_change PRIMARY KEY,
            sign smallint NOT NULL CONSTRAINT ck_interaction_change_sign CHECK (sign IN (-1, 1)),
            source text NOT NULL,
            external_id text NOT NULL,
            opened_at timestamptz NOT NULL,
            org_unit_id bigint NOT NULL,
            customer_key text NOT NULL,
            first_response_at timestamptz NULL,
            closed_at timestamptz NULL,
            channel text NOT NULL,
            journey_stage text NOT NULL,
            segment text NOT NULL,
            handle_seconds int NULL,
            resolved_first_contact boolean NULL,
            transfers smallint NOT NULL,
            repeat_within_7d boolean NULL,
            escalated_from_self_service boolean NOT NULL,
            contained_in_self_service boolean NULL,
            switched_channel boolean NOT NULL,
            abandoned boolean NOT NULL,
            sla_target_seconds int NULL
        );
        """;

    public const string Down = """
        DROP TABLE interaction_change;
        DROP TABLE survey_response_change;
        """;
}
