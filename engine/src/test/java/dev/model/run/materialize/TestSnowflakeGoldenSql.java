package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.Column;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.execute.RunFlags;
import dev.model.run.seed.SeedExecutor;
import dev.model.run.snapshot.SnapshotExecutor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact SQL each materialization and strategy sends under the {@code snowflake} adapter type,
 * recorded by a recording fixture (not Snowflake) and compared with golden files reviewed against
 * dbt-snowflake's macros (each test names the macro its golden mirrors).
 */
final class TestSnowflakeGoldenSql {

    private static final String ORDERS = "select id, status, amount from {{ source('raw', 'orders') }}";
    private static final Column[] ORDER_COLUMNS = {
        new Column("ID", "NUMBER(38,0)"), new Column("STATUS", "VARCHAR(16777216)"), new Column("AMOUNT", "NUMBER(10,2)")};

    @TempDir
    Path dir;

    private TestingRecordedProject project(String model) {
        return new TestingRecordedProject(dir).file("models/orders.sql", model);
    }

    private static void assertSuccess(NodeResult result) {
        assertEquals(NodeStatus.SUCCESS, result.status(), result.message());
    }

    private static NodeResult run(TestingRecordedProject project) {
        return project.execute(new ModelExecutor(), "model.shop.orders");
    }

    /** The model runs successfully and sends exactly {@code snowflake-golden/<golden>.sql}. */
    private static void assertRunMatchesGolden(TestingRecordedProject project, String golden) {
        assertSuccess(run(project));
        project.assertGolden(golden);
    }

    // dbt-snowflake snowflake__create_table_as (relations/table/create.sql): transient by default
    @Test
    void tableIsOneCreateOrReplaceTransientTable() {
        TestingRecordedProject project = project("{{ config(materialized='table') }}\n" + ORDERS);
        project.warehouse.table("orders", ORDER_COLUMNS);
        assertRunMatchesGolden(project, "table_transient");
    }

    // snowflake__create_table_as: transient=false, copy_grants, cluster_by (ordered load + alter), automatic_clustering
    @Test
    void permanentClusteredTableWithCopyGrants() {
        TestingRecordedProject project = project("""
                {{ config(materialized='table', transient=false, copy_grants=true,
                          cluster_by=['status', 'id'], automatic_clustering=true) }}
                """ + ORDERS);
        assertRunMatchesGolden(project, "table_permanent_cluster_by_copy_grants");
    }

    // dbt-snowflake table materialization: target_relation.needs_to_drop(existing) drops a view first
    @Test
    void aViewInTheWayOfATableIsDroppedFirst() {
        TestingRecordedProject project = project("{{ config(materialized='table') }}\n" + ORDERS);
        project.warehouse.view("orders", ORDER_COLUMNS);
        assertRunMatchesGolden(project, "table_replaces_view");
    }

    // snowflake__create_view_as_with_temp_flag (relations/view/create.sql): secure, copy grants
    @Test
    void secureViewWithCopyGrants() {
        TestingRecordedProject project = project("{{ config(materialized='view', secure=true, copy_grants=true) }}\n"
                + ORDERS);
        assertRunMatchesGolden(project, "view_secure_copy_grants");
    }

    // snowflake__create_or_replace_view: a table in the way is dropped (handle_existing_table)
    @Test
    void aTableInTheWayOfAViewIsDroppedFirst() {
        TestingRecordedProject project = project("{{ config(materialized='view') }}\n" + ORDERS);
        project.warehouse.table("orders", ORDER_COLUMNS);
        assertRunMatchesGolden(project, "view_replaces_table");
    }

    private static final String INCREMENTAL = """
            select id, status, amount from {{ source('raw', 'orders') }}
            {% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}
            """;

    private TestingRecordedProject incremental(String config) {
        TestingRecordedProject project = project("{{ config(materialized='incremental'" + config + ") }}\n" + INCREMENTAL);
        project.warehouse.table("orders", ORDER_COLUMNS).columnsOf("orders__dbt_tmp", ORDER_COLUMNS);
        return project;
    }

