package dev.model.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.run.NodeResult;
import dev.model.run.RunResults;
import dev.model.run.TestingResults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestJsonRunReporter {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final JsonRunReporter reporter = new JsonRunReporter(new PrintStream(buffer, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-03-01T09:15:00.5Z"), ZoneOffset.UTC));

    private List<JsonNode> events() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\\R")) {
            events.add(json.readTree(line));
        }
        return events;
    }

    @Test
    void writesOneParsableObjectPerLine() throws Exception {
        RunResults run = TestingResults.mixedRun();
        reporter.runStarted(4, "dev");
        reporter.nodeStarted(TestingNodes.STG_ORDERS, 1, 6);
        reporter.nodeFinished(TestingNodes.STG_ORDERS, run.results().get(0), 1, 6);
        reporter.nodeFinished(TestingNodes.UNIQUE, run.results().get(3), 4, 6);
        reporter.runFinished(run, TestingNodes.ALL);
        List<JsonNode> events = events();

        for (JsonNode event : events) {
            assertEquals("2026-03-01T09:15:00.500Z", event.get("ts").asText());
            assertFalse(event.get("msg").asText().contains("\u001b"));
        }
        assertEquals("ConcurrencyLine", events.get(0).get("event").asText());
        assertEquals(4, events.get(0).get("num_threads").asInt());

        JsonNode start = events.get(1);
        assertEquals("NodeStart", start.get("event").asText());
        assertEquals("model.shop.stg_orders", start.get("unique_id").asText());
        assertEquals("1 of 6 START sql view model analytics.stg_orders ............................... [RUN]",
                start.get("msg").asText());

        JsonNode finished = events.get(2);
        assertEquals("NodeFinished", finished.get("event").asText());
        assertEquals("info", finished.get("level").asText());
        assertEquals("success", finished.get("status").asText());
        assertEquals(0.05, finished.get("execution_time").asDouble());
        assertEquals("Thread-1 (worker)", finished.get("thread_id").asText());

        JsonNode failed = events.get(3);
        assertEquals("error", failed.get("level").asText());
        assertEquals("fail", failed.get("status").asText());
        assertEquals(3, failed.get("failures").asInt());

        JsonNode last = events.get(events.size() - 1);
        assertEquals("StatsLine", last.get("event").asText());
        assertEquals("Done. PASS=2 WARN=1 ERROR=2 SKIP=1 TOTAL=6", last.get("msg").asText());
        assertFalse(last.get("success").asBoolean());
        List<String> names = events.stream().map(e -> e.get("event").asText()).toList();
        assertEquals(List.of("ConcurrencyLine", "NodeStart", "NodeFinished", "NodeFinished", "FinishedRunningStats",
                "EndOfRunSummary", "RunResultError", "RunResultError", "RunResultError", "RunResultError",
                "RunResultError", "RunResultError", "RunResultWarning", "RunResultWarning", "StatsLine"), names);
        assertEquals("model.shop.orders", events.get(6).get("unique_id").asText());
    }

    @Test
    void messagesWithQuotesAndNewlinesStayOnOneLine() throws Exception {
        NodeResult error = NodeResult.error("model.shop.orders", "Parser Error: syntax error at \"frm\"\nLINE 1: select");
        reporter.nodeFinished(TestingNodes.ORDERS, error, 1, 1);
        reporter.runFinished(TestingResults.run(List.of(error)), List.of(TestingNodes.ORDERS));
        List<JsonNode> events = events();
        assertEquals("Parser Error: syntax error at \"frm\"\nLINE 1: select", events.get(0).get("message").asText());
        List<String> details = events.stream().filter(e -> e.get("event").asText().equals("RunResultError"))
                .map(e -> e.get("msg").asText()).toList();
        assertEquals(List.of("Error in model orders (models/marts/orders.sql)",
                "Parser Error: syntax error at \"frm\"", "LINE 1: select"), details);
    }

    @Test
    void theListenerDescribesUnknownNodesFromTheirIds() throws Exception {
        ReportingListener listener = new ReportingListener(reporter, Map.of());
        listener.nodeStarted("test.shop.accepted_values_orders_status.abc123", 1, 1);
        JsonNode event = events().get(0);
        assertEquals("1 of 1 START test accepted_values_orders_status ................................ [RUN]",
                event.get("msg").asText());
    }
}
