package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class TestRunCommand {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void viewsAndTablesAreBuiltInDependencyOrder(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse)
                .file("models/orders.sql", "{{ config(materialized='table') }}\nselect 1 as id, 10 as amount union all select 2, 20")
                .file("models/big_orders.sql", "select id from {{ ref('orders') }} where amount > 15");
        TestingCli.Outcome outcome = project.run("run");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals("BASE TABLE", project.relationType(project.schema(), "orders"));
        assertEquals("VIEW", project.relationType(project.schema(), "big_orders"));
        assertEquals(List.of("2"), project.rows("select * from \"" + project.schema() + "\".\"big_orders\""));
        assertTrue(outcome.out().contains("Completed successfully"), outcome.out());
    }
}