    // dbt-snowflake incremental materialization, existing_relation is none: create_table_as(False, ...)
    @Test
    void incrementalFirstRunCreatesTheTable() {
        TestingRecordedProject project = project("{{ config(materialized='incremental', unique_key='id') }}\n"
                + INCREMENTAL);
        assertRunMatchesGolden(project, "incremental_first_run");
    }

    // snowflake__get_merge_sql + snowflake_dml_explicit_transaction; tmp relation a temporary view
    // (dbt_snowflake_get_tmp_relation_type: merge -> view)
    @Test
    void incrementalMergeThroughATemporaryView() {
        assertRunMatchesGolden(incremental(", incremental_strategy='merge', unique_key='id'"), "incremental_merge");
    }

    // snowflake__get_incremental_default_sql -> merge; snowflake__get_merge_sql without unique_key -> insert
    @Test
    void incrementalDefaultIsMergeWhichInsertsWithoutAUniqueKey() {
        assertRunMatchesGolden(incremental(""), "incremental_default_without_unique_key");
    }

    // snowflake__get_delete_insert_merge_sql (dbt's default__ shape for one key); tmp relation a temporary
    // table (delete+insert with a unique_key reads the new rows twice)
    @Test
    void incrementalDeleteInsertThroughATemporaryTable() {
        assertRunMatchesGolden(incremental(", incremental_strategy='delete+insert', unique_key='id'"),
                "incremental_delete_insert");
    }

    // dbt's default__get_delete_insert_merge_sql for a list of keys: delete ... using ..., with incremental_predicates
    @Test
    void incrementalDeleteInsertWithCompositeKeyAndPredicates() {
        assertRunMatchesGolden(incremental(", incremental_strategy='delete+insert', unique_key=['id', 'status'],"
                + " incremental_predicates=[\"analytics.dev.orders.amount > 0\"]"),
                "incremental_delete_insert_composite_key");
    }

    // snowflake__get_incremental_append_sql (default__get_incremental_append_sql in an explicit transaction)
    @Test
    void incrementalAppend() {
        assertRunMatchesGolden(incremental(", incremental_strategy='append'"), "incremental_append");
    }

    // dbt-snowflake incremental/insert_overwrite.sql: insert overwrite into ... select ... from <tmp>
    @Test
    void incrementalInsertOverwrite() {
        assertRunMatchesGolden(incremental(", incremental_strategy='insert_overwrite'"),
                "incremental_insert_overwrite");
    }

    // dbt-snowflake incremental, full_refresh_mode: create_table_as(False, target) over the existing table
    @Test
    void incrementalFullRefreshReplacesTheTable() {
        TestingRecordedProject project = incremental(", unique_key='id'");
        assertSuccess(project.execute(new ModelExecutor(), "model.shop.orders", new RunFlags(true, false, 1, false)));
        project.assertGolden("incremental_full_refresh");
    }

    // snowflake__alter_relation_add_remove_columns: one alter table adds every new column
    @Test
    void incrementalAppendNewColumnsAltersTheTableInOneStatement() {
        TestingRecordedProject project = incremental(", unique_key='id', on_schema_change='append_new_columns'");
        project.warehouse.columnsOf("orders__dbt_tmp", new Column("ID", "NUMBER(38,0)"),
                new Column("STATUS", "VARCHAR(16777216)"), new Column("AMOUNT", "NUMBER(10,2)"),
                new Column("CHANNEL", "VARCHAR(16777216)"), new Column("PLACED_AT", "TIMESTAMP_NTZ(9)"));
        assertRunMatchesGolden(project, "incremental_append_new_columns");
    }

