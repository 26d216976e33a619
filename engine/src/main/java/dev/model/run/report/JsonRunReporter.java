package dev.model.run.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.model.error.ModelException;
import dev.model.run.NodeResult;
import dev.model.run.RunResults;
import java.io.PrintStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --log-format json}: one JSON object per line, every one with {@code ts} (UTC),
 * {@code level}, {@code event} and {@code msg} (the text line without colour or time), plus the
 * event's own fields. Event names follow dbt's structured logs (NodeStart, NodeFinished, StatsLine, ...).
 */
public final class JsonRunReporter implements RunReporter {

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final Clock clock;

    public JsonRunReporter(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void runStarted(int threads, String targetName) {
        ObjectNode event = event("ConcurrencyLine", "info",
                "Concurrency: " + threads + " thread" + (threads == 1 ? "" : "s") + " (target='" + targetName + "')");
        event.put("num_threads", threads);
        event.put("target_name", targetName);
        emit(event);
    }

    @Override
    public synchronized void nodeStarted(NodeDescription node, int index, int total) {
        ProgressLine line = ProgressLine.start(node);
        ObjectNode event = event("NodeStart", line.level(), line.plain(index, total));
        event.put("unique_id", node.uniqueId());
        event.put("index", index);
        event.put("total", total);
        emit(event);
    }

    @Override
    public synchronized void nodeFinished(NodeDescription node, NodeResult result, int index, int total) {
        ProgressLine line = ProgressLine.result(node, result);
        ObjectNode event = event("NodeFinished", line.level(), line.plain(index, total));
        event.put("unique_id", node.uniqueId());
        event.put("status", result.status().dbtName());
        event.put("index", index);
        event.put("total", total);
        event.put("execution_time", result.executionTime());
        event.put("thread_id", result.threadId());
        if (result.failures() != null) {
            event.put("failures", result.failures());
        }
        if (result.message() != null) {
            event.put("message", result.message());
        }
        emit(event);
    }

    @Override
    public synchronized void runFinished(RunResults results, List<NodeDescription> nodes) {
        Map<String, NodeDescription> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.uniqueId(), node));
        for (SummaryLine line : RunSummary.lines(results, nodes,
                id -> byId.getOrDefault(id, NodeDescription.fromUniqueId(id)))) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode event = event(line.event(), line.level(), line.text().strip());
            if (line.uniqueId() != null) {
                event.put("unique_id", line.uniqueId());
            }
            if (line.event().equals("FinishedRunningStats")) {
                event.put("elapsed_time", results.elapsedTime());
            }
            if (line.event().equals("StatsLine")) {
                event.put("success", results.succeeded());
                event.put("total", results.results().size());
            }
            emit(event);
        }
    }

    private ObjectNode event(String name, String level, String message) {
        ObjectNode event = json.createObjectNode();
        event.put("ts", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        event.put("level", level);
        event.put("event", name);
        event.put("msg", message);
        return event;
    }

    private void emit(ObjectNode event) {
        try {
            out.println(json.writeValueAsString(event));
        } catch (JsonProcessingException impossible) {
            throw ModelException.internal("could not write a log line", impossible);
        }
        out.flush();
    }
}
