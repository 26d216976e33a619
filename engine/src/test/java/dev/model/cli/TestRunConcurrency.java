package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many models on four threads, over several schemas created on first use, run twice. */
final class TestRunConcurrency {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestingWarehouseProject.Warehouse.class)
    void fortyModelsInFourSchemasBuildTwice(TestingWarehouseProject.Warehouse warehouse) {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, warehouse);
        for (int i = 0; i < 40; i++) {
            String materialized = i % 3 == 0 ? "table" : i % 3 == 1 ? "view" : "incremental";
            String body = i < 4 ? "select " + i + " as n" : "select n + 1 as n from {{ ref('m" + (i - 4) + "') }}";
            project.file("models/m" + i + ".sql", "{{ config(materialized='" + materialized + "', schema='s" + (i % 4)
                    + "') }}\n" + body);
        }
        for (int round = 0; round < 2; round++) {
            TestingCli.Outcome outcome = project.run("run", "--threads", "4");
            assertEquals(0, outcome.exitCode(), outcome.toString());
            assertTrue(outcome.out().contains("Done. PASS=40 WARN=0 ERROR=0 SKIP=0 TOTAL=40"), outcome.out());
        }
        assertEquals(List.of("12"), project.rows("select distinct n from \"" + project.schema() + "_s3\".\"m39\""));
        assertEquals(10, project.relations(project.schema() + "_s0").size());
    }

    @Test
    void jsonLogFormatPrintsOneEventPerLine() throws Exception {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/a.sql", "select 1 as one");
        TestingCli.Outcome outcome = project.run("run", "--log-format", "json");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        ObjectMapper json = new ObjectMapper();
        List<String> events = outcome.out().lines().filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        JsonNode node = json.readTree(line);
                        return node.get("event").asText();
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                }).toList();
        assertTrue(events.contains("NodeStart") && events.contains("NodeFinished") && events.contains("StatsLine"),
                events.toString());
    }
}
