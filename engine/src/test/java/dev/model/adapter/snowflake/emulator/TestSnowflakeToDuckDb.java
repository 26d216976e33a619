package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every translation rule of the Snowflake protocol emulator with an example of what it does. */
final class TestSnowflakeToDuckDb {

    /** Rule name to {Snowflake input, DuckDB output}; an output starting with "ERROR " is the expected compilation error. */
    private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

    private static void example(String rule, String snowflake, String duckDb) {
        EXAMPLES.put(rule, new String[] {snowflake, duckDb});
    }

    static {
        example("snowflake-literals",
                "select 'it\\'s' as a, $$it's$$ as b -- trailing comment\nfrom t // line comment\n/* block */",
                "select 'it''s' as a, 'it''s' as b  \nfrom t");
        example("unsupported-features",
                "select object_construct('a', 1)",
                "ERROR SQL compilation error:\nthe Snowflake protocol emulator does not translate object_construct");
        example("create-modifiers",
                "create or replace transient table analytics.s.t as (select 1 as id)",
                "create or replace table analytics.s.t as (select 1 as id)");
        example("copy-grants",
                "create or replace view s.v copy grants as (select 1 as id)",
                "create or replace view s.v as (select 1 as id)");
        example("dynamic-table",
                "create or replace dynamic table analytics.s.dt target_lag = '5 minutes' warehouse = transforming"
                        + " refresh_mode = incremental initialize = on_create as (select id from analytics.s.t)",
                "create or replace table analytics.s.dt as (select id from analytics.s.t)");
        example("drop-dynamic-table",
                "drop dynamic table if exists analytics.s.dt",
                "drop table if exists analytics.s.dt");
        example("cluster-by",
                "create or replace table s.t cluster by (id, to_date(ts)) as (select 1 as id)",
                "create or replace table s.t as (select 1 as id)");
        example("insert-overwrite",
                "insert overwrite into s.t select * from s.u",
                "delete from s.t;\ninsert into s.t select * from s.u");
        example("drop-cascade",
                "drop table if exists s.t cascade",
                "drop table if exists s.t");
        example("rename-to-qualified",
                "alter table analytics.s.t__dbt_tmp rename to ANALYTICS.S.T",
                "alter table analytics.s.t__dbt_tmp rename to T");
        example("column-comment",
                "alter table analytics.s.t alter \"NAME\" comment 'the name'",
                "comment on column analytics.s.t.\"NAME\" is 'the name'");
        example("merge-insert-values",
                "merge into s.t as DBT_INTERNAL_DEST using s.t__dbt_tmp as DBT_INTERNAL_SOURCE on (DBT_INTERNAL_SOURCE.id = DBT_INTERNAL_DEST.id)"
                        + " when matched then update set \"ID\" = DBT_INTERNAL_SOURCE.\"ID\""
                        + " when not matched then insert (\"ID\", \"NAME\") values (\"ID\", \"NAME\")",
                "merge into s.t as DBT_INTERNAL_DEST using s.t__dbt_tmp as DBT_INTERNAL_SOURCE on (DBT_INTERNAL_SOURCE.id = DBT_INTERNAL_DEST.id)"
                        + " when matched then update set \"ID\" = DBT_INTERNAL_SOURCE.\"ID\""
                        + " when not matched then insert (\"ID\", \"NAME\") values (DBT_INTERNAL_SOURCE.\"ID\", DBT_INTERNAL_SOURCE.\"NAME\")");
        example("values-in-from",
                "insert into raw.k.e (a, b) select column1, column2 from values (?, ?)",
                "insert into raw.k.e (a, b) select column1, column2 from (values (?, ?)) as values_(column1, column2)");
        example("generator",
                "select 1 from table(generator(rowcount => 10)) as g",
                "select 1 from range(10) as g(seq_)");
        example("seq",
                "select dateadd(day, row_number() over (order by seq4()) - 1, d) as day from table(generator(rowcount => 7305))",
                "select sf_dateadd_day(row_number() over (order by seq_) - 1, d) as day from range(7305) as generator_(seq_)");
        example("lateral-flatten",
                "select e.index, e.value::varchar as v from raw.k.o, lateral flatten(input => o.items) as e",
                "select e.index, cast((e.value ->> '$') as varchar) as v from raw.k.o, lateral (select f_.\"value\" as \"VALUE\","
                        + " try_cast(f_.\"key\" as bigint) as \"INDEX\", case when try_cast(f_.\"key\" as bigint) is null then f_.\"key\" end as \"KEY\","
                        + " f_.\"path\" as \"PATH\" from json_each(o.items) as f_) as e");
        example("semi-structured-path",
                "select payload:customer.name::varchar as name, payload:items[0].sku as sku, payload:\"Odd Key\" as odd from raw.k.e",
                "select cast((payload ->> '$.customer.name') as varchar) as name, (payload -> '$.items[0].sku') as sku,"
                        + " (payload -> '$.\"Odd Key\"') as odd from raw.k.e");
        example("iff", "select iff(a > 1, 'big', 'small') from t", "select if(a > 1, 'big', 'small') from t");
        example("nvl", "select nvl(a, 0) from t", "select coalesce(a, 0) from t");
        example("dayofweekiso", "select dayofweekiso(d) from t", "select isodow(d) from t");
        example("parse_json", "select parse_json(column2) from t", "select json(column2) from t");
        example("to_varchar", "select to_varchar(id) from t", "select cast(id as varchar) from t");
        example("to_date", "select to_date('2024-01-02')", "select cast('2024-01-02' as date)");
        example("to_timestamp_ntz", "select to_timestamp_ntz(s) from t", "select cast(s as timestamp) from t");
        example("dateadd",
                "select dateadd(day, 7, d), dateadd('month', -1, d), dateadd(hours, 2, ts) from t",
                "select sf_dateadd_day(7, d), sf_dateadd_month(-1, d), sf_dateadd_hour(2, ts) from t");
        example("datediff", "select datediff(days, a, b) from t", "select date_diff('day', a, b) from t");
        example("convert_timezone",
                "select convert_timezone('UTC', ts), convert_timezone('America/New_York', 'UTC', ts) from t",
                "select timezone('UTC', ts), timezone('UTC', timezone('America/New_York', ts)) from t");
        example("current-datetime",
                "select current_timestamp(), current_date()",
                "select current_timestamp, current_date");
        example("sysdate", "select sysdate()", "select cast(timezone('UTC', now()) as timestamp)");
        example("types",
                "create or replace table s.t (id number(38,0) not null, name varchar(100), amount float, at_ timestamp_ntz(9), v variant)",
                "create or replace table s.t (id decimal(38,0) not null, name varchar, amount double, at_ timestamp, v json)");
    }