    @Test
    void aFailingMergeIsRolledBackAndTheTemporaryViewDropped() {
        TestingRecordedProject project = incremental(", unique_key='id'");
        project.warehouse.failing(sql -> sql.startsWith("merge into"));
        NodeResult result = run(project);
        assertEquals(NodeStatus.ERROR, result.status());
        assertTrue(result.message().contains("Database Error in model orders"), result.message());
        List<String> sent = project.warehouse.recorded();
        int merge = sent.indexOf(sent.stream().filter(s -> s.startsWith("merge into")).findFirst().orElseThrow());
        assertEquals("begin", sent.get(merge - 1));
        assertEquals("rollback", sent.get(merge + 1), sent.toString());
        assertEquals("drop view if exists analytics.dev.orders__dbt_tmp cascade", sent.get(merge + 2));
        assertTrue(sent.stream().noneMatch(s -> s.equals("commit")), sent.toString());
    }

    @Test
    void deleteInsertRefusesATemporaryViewWithAUniqueKey() {
        TestingRecordedProject project = incremental(", incremental_strategy='delete+insert', unique_key='id',"
                + " tmp_relation_type='view'");
        NodeResult result = run(project);
        assertEquals(NodeStatus.ERROR, result.status());
        assertTrue(result.message().contains("the `delete+insert` strategy only supports `table` for `tmp_relation_type`"),
                result.message());
    }

    // dbt's default__apply_grants with dbt-snowflake's copy_grants and one grantee per statement:
    // with copy_grants the kept grants are shown, stale ones revoked, missing ones granted
    @Test
    void grantsAreDiffedWhenCopyGrantsKeptTheOldOnes() {
        TestingRecordedProject project = project("""
                {{ config(materialized='table', copy_grants=true, grants={'select': ['reporter', 'bi_tool'],
                          'insert': 'loader'}) }}
                """ + ORDERS);
        project.warehouse.table("orders", ORDER_COLUMNS).answer("show grants on table analytics.dev.orders",
                List.of("created_on", "privilege", "granted_on", "name", "granted_to", "grantee_name", "grant_option",
                        "granted_by"),
                List.of(row("2024-01-01", "OWNERSHIP", "TABLE", "ORDERS", "ROLE", "TRANSFORMER", "true", "TRANSFORMER"),
                        row("2024-01-01", "SELECT", "TABLE", "ORDERS", "ROLE", "REPORTER", "false", "TRANSFORMER"),
                        row("2024-01-01", "SELECT", "TABLE", "ORDERS", "ROLE", "OLD_ANALYST", "false", "TRANSFORMER"),
                        row("2024-01-01", "SELECT", "TABLE", "ORDERS", "SHARE", "PARTNER_SHARE", "false", "TRANSFORMER")));
        assertRunMatchesGolden(project, "grants_diff_with_copy_grants");
    }

    // should_revoke: a replaced table without copy_grants kept no grants: grant without showing
    @Test
    void grantsOnAReplacedTableWithoutCopyGrantsAreGrantedWithoutShowing() {
        TestingRecordedProject project = project("{{ config(materialized='table', grants={'select': ['reporter']}) }}\n"
                + ORDERS);
        project.warehouse.table("orders", ORDER_COLUMNS);
        assertRunMatchesGolden(project, "grants_without_copy_grants");
    }

    // should_revoke: an incremental run keeps the table, so its grants are shown and diffed
    @Test
    void grantsOnAnIncrementalRunAreDiffed() {
        TestingRecordedProject project = incremental(", unique_key='id', grants={'select': ['reporter']}");
        project.warehouse.answer("show grants on table analytics.dev.orders",
                List.of("privilege", "granted_to", "grantee_name"), List.of(row("SELECT", "ROLE", "REPORTER")));
        assertRunMatchesGolden(project, "grants_incremental_unchanged");
    }

    // snowflake__alter_relation_comment and snowflake__alter_column_comment ($$-quoted, '$' as '[$]')
    @Test
    void persistDocsAsComments() {
        TestingRecordedProject project = project("{{ config(materialized='table', persist_docs={'relation': true,"
                + " 'columns': true}) }}\n" + ORDERS);
        project.file("models/orders.yml", """
                version: 2
                models:
                  - name: orders
                    description: "One row per order; amounts in $ (USD)"
                    columns:
                      - name: id
                        description: The order's key
                      - name: amount
                        description: "Total; $ incl. tax"
                      - name: status
                """);
        project.warehouse.table("orders", ORDER_COLUMNS);
        assertRunMatchesGolden(project, "persist_docs");
    }

