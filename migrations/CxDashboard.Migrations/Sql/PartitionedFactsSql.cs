namespace CxDashboard.Migrations.Sql;

/// <summary>
/// Raw fact tables, range-partitioned by month, and the function that adds monthly partitions as
/// data arrives. EF Core cannot declare partitioning, so these are plain SQL.
/// Migration <c>InitialSchema</c>'s SQL, frozen as text: never edited, not built from live code; a change is a new migration.
/// </summary>
/// <remarks>
/// org_unit_id carries no foreign key: a per-row FK check doubles bulk-load time, every writer
/// (import, generator) resolves unit codes to existing ids first, and org units are retired with
/// valid_to rather than deleted.
/// Besides the keys, the only index is (source, external_id), which imports merge on. Readers of
/// raw facts (rollup jobs, drill-down) go by month partition and hash-join to the units and days
/// they need, so per-unit time indexes would only halve bulk-load speed.
/// </remarks>
internal static class PartitionedFactsSql
{
    public const string Up = """
        CREATE TABLE survey_response (
            id bigint GENERATED ALWAYS AS IDENTITY,
            source text NOT NULL DEFAULT 'default',
            external_id text NOT NULL,
            responded_at timestamptz NOT NULL,
            org_unit_id bigint NOT NULL,
            channel text NOT NULL CONSTRAINT ck_survey_response_channel CHECK (channel IN ('phone','ivr','chat','email','app','store','social')),
            journey_stage text NOT NULL CONSTRAINT ck_survey_response_stage CHECK (journey_stage IN ('awareness','purchase','onboarding','usage','service','renewal')),
            segment text NOT NULL,
            touchpoint text NULL,
            nps smallint NULL CONSTRAINT ck_survey_response_nps CHECK (nps BETWEEN 0 AND 10),
            csat smallint NULL CONSTRAINT ck_survey_response_csat CHECK (csat BETWEEN 1 AND 5),
            ces smallint NULL CONSTRAINT ck_survey_response_ces CHECK (ces BETWEEN 1 AND 7),
            comment text NULL,
            interaction_external_id text NULL,
            loaded_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT pk_survey_response PRIMARY KEY (id, responded_at)
        ) PARTITION BY RANGE (responded_at);
        CREATE INDEX ix_survey_response_external ON survey_response (source, external_id);

        CREATE TABLE interaction (
            id bigint GENERATED ALWAYS AS IDENTITY,
            source text NOT NULL DEFAULT 'default',
            external_id text NOT NULL,
            customer_key text NOT NULL,
            opened_at timestamptz NOT NULL,
            first_response_at timestamptz NULL,
            closed_at timestamptz NULL,
            org_unit_id bigint NOT NULL,
            channel text NOT NULL CONSTRAINT ck_interaction_channel CHECK (channel IN ('phone','ivr','chat','email','app','store','social')),
            journey_stage text NOT NULL CONSTRAINT ck_interaction_stage CHECK (journey_stage IN ('awareness','purchase','onboarding','usage','service','renewal')),
            segment text NOT NULL,
            handle_seconds int NULL CONSTRAINT ck_interaction_handle CHECK (handle_seconds >= 0),
            resolved_first_contact boolean NULL,
            transfers smallint NOT NULL DEFAULT 0 CONSTRAINT ck_interaction_transfers CHECK (transfers >= 0),
            repeat_within_7d boolean NULL,
            escalated_from_self_service boolean NOT NULL DEFAULT false,
            contained_in_self_service boolean NULL,
            switched_channel boolean NOT NULL DEFAULT false,
            abandoned boolean NOT NULL DEFAULT false,
            sla_target_seconds int NULL CONSTRAINT ck_interaction_sla CHECK (sla_target_seconds > 0),
            loaded_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT ck_interaction_times CHECK (first_response_at IS NULL OR first_response_at >= opened_at),
            CONSTRAINT pk_interaction PRIMARY KEY (id, opened_at)
        ) PARTITION BY RANGE (opened_at);
        CREATE INDEX ix_interaction_external ON interaction (source, external_id);

        -- Creates every missing monthly partition of tbl covering [from_ts, to_ts]. Idempotent and
        -- safe under concurrent importers (transaction-level advisory lock per table).
        CREATE FUNCTION ensure_month_partitions(tbl text, from_ts timestamptz, to_ts timestamptz)
        RETURNS integer LANGUAGE plpgsql AS $fn$
        DECLARE
            m date;
            last_month date;
            part text;
            created integer := 0;
        BEGIN
            IF tbl NOT IN ('survey_response', 'interaction') THEN
                RAISE EXCEPTION 'ensure_month_partitions: % is not a partitioned fact table', tbl;
            END IF;
            IF from_ts IS NULL OR to_ts IS NULL THEN
                RETURN 0;
            END IF;
            PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partitions:' || tbl));
            m := date_trunc('month', from_ts AT TIME ZONE 'UTC')::date;
            last_month := date_trunc('month', to_ts AT TIME ZONE 'UTC')::date;
            WHILE m <= last_month LOOP
                part := format('%s_y%sm%s', tbl, to_char(m, 'YYYY'), to_char(m, 'MM'));
                IF to_regclass(part) IS NULL THEN
                    EXECUTE format(
                        'CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                        part, tbl,
                        (m::timestamp AT TIME ZONE 'UTC'),
                        ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
                    created := created + 1;
                END IF;
                m := (m + interval '1 month')::date;
            END LOOP;
            RETURN created;
        END
        $fn$;
        """;

    public const string Down = """
        DROP FUNCTION IF EXISTS ensure_month_partitions(text, timestamptz, timestamptz);
        DROP TABLE IF EXISTS survey_response CASCADE;
        DROP TABLE IF EXISTS interaction CASCADE;
        """;
}
