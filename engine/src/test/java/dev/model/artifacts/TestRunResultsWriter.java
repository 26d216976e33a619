package dev.model.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.run.TestingResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestRunResultsWriter {

    private final RunResultsWriter writer = new RunResultsWriter("1.9.0", Map.of("DBT_ENV_CUSTOM_ENV_team", "data"));

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void writesDbtsV6ShapeInDbtsFieldOrder(@TempDir Path target) throws Exception {
        Path file = writer.write(TestingResults.mixedRun(), target);
        assertEquals(target.resolve("run_results.json"), file);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));

        assertEquals(List.of("metadata", "results", "elapsed_time", "args"), fieldNames(root));
        JsonNode metadata = root.get("metadata");
        assertEquals(List.of("dbt_schema_version", "dbt_version", "generated_at", "invocation_id",
                "invocation_started_at", "env"), fieldNames(metadata));
        assertEquals("https://schemas.getdbt.com/dbt/run-results/v6.json", metadata.get("dbt_schema_version").asText());
        assertEquals("1.9.0", metadata.get("dbt_version").asText());
        assertEquals("2026-03-01T09:15:01.480000Z", metadata.get("generated_at").asText());
        assertEquals("2026-03-01T09:15:00.250000Z", metadata.get("invocation_started_at").asText());
        assertEquals("5f0c1b2a-0000-4000-8000-000000000001", metadata.get("invocation_id").asText());
        assertEquals("data", metadata.get("env").get("DBT_ENV_CUSTOM_ENV_team").asText());

        JsonNode model = root.get("results").get(0);
        assertEquals(List.of("status", "timing", "thread_id", "execution_time", "adapter_response", "message",
                "failures", "unique_id", "compiled", "compiled_code", "relation_name", "batch_results"), fieldNames(model));
        assertEquals("success", model.get("status").asText());
        assertEquals("compile", model.get("timing").get(0).get("name").asText());
        assertEquals("2026-03-01T09:15:00.250000Z", model.get("timing").get(0).get("started_at").asText());
        assertEquals("2026-03-01T09:15:00.310000Z", model.get("timing").get(1).get("completed_at").asText());
        assertEquals("Thread-1 (worker)", model.get("thread_id").asText());
        assertEquals(0.05, model.get("execution_time").asDouble());
        assertEquals(List.of("_message", "rows_affected"), fieldNames(model.get("adapter_response")));
        assertEquals(10, model.get("adapter_response").get("rows_affected").asInt());
        assertTrue(model.get("failures").isNull());
        assertTrue(model.get("compiled").asBoolean());
        assertEquals("select * from raw.orders", model.get("compiled_code").asText());
        assertEquals("\"shop\".\"analytics\".\"stg_orders\"", model.get("relation_name").asText());
        assertTrue(model.get("batch_results").isNull());

        JsonNode skipped = root.get("results").get(2);
        assertEquals("skipped", skipped.get("status").asText());
        assertEquals("Skipping because of failed upstream 'model.shop.orders'", skipped.get("message").asText());
        assertTrue(skipped.get("compiled").isNull());
        assertEquals(3, root.get("results").get(3).get("failures").asInt());
        assertEquals("fail", root.get("results").get(3).get("status").asText());

        assertEquals(1.23, root.get("elapsed_time").asDouble());
        assertEquals("build", root.get("args").get("which").asText());
        assertEquals("stg_orders+", root.get("args").get("select").get(0).asText());
        assertEquals(4, root.get("args").get("threads").asInt());
    }

    @Test
    void theReaderFindsWhatToRetry(@TempDir Path target) {
        writer.write(TestingResults.mixedRun(), target);
        PreviousRun previous = new RunResultsReader().readFromTarget(target);
        assertEquals(Set.of("model.shop.orders", "model.shop.revenue", "test.shop.unique_stg_orders_order_id.1a2b3c"),
                previous.retryIds());
        assertEquals(List.of("model.shop.orders", "model.shop.revenue", "test.shop.unique_stg_orders_order_id.1a2b3c"),
                List.copyOf(previous.retryIds()));
        assertEquals("build", previous.command());
        assertEquals("5f0c1b2a-0000-4000-8000-000000000001", previous.invocationId());
    }

    @Test
    void rewritingReplacesThePreviousFile(@TempDir Path target) throws Exception {
        writer.write(TestingResults.mixedRun(), target);
        writer.write(TestingResults.run(List.of(TestingResults.testPass())), target);
        JsonNode root = new ObjectMapper().readTree(Files.readString(target.resolve("run_results.json")));
        assertEquals(1, root.get("results").size());
        try (var files = Files.list(target)) {
            assertEquals(List.of(target.resolve("run_results.json")), files.toList());
        }
    }
}