    private static final String DYNAMIC = """
            {{ config(materialized='dynamic_table', target_lag='5 minutes', snowflake_warehouse='transforming',
                      refresh_mode='INCREMENTAL', initialize='ON_CREATE') }}
            """;

    // dbt-snowflake snowflake__get_create_dynamic_table_as_sql (create or replace dynamic table ...)
    @Test
    void dynamicTableIsCreated() {
        assertRunMatchesGolden(project(DYNAMIC + ORDERS), "dynamic_table_create");
    }

    private TestingRecordedProject existingDynamicTable(String lag, String sqlText) {
        TestingRecordedProject project = project(DYNAMIC + ORDERS);
        project.warehouse.table("orders", ORDER_COLUMNS).answer("show dynamic tables in schema analytics.dev",
                List.of("name", "database_name", "schema_name", "target_lag", "warehouse", "refresh_mode", "text"),
                List.of(row("ORDERS", "ANALYTICS", "DEV", lag, "TRANSFORMING", "INCREMENTAL",
                        "create or replace dynamic table analytics.dev.orders target_lag = '5 minutes' as (\n" + sqlText
                                + "\n)")));
        return project;
    }

    // dbt-snowflake snowflake__refresh_dynamic_table: unchanged settings and query
    @Test
    void anUnchangedDynamicTableIsRefreshed() {
        assertRunMatchesGolden(existingDynamicTable("5 minutes", "select id, status, amount from raw.shop.orders"),
                "dynamic_table_refresh");
    }

    // dbt-snowflake snowflake__get_alter_dynamic_table_as_sql: target_lag changed in place
    @Test
    void aChangedTargetLagIsAlteredInPlace() {
        assertRunMatchesGolden(existingDynamicTable("1 hour", "select id, status, amount from raw.shop.orders"),
                "dynamic_table_alter");
    }

    // a changed query needs a new dynamic table (dbt-snowflake's replace)
    @Test
    void aChangedQueryRecreatesTheDynamicTable() {
        assertRunMatchesGolden(existingDynamicTable("5 minutes", "select id, status from raw.shop.orders"),
                "dynamic_table_replace");
    }

    @Test
    void dynamicTableConfigChangesFailWhenAskedTo() {
        TestingRecordedProject project = existingDynamicTable("1 hour", "select id, status, amount from raw.shop.orders");
        project.file("models/orders.sql", DYNAMIC.replace("initialize='ON_CREATE'",
                "initialize='ON_CREATE', on_configuration_change='fail'") + ORDERS);
        NodeResult result = run(project);
        assertEquals(NodeStatus.ERROR, result.status());
        assertTrue(result.message().contains("`on_configuration_change` was set to `fail`"), result.message());
    }

    @Test
    void dynamicTableWithoutTargetLagNamesTheMissingConfig() {
        TestingRecordedProject project = project("{{ config(materialized='dynamic_table', snowflake_warehouse='wh') }}\n"
                + ORDERS);
        NodeResult result = run(project);
        assertEquals(NodeStatus.ERROR, result.status());
        assertTrue(result.message().contains("needs the 'target_lag' config"), result.message());
    }

    private static final String SNAPSHOT = """
            {% snapshot orders_snapshot %}
            {{ config(target_schema='snapshots', unique_key='id', strategy='timestamp', updated_at='updated_at') }}
            select id, status, updated_at from {{ source('raw', 'orders') }}
            {% endsnapshot %}
            """;

    // dbt's snapshot materialization on dbt-snowflake: build_snapshot_table through create_table_as (transient)
    @Test
    void snapshotFirstRunCreatesATransientTable() {
        TestingRecordedProject project = new TestingRecordedProject(dir).file("snapshots/orders.sql", SNAPSHOT);
        project.warehouse.answer("select count(*) from", List.of("count"), List.of(row(3L)));
        assertSuccess(project.execute(new SnapshotExecutor(), "snapshot.shop.orders_snapshot"));
        project.assertGolden("snapshot_first_run");
    }

