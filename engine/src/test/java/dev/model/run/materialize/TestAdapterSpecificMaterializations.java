package dev.model.run.materialize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.TestingExecution;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What only some adapters implement fails elsewhere as dbt fails, before any SQL runs. */
final class TestAdapterSpecificMaterializations {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestingExecution.Warehouse.class)
    void dynamicTablesExistOnlyWhereTheAdapterImplementsThem(TestingExecution.Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("models/live.sql", "{{ config(materialized='dynamic_table', target_lag='1 minute',"
                    + " snowflake_warehouse='wh') }}\nselect 1 as one");
            NodeResult result = project.execute(new ModelExecutor(), "model.shop.live");
            assertEquals(NodeStatus.ERROR, result.status());
            String adapter = warehouse.name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(result.message().contains("No materialization 'dynamic_table' was found for adapter " + adapter),
                    result.message());
            assertTrue(project.adapter().getRelation(project.adapter().relation(null, project.adapter().schema(), "live"))
                    .isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestingExecution.Warehouse.class)
    void insertOverwriteIsNotAStrategyWhereTheAdapterLacksIt(TestingExecution.Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='insert_overwrite')"
                    + " }}\nselect 1 as one");
            NodeResult result = project.execute(new ModelExecutor(), "model.shop.inc");
            assertEquals(NodeStatus.ERROR, result.status());
            assertTrue(result.message().contains("Invalid incremental strategy provided: insert_overwrite"), result.message());
            assertTrue(result.message().contains("Expected one of: 'append', 'merge', 'delete+insert'\n")
                    || result.message().endsWith("Expected one of: 'append', 'merge', 'delete+insert'"), result.message());
        }
    }

    @ParameterizedTest
    @EnumSource(TestingExecution.Warehouse.class)
    void aProjectsOwnStrategyMacroIsAccepted(TestingExecution.Warehouse warehouse) {
        try (TestingExecution project = new TestingExecution(dir, warehouse)) {
            project.file("macros/strategy.sql", """
                    {% macro get_incremental_replace_all_sql(arg_dict) %}
                      delete from {{ arg_dict['target_relation'] }};
                      insert into {{ arg_dict['target_relation'] }} select * from {{ arg_dict['temp_relation'] }}
                    {% endmacro %}
                    """);
            project.file("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='replace_all') }}\n"
                    + "select {{ var('n', 1) }} as one");
            assertEquals(NodeStatus.SUCCESS, project.execute(new ModelExecutor(), "model.shop.inc").status());
            NodeResult second = project.execute(new ModelExecutor(), "model.shop.inc");
            assertEquals(NodeStatus.SUCCESS, second.status(), second.message());
            String table = project.adapter().relation(null, project.adapter().schema(), "inc").render();
            assertEquals(1L, ((Number) project.rows("select count(*) from " + table).get(0).get(0)).longValue());
        }
    }
}
