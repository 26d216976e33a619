package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestSourceFreshness {

    @TempDir
    Path dir;

    private TestingWarehouseProject project() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: raw
                            loaded_at_field: loaded_at
                            freshness:
                              warn_after: {count: 1, period: hour}
                              error_after: {count: 1, period: day}
                            tables:
                              - name: fresh
                              - name: aging
                              - name: stale
                              - name: filtered
                                freshness:
                                  filter: "kind = 'new'"
                              - name: missing
                              - name: unchecked
                                freshness: null
                        """)
                .file("models/a.sql", "select 1 as id");
        project.execute("create schema raw");
        project.execute("create table raw.fresh as select now()::timestamp - interval 5 minute as loaded_at");
        project.execute("create table raw.aging as select now()::timestamp - interval 3 hour as loaded_at");
        project.execute("create table raw.stale as select now()::timestamp - interval 3 day as loaded_at");
        project.execute("create table raw.filtered as select * from (values (now()::timestamp - interval 2 minute, 'old'),"
                + " (now()::timestamp - interval 10 day, 'new')) t(loaded_at, kind)");
        project.execute("create table raw.unchecked as select now()::timestamp as loaded_at");
        return project;
    }

    @Test
    void statusesPerThresholdInSourcesJsonAndExitOneOnError() throws IOException {
        TestingWarehouseProject project = project();
        TestingCli.Outcome outcome = project.run("source", "freshness");
        assertEquals(1, outcome.exitCode(), outcome.toString());
        JsonNode root = new ObjectMapper().readTree(project.root().resolve("target/sources.json").toFile());
        assertEquals("https://schemas.getdbt.com/dbt/sources/v3.json", root.get("metadata").get("dbt_schema_version").asText());
        Map<String, JsonNode> byId = new TreeMap<>();
        root.get("results").forEach(r -> byId.put(r.get("unique_id").asText(), r));
        assertEquals(5, byId.size(), byId.keySet().toString());
        assertEquals("pass", byId.get("source.shop.raw.fresh").get("status").asText());
        assertEquals("warn", byId.get("source.shop.raw.aging").get("status").asText());
        assertEquals("error", byId.get("source.shop.raw.stale").get("status").asText());
        assertEquals("error", byId.get("source.shop.raw.filtered").get("status").asText());
        JsonNode missing = byId.get("source.shop.raw.missing");
        assertEquals("runtime error", missing.get("status").asText());
        assertTrue(missing.get("error").asText().startsWith("Database Error in source raw.missing (models/sources.yml)"),
                missing.toString());

        JsonNode aging = byId.get("source.shop.raw.aging");
        double age = aging.get("max_loaded_at_time_ago_in_s").asDouble();
        assertTrue(age > 3 * 3600 - 60 && age < 3 * 3600 + 600, aging.toString());
        assertEquals(1, aging.get("criteria").get("warn_after").get("count").asInt());
        assertEquals("hour", aging.get("criteria").get("warn_after").get("period").asText());
        assertEquals("day", aging.get("criteria").get("error_after").get("period").asText());
        assertTrue(aging.has("snapshotted_at") && aging.has("max_loaded_at") && aging.has("timing")
                && aging.has("thread_id") && aging.has("execution_time") && aging.has("adapter_response"), aging.toString());
        assertEquals("kind = 'new'", byId.get("source.shop.raw.filtered").get("criteria").get("filter").asText());
        assertTrue(outcome.out().contains("WARN freshness of raw.aging"), outcome.out());
        assertTrue(outcome.out().contains("ERROR STALE freshness of raw.stale"), outcome.out());
    }

    @Test
    void warningsPassUnlessWarnError() {
        TestingWarehouseProject project = project();
        assertEquals(0, project.run("source", "freshness", "-s", "source:raw.fresh", "source:raw.aging").exitCode());
        TestingCli.Outcome strict = project.run("source", "freshness", "-s", "source:raw.aging", "--warn-error");
        assertEquals(1, strict.exitCode(), strict.toString());
    }

    @Test
    void badPeriodIsAnErrorNamingTheSourceAndFile() {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.DUCKDB)
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            loaded_at_field: loaded_at
                            freshness:
                              warn_after: {count: 1, period: fortnight}
                            tables:
                              - name: events
                        """);
        TestingCli.Outcome outcome = project.run("source", "freshness");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.err().contains("models/sources.yml"), outcome.toString());
        assertTrue(outcome.err().contains("Source 'raw.events': warn_after.period must be minute, hour or day, got 'fortnight'"),
                outcome.toString());
    }

    @Test
    void freshnessOnH2() throws IOException {
        TestingWarehouseProject project = TestingWarehouseProject.create(dir, TestingWarehouseProject.Warehouse.H2)
                .file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: RAW
                            loaded_at_field: LOADED_AT
                            freshness:
                              warn_after: {count: 1, period: hour}
                              error_after: {count: 1, period: day}
                            tables:
                              - name: FRESH
                              - name: AGING
                        """);
        project.execute("create schema RAW");
        project.execute("create table RAW.FRESH as select dateadd('MINUTE', -5, current_timestamp) as LOADED_AT");
        project.execute("create table RAW.AGING as select dateadd('HOUR', -3, current_timestamp) as LOADED_AT");
        TestingCli.Outcome outcome = project.run("source", "freshness");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        JsonNode root = new ObjectMapper().readTree(project.root().resolve("target/sources.json").toFile());
        Map<String, String> statuses = new TreeMap<>();
        root.get("results").forEach(r -> statuses.put(r.get("unique_id").asText(), r.get("status").asText()));
        assertEquals(Map.of("source.shop.raw.FRESH", "pass", "source.shop.raw.AGING", "warn"), statuses);
    }
}
