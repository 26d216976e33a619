package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failures, hooks, overridden macros and project materializations of {@code model run}. */
final class TestRunErrorsAndHooks {

    @TempDir
    Path dir;

    private static Map<String, String> statuses(TestingWarehouseProject project) throws Exception {
        JsonNode root = new ObjectMapper().readTree(project.project().read("target/run_results.json"));
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode result : root.get("results")) {
            out.put(result.get("unique_id").asText(), result.get("status").asText());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void aSqlErrorFailsItsModelSkipsItsChildrenAndSparesTheRest(TestingWarehouseProject.Warehouse warehouse)
            throws Exception {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("models/broken.sql", "select * from no_such_table_anywhere")
                .file("models/below_broken.sql", "select * from {{ ref('broken') }}")
                .file("models/fine.sql", "select 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        String out = outcome.out();
        assertTrue(out.contains("Database Error in model broken (models/broken.sql)"), out);
        assertTrue(out.toLowerCase().contains("no_such_table_anywhere"), "the warehouse's message: " + out);
        assertTrue(out.contains("compiled code at target/run/shop/models/broken.sql"), out);
        assertTrue(project.project().read("target/run/shop/models/broken.sql").contains("no_such_table_anywhere"));
        assertTrue(out.contains("Done. PASS=1 WARN=0 ERROR=1 SKIP=1 TOTAL=3"), out);
        assertEquals(Map.of("model.shop.broken", "error", "model.shop.below_broken", "skipped", "model.shop.fine", "success"),
                statuses(project));
        JsonNode broken = new ObjectMapper().readTree(project.project().read("target/run_results.json")).get("results")
                .findParents("unique_id").stream().filter(n -> n.get("unique_id").asText().equals("model.shop.broken"))
                .findFirst().orElseThrow();
        assertTrue(broken.get("message").asText().startsWith("Database Error in model broken (models/broken.sql)\n  "));
        assertEquals(List.of("1"), project.rows("select * from \"" + project.schema() + "\".\"fine\""));
        assertTrue(project.project().exists("target/manifest.json"));
    }

    @Test
    void anUnknownMaterializationNamesItAndTheModel() throws Exception {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/odd.sql", "{{ config(materialized='materialised_view') }}\nselect 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.out().contains("Compilation Error in model odd (models/odd.sql)"), outcome.out());
        assertTrue(outcome.out().contains("No materialization 'materialised_view' was found for adapter duckdb"), outcome.out());
        assertEquals(Map.of("model.shop.odd", "error"), statuses(project));
    }

    @Test
    void anUnknownIncrementalStrategyNamesTheValidOnes() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.H2)
                .file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='insert_overwrite') }}\nselect 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.out().contains("Invalid incremental strategy provided: insert_overwrite"), outcome.out());
        assertTrue(outcome.out().contains("Expected one of: 'append', 'merge', 'delete+insert'"), outcome.out());
    }

    @Test
    void anUnreachableWarehouseExitsWithTwo() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/a.sql", "select 1 as one");
        project.file("profiles.yml", """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: 'no/such/dir/warehouse.duckdb'
                """);
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().contains("does not exist"), outcome.err());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void hooksRunInDbtOrder(TestingWarehouseProject.Warehouse warehouse) throws Exception {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse);
        String log = "\"" + project.schema() + "\".\"hook_log\"";
        String insert = "insert into " + log + " select (select count(*) from " + log + "), ";
        project.file("dbt_project.yml", """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                on-run-start:
                  - "create table if not exists %1$s (seq integer, what varchar(100))"
                  - "%2$s'start'"
                on-run-end:
                  - "%2$s'end ' || '{{ schemas | length }}'"
                models:
                  shop:
                    +post-hook: "%2$s'post {{ this.identifier }}'"
                """.formatted(log.replace("\"", "\\\""), insert.replace("\"", "\\\"")))
                .file("models/a.sql", "{{ config(pre_hook=\"" + insert.replace("\"", "\\\"")
                        + "'pre {{ this.identifier }}'\") }}\nselect 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(List.of("0|start", "1|pre a", "2|post a", "3|end 1"), project.rows("select * from " + log + " order by 1"));
        Map<String, String> statuses = statuses(project);
        assertEquals(List.of("operation.shop.shop-on-run-start-0", "operation.shop.shop-on-run-start-1", "model.shop.a",
                "operation.shop.shop-on-run-end-0"), List.copyOf(statuses.keySet()));
    }

    @Test
    void aFailingOnRunStartHookSkipsTheModels() throws Exception {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("dbt_project.yml", """
                        name: shop
                        version: '1.0'
                        config-version: 2
                        profile: shop
                        on-run-start: "select * from missing_hook_table"
                        """)
                .file("models/a.sql", "select 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        assertEquals(Map.of("operation.shop.shop-on-run-start-0", "error", "model.shop.a", "skipped"), statuses(project));
        assertTrue(outcome.out().contains("missing_hook_table"), outcome.out());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void aProjectMacroOverridesTheDdl(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("macros/overrides.sql", """
                        {% macro default__create_table_as(temporary, relation, sql) -%}
                          create table {{ relation }} as select 42 as overridden
                        {%- endmacro %}
                        {% macro %s__create_view_as(relation, sql) -%}
                          create or replace view {{ relation }} as select 'mine' as source_of_truth
                        {%- endmacro %}
                        """.replace("%s", warehouse.name().toLowerCase()))
                .file("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as one")
                .file("models/v.sql", "select 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(List.of("42"), project.rows("select * from \"" + project.schema() + "\".\"t\""));
        assertEquals(List.of("mine"), project.rows("select * from \"" + project.schema() + "\".\"v\""));
        assertTrue(project.project().read("target/run/shop/models/t.sql").contains("select 42 as overridden"));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void sqlHeaderRunsBeforeTheCreateStatement(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse);
        project.file("models/t.sql", "{{ config(materialized='table', sql_header='create table \\\"" + project.schema()
                        + "\\\".\\\"from_header\\\" as select 1 as x') }}\nselect 1 as one");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals("BASE TABLE", project.relationType(project.schema(), "from_header"));
        assertTrue(project.project().read("target/run/shop/models/t.sql").startsWith("create table \"" + project.schema()
                + "\".\"from_header\""));
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void aProjectMaterializationBlockBuildsTheModel(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("macros/materialization_compat_view.sql", """
                        {% materialization compat_view, default %}
                            {%- set target_relation = this.incorporate(type='view') -%}
                            {{ run_hooks(pre_hooks) }}
                            {% call statement('main') -%}
                                create or replace view {{ target_relation }} as select * from (
                                    {{ sql }}
                                )
                            {%- endcall %}
                            {{ run_hooks(post_hooks) }}
                            {{ return({'relations': [target_relation]}) }}
                        {% endmaterialization %}
                        """)
                .file("models/custom.sql", "{{ config(materialized='compat_view', post_hook='create table {{ this.schema }}_done as select 1 as x') }}\nselect 7 as seven")
                .file("models/after.sql", "{{ config(materialized='table') }}\nselect seven from {{ ref('custom') }}");
        project.file("models/custom.sql", "{{ config(materialized='compat_view', post_hook='create table \"" + project.schema()
                + "\".\"custom_done\" as select 1 as x') }}\nselect 7 as seven");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals("VIEW", project.relationType(project.schema(), "custom"));
        assertEquals(List.of("7"), project.rows("select * from \"" + project.schema() + "\".\"after\""));
        assertEquals("BASE TABLE", project.relationType(project.schema(), "custom_done"));
        assertTrue(outcome.out().contains("sql compat_view model"), outcome.out());
    }

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void persistDocsWritesRelationAndColumnComments(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("models/documented.sql", "{{ config(materialized='table', persist_docs={'relation': true, 'columns': true}) }}\nselect 1 as id")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: documented
                            description: "Orders, one row each; it's documented"
                            columns:
                              - name: id
                                description: The key
                              - name: not_in_the_model
                                description: ignored
                        """);
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        String comment = switch (warehouse) {
            case DUCKDB -> project.rows("select comment from duckdb_tables() where table_name = 'documented'").get(0);
            case H2 -> project.rows("select remarks from information_schema.tables where table_name = 'documented'").get(0);
        };
        assertEquals("Orders, one row each; it's documented", comment);
        String columnComment = switch (warehouse) {
            case DUCKDB -> project.rows("select comment from duckdb_columns() where table_name = 'documented'").get(0);
            case H2 -> project.rows("select remarks from information_schema.columns where table_name = 'documented'").get(0);
        };
        assertEquals("The key", columnComment);
    }

    @Test
    void failFastStopsTheRun() throws Exception {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/a_broken.sql", "select * from no_such_table")
                .file("models/a_child.sql", "select * from {{ ref('a_broken') }}")
                .file("models/a_grandchild.sql", "select * from {{ ref('a_child') }}")
                .file("models/b.sql", "select 1 as one")
                .file("models/c.sql", "select * from {{ ref('b') }}");
        TestingCli.Outcome outcome = project.run("run", "--fail-fast", "--threads", "1");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        Map<String, String> statuses = statuses(project);
        assertEquals("error", statuses.get("model.shop.a_broken"));
        assertFalse(statuses.containsValue("success"), "the longest chain starts first, then fail-fast stops: " + statuses);
        assertEquals(5, statuses.size(), statuses.toString());
    }
}
