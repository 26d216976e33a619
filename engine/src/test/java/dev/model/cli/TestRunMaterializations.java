package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every materialization on both embedded warehouses, run through the CLI twice where it matters. */
final class TestRunMaterializations {

    @TempDir
    Path dir;

    private TestingWarehouseProject project(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse);
        project.file("models/sources.yml", """
                version: 2
                sources:
                  - name: raw
                    schema: %s
                    tables:
                      - name: raw_events
                """.formatted(project.schema()));
        project.execute("create table \"" + project.schema() + "\".\"raw_events\" (\"id\" integer, \"status\" varchar(20))");
        project.execute("insert into \"" + project.schema() + "\".\"raw_events\" values (1, 'new'), (2, 'new')");
        return project;
    }

    private static String q(TestingWarehouseProject project, String name) {
        return "\"" + project.schema() + "\".\"" + name + "\"";
    }

    private static void assertRan(TestingCli.Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome.toString());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void tableIsRebuiltWithTheNewRowsAndNoLeftovers(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse)
                .file("models/events.sql", "{{ config(materialized='table') }}\nselect \"id\", \"status\" from {{ source('raw', 'raw_events') }}");
        assertRan(project.run("run"));
        project.execute("insert into " + q(project, "raw_events") + " values (3, 'new')");
        assertRan(project.run("run"));
        assertEquals(List.of("1|new", "2|new", "3|new"), project.rows("select * from " + q(project, "events") + " order by 1"));
        assertEquals(List.of("events", "raw_events"), project.relations(project.schema()));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void aFailingTableModelLeavesTheOldTableWithItsRows(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse)
                .file("models/events.sql", "{{ config(materialized='table') }}\nselect \"id\" from {{ source('raw', 'raw_events') }}");
        assertRan(project.run("run"));
        project.file("models/events.sql", "{{ config(materialized='table') }}\nselect \"id\", no_such_column from {{ source('raw', 'raw_events') }}");
        TestingCli.Outcome failed = project.run("run");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals(List.of("1", "2"), project.rows("select * from " + q(project, "events") + " order by 1"));
        assertEquals("BASE TABLE", project.relationType(project.schema(), "events"));
        assertEquals(List.of("events", "raw_events"), project.relations(project.schema()));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void aViewReplacesATableAndATableReplacesAView(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse)
                .file("models/events.sql", "{{ config(materialized='table') }}\nselect \"id\" from {{ source('raw', 'raw_events') }}");
        assertRan(project.run("run"));
        project.file("models/events.sql", "{{ config(materialized='view') }}\nselect \"id\" from {{ source('raw', 'raw_events') }}");
        assertRan(project.run("run"));
        assertEquals("VIEW", project.relationType(project.schema(), "events"));
        project.file("models/events.sql", "{{ config(materialized='table') }}\nselect \"id\" from {{ source('raw', 'raw_events') }}");
        assertRan(project.run("run"));
        assertEquals("BASE TABLE", project.relationType(project.schema(), "events"));
        assertEquals(List.of("1", "2"), project.rows("select * from " + q(project, "events") + " order by 1"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void incrementalAppendAddsOnlyNewRowsOnTheSecondRun(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse).file("models/events.sql", """
                {{ config(materialized='incremental') }}
                select "id", "status" from {{ source('raw', 'raw_events') }}
                {% if is_incremental() %} where "id" > (select max("id") from {{ this }}) {% endif %}
                """);
        assertRan(project.run("run"));
        project.execute("insert into " + q(project, "raw_events") + " values (3, 'new')");
        assertRan(project.run("run"));
        assertEquals(List.of("1|new", "2|new", "3|new"), project.rows("select * from " + q(project, "events") + " order by 1"));
        assertTrue(project.project().read("target/compiled/shop/models/events.sql").contains("select max(\"id\")"),
                "the second compile has is_incremental() true");
        assertEquals(List.of("events", "raw_events"), project.relations(project.schema()));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void incrementalMergeUpdatesChangedRowsAndInsertsNewOnes(TestingWarehouseProject.Warehouse warehouse) {
        assertUpsert(warehouse, "merge", "'id'");
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void incrementalDeleteInsertReplacesChangedRows(TestingWarehouseProject.Warehouse warehouse) {
        assertUpsert(warehouse, "delete+insert", "'id'");
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void incrementalMergeTakesAListOfKeyColumns(TestingWarehouseProject.Warehouse warehouse) {
        assertUpsert(warehouse, "merge", "['id', 'kind']");
    }

    private void assertUpsert(TestingWarehouseProject.Warehouse warehouse, String strategy, String uniqueKey) {
        TestingWarehouseProject project = project(warehouse).file("models/events.sql", """
                {{ config(materialized='incremental', incremental_strategy='%s', unique_key=%s) }}
                select "id" as id, 'event' as kind, "status" as status from {{ source('raw', 'raw_events') }}
                """.formatted(strategy, uniqueKey));
        assertRan(project.run("run"));
        project.execute("update " + q(project, "raw_events") + " set \"status\" = 'paid' where \"id\" = 2");
        project.execute("insert into " + q(project, "raw_events") + " values (3, 'new')");
        TestingCli.Outcome second = project.run("run");
        assertRan(second);
        assertEquals(List.of("1|event|new", "2|event|paid", "3|event|new"),
                project.rows("select * from " + q(project, "events") + " order by 1"));
        assertEquals(List.of("events", "raw_events"), project.relations(project.schema()));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void incrementalPredicatesLimitWhatDeleteInsertReplaces(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse).file("models/events.sql", """
                {{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='id',
                          incremental_predicates=['DBT_INTERNAL_DEST.id > 1']) }}
                select "id" as id, "status" as status from {{ source('raw', 'raw_events') }}
                """);
        assertRan(project.run("run"));
        project.execute("update " + q(project, "raw_events") + " set \"status\" = 'paid'");
        assertRan(project.run("run"));
        assertEquals(List.of("1|new", "1|paid", "2|paid"), project.rows("select * from " + q(project, "events") + " order by 1, 2"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void fullRefreshRebuildsAnIncrementalModel(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse).file("models/events.sql", """
                {{ config(materialized='incremental') }}
                select "id" from {{ source('raw', 'raw_events') }}
                """);
        assertRan(project.run("run"));
        assertRan(project.run("run"));
        assertEquals(List.of("1", "1", "2", "2"), project.rows("select * from " + q(project, "events") + " order by 1"));
        assertRan(project.run("run", "--full-refresh"));
        assertEquals(List.of("1", "2"), project.rows("select * from " + q(project, "events") + " order by 1"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void onSchemaChangeAppendNewColumnsAddsTheColumn(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = schemaChangeProject(warehouse, "append_new_columns");
        assertRan(project.run("run"));
        assertRan(project.run("run", "--vars", "{second: true}"));
        assertEquals(List.of("1|new|null", "2|new|null", "3|new|x"),
                project.rows("select * from " + q(project, "events") + " order by 1"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void onSchemaChangeSyncAllColumnsAddsAndRemovesColumns(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = schemaChangeProject(warehouse, "sync_all_columns");
        assertRan(project.run("run"));
        assertRan(project.run("run", "--vars", "{second: true, drop_status: true}"));
        assertEquals(List.of("1|null", "2|null", "3|x"), project.rows("select * from " + q(project, "events") + " order by 1"));
        assertEquals(2, project.rows("select * from information_schema.columns where table_name = 'events'").size());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void onSchemaChangeIgnoreKeepsTheTableAsItWas(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = schemaChangeProject(warehouse, "ignore");
        assertRan(project.run("run"));
        assertRan(project.run("run", "--vars", "{second: true}"));
        assertEquals(List.of("1|new", "2|new", "3|new"), project.rows("select * from " + q(project, "events") + " order by 1"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void onSchemaChangeFailNamesTheColumns(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = schemaChangeProject(warehouse, "fail");
        assertRan(project.run("run"));
        TestingCli.Outcome failed = project.run("run", "--vars", "{second: true}");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.out().contains("Compilation Error in model events (models/events.sql)"), failed.out());
        assertTrue(failed.out().contains("The source and target schemas on this incremental model are out of sync!"), failed.out());
        assertTrue(failed.out().toLowerCase().contains("source columns not in target: [extra]"), failed.out());
        assertEquals(List.of("1|new", "2|new"), project.rows("select * from " + q(project, "events") + " order by 1"));
    }

    /** Second run (var second) brings id 3 and a column {@code extra}; drop_status leaves out status. */
    private TestingWarehouseProject schemaChangeProject(TestingWarehouseProject.Warehouse warehouse, String mode) {
        TestingWarehouseProject project = project(warehouse);
        project.execute("insert into " + q(project, "raw_events") + " values (3, 'new')");
        return project.file("models/events.sql", """
                {{ config(materialized='incremental', on_schema_change='%s') }}
                select "id" as id
                {%% if not var('drop_status', false) %%}, "status" as status{%% endif %%}
                {%% if var('second', false) %%}, 'x' as extra{%% endif %%}
                from {{ source('raw', 'raw_events') }}
                {%% if is_incremental() %%} where "id" > (select max(id) from {{ this }}) {%% else %%} where "id" < 3 {%% endif %%}
                """.formatted(mode));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void ephemeralModelsAreInlinedAndNeverListed(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse)
                .file("models/eph.sql", "{{ config(materialized='ephemeral') }}\nselect \"id\" from {{ source('raw', 'raw_events') }}")
                .file("models/base.sql", "{{ config(materialized='table') }}\nselect 5 as five")
                .file("models/eph_on_base.sql", "{{ config(materialized='ephemeral') }}\nselect five from {{ ref('base') }}")
                .file("models/consumer.sql", "select e.\"id\", b.five from {{ ref('eph') }} e cross join {{ ref('eph_on_base') }} b");
        TestingCli.Outcome outcome = project.run("run");
        assertRan(outcome);
        assertFalse(outcome.out().contains("eph"), outcome.out());
        assertTrue(outcome.out().contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2"), outcome.out());
        assertNull(project.relationType(project.schema(), "eph"));
        assertEquals(List.of("1|5", "2|5"), project.rows("select * from " + q(project, "consumer") + " order by 1"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void customSchemasAreCreated(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = project(warehouse)
                .file("models/staging/a.sql", "{{ config(schema='staging') }}\nselect 1 as one")
                .file("models/staging/b.sql", "{{ config(schema='staging', materialized='table') }}\nselect one from {{ ref('a') }}");
        assertRan(project.run("run"));
        String schema = project.schema() + "_staging";
        assertEquals(List.of("a", "b"), project.relations(schema));
        assertEquals(List.of("1"), project.rows("select * from \"" + schema + "\".\"b\""));
    }
}