    static Stream<String> ruleNames() {
        return SnowflakeToDuckDb.rules().stream().map(SnowflakeToDuckDb.Rule::name);
    }

    @ParameterizedTest
    @MethodSource("ruleNames")
    void eachRuleHasAWorkedExample(String rule) {
        String[] example = EXAMPLES.get(rule);
        assertNotNull(example, "rule " + rule + " needs an example in this test");
        if (example[1].startsWith("ERROR ")) {
            SnowflakeError error = assertThrows(SnowflakeError.class, () -> SnowflakeToDuckDb.translate(example[0]));
            assertEquals("001003", error.code());
            assertEquals(example[1].substring("ERROR ".length()), error.getMessage());
            return;
        }
        SnowflakeToDuckDb.Translation translation = SnowflakeToDuckDb.translate(example[0]);
        assertEquals(example[1], translation.sql());
        assertTrue(translation.appliedRules().contains(rule), "rule " + rule + " applied: " + translation.appliedRules());
    }

    @Test
    void everyExampleNamesARule() {
        List<String> names = ruleNames().toList();
        for (String rule : EXAMPLES.keySet()) {
            assertTrue(names.contains(rule), rule + " is not a rule");
        }
    }

    @Test
    void literalsAndQuotedNamesAreNeverRewritten() {
        String sql = "select 'iff(a, b, c) a:b::number' as lit, \"nvl(x:y)\" from t";
        SnowflakeToDuckDb.Translation translation = SnowflakeToDuckDb.translate(sql);
        assertEquals(sql, translation.sql());
        assertEquals(List.of(), translation.appliedRules());
    }

    @Test
    void casingOfKeywordsDoesNotMatter() {
        assertEquals("CREATE OR REPLACE TABLE S.T AS (SELECT if(A, 1, 2) AS X)",
                SnowflakeToDuckDb.translate("CREATE OR REPLACE TRANSIENT TABLE S.T AS (SELECT IFF(A, 1, 2) AS X)").sql());
    }

    @Test
    void nestedCallsAreTranslatedInsideOut() {
        assertEquals("select coalesce(if(a, coalesce(b, 0), 1), 2) from t",
                SnowflakeToDuckDb.translate("select nvl(iff(a, nvl(b, 0), 1), 2) from t").sql());
    }

    @Test
    void renameIntoAnotherSchemaIsNotTranslated() {
        SnowflakeError error = assertThrows(SnowflakeError.class,
                () -> SnowflakeToDuckDb.translate("alter table analytics.a.t rename to analytics.b.t"));
        assertEquals("001003", error.code());
    }

    @Test
    void wrongArgumentCountIsACompilationError() {
        SnowflakeError error = assertThrows(SnowflakeError.class, () -> SnowflakeToDuckDb.translate("select to_varchar(d, 'YYYY') from t"));
        assertEquals("SQL compilation error:\nthe Snowflake protocol emulator does not translate to_varchar with 2 arguments", error.getMessage());
    }

    @Test
    void flattenOutsideTheLateralFormIsRejected() {
        assertThrows(SnowflakeError.class, () -> SnowflakeToDuckDb.translate("select * from table(flatten(input => x))"));
        assertThrows(SnowflakeError.class, () -> SnowflakeToDuckDb.translate("select * from t, lateral flatten(input => t.x, outer => true) e"));
    }

    @Test
    void dateaddAroundAnAggregateIsPlainArithmetic() {
        assertEquals("select (coalesce(max(loaded_at), cast('1900-01-01' as timestamp)) + to_hours(cast(-3 as bigint))) from t",
                SnowflakeToDuckDb.translate("select dateadd(hour, -3, coalesce(max(loaded_at), cast('1900-01-01' as timestamp_ntz))) from t").sql());
    }

    @Test
    void seqWithoutAGeneratorNumbersTheRows() {
        assertEquals("select (row_number() over () - 1) as n from t", SnowflakeToDuckDb.translate("select seq8() as n from t").sql());
    }

    @Test
    void plainSqlPassesThroughUnchanged() {
        String sql = "select id, count(*) as n from analytics.s.t where d >= '2024-01-01' group by id having count(*) > 1 order by 2 desc";
        assertEquals(sql, SnowflakeToDuckDb.translate(sql).sql());
    }
}