    // snapshot staging through create_table_as(True, ...) (a temporary table) and dbt-snowflake's
    // snowflake__snapshot_merge_sql (default__snapshot_merge_sql in an explicit transaction)
    @Test
    void snapshotChangesAreMergedInAnExplicitTransaction() {
        TestingRecordedProject project = new TestingRecordedProject(dir).file("snapshots/orders.sql", SNAPSHOT);
        Column[] snapshotColumns = {new Column("ID", "NUMBER(38,0)"), new Column("STATUS", "VARCHAR(16777216)"),
            new Column("UPDATED_AT", "TIMESTAMP_NTZ(9)"), new Column("DBT_SCD_ID", "VARCHAR(32)"),
            new Column("DBT_UPDATED_AT", "TIMESTAMP_NTZ(9)"), new Column("DBT_VALID_FROM", "TIMESTAMP_NTZ(9)"),
            new Column("DBT_VALID_TO", "TIMESTAMP_NTZ(9)")};
        project.warehouse.table("orders_snapshot", snapshotColumns)
                .columnsOf("orders_snapshot__dbt_tmp", concat(new Column("DBT_CHANGE_TYPE", "VARCHAR(6)"),
                        concat(snapshotColumns, new Column("DBT_UNIQUE_KEY", "NUMBER(38,0)"))))
                .answer("dbt_snapshot_probe", List.of("ID", "STATUS", "UPDATED_AT"), List.of());
        assertSuccess(project.execute(new SnapshotExecutor(), "snapshot.shop.orders_snapshot"));
        project.assertGolden("snapshot_merge");
    }

    // dbt's seed materialization on dbt-snowflake: create table, then bound batch inserts
    // (snowflake__load_csv_rows); types per the seed's column inference for snowflake
    @Test
    void seedIsCreatedAndLoadedWithBoundInserts() {
        TestingRecordedProject project = new TestingRecordedProject(dir).file("seeds/countries.csv", """
                code,name,population,share,founded,updated_at,active
                de,Germany,83200000,0.41,1949-05-23,2024-01-01 10:00:00,true
                fr,France,68000000,0.34,1958-10-04,2024-01-02 11:30:00,false
                """);
        project.file("seeds/countries.yml", """
                version: 2
                seeds:
                  - name: countries
                    config:
                      grants:
                        select: reporter
                """);
        project.warehouse.columnsOf("countries__dbt_tmp", new Column("CODE", "VARCHAR(16777216)"),
                new Column("NAME", "VARCHAR(16777216)"), new Column("POPULATION", "NUMBER(38,0)"),
                new Column("SHARE", "FLOAT"), new Column("FOUNDED", "DATE"), new Column("UPDATED_AT", "TIMESTAMP_NTZ(9)"),
                new Column("ACTIVE", "BOOLEAN"));
        assertSuccess(project.execute(new SeedExecutor(), "seed.shop.countries"));
        project.assertGolden("seed_first_load");
    }

    // a reload of a seed whose columns did not change replaces its rows (dbt truncates and inserts)
    @Test
    void seedReloadReplacesTheRowsAndKeepsTheTable() {
        TestingRecordedProject project = new TestingRecordedProject(dir).file("seeds/countries.csv", """
                code,population
                de,83200000
                """);
        Column[] columns = {new Column("CODE", "VARCHAR(16777216)"), new Column("POPULATION", "NUMBER(38,0)")};
        project.warehouse.table("countries", columns).columnsOf("countries__dbt_tmp", columns);
        assertSuccess(project.execute(new SeedExecutor(), "seed.shop.countries"));
        project.assertGolden("seed_reload");
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Column[] concat(Column first, Column... rest) {
        Column[] out = new Column[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static Column[] concat(Column[] first, Column last) {
        Column[] out = Arrays.copyOf(first, first.length + 1);
        out[first.length] = last;
        return out;
    }
}
