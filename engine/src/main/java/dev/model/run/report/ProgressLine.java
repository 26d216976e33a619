package dev.model.run.report;

import dev.model.run.NodeResult;
import java.util.Locale;

/**
 * One START or result line, as dbt lays them out: the progress and message padded with dots to
 * a fixed width, then the status in brackets:
 * {@code 3 of 12 OK created sql view model analytics.stg_orders .......... [OK in 0.05s]}.
 *
 * @param seconds execution time shown after the status; null for START and SKIP lines
 * @param level   info, warn or error: how the JSON log ranks the line
 */
record ProgressLine(String message, String status, Tone tone, Double seconds, String level) {

    /** dbt's printer width: the dots end here. */
    static final int WIDTH = 80;

    static ProgressLine start(NodeDescription node) {
        return new ProgressLine("START " + node.describe(), "RUN", Tone.PLAIN, null, "info");
    }

    static ProgressLine result(NodeDescription node, NodeResult result) {
        double seconds = result.executionTime();
        boolean test = !node.buildsRelation();
        String failures = result.failures() == null ? "" : result.failures() + " ";
        return switch (result.status()) {
            case SUCCESS -> new ProgressLine(test ? "OK " + node.describe() : successVerb(node),
                    adapterStatus(result), Tone.GREEN, seconds, "info");
            case PASS -> new ProgressLine("PASS " + node.name(), "PASS", Tone.GREEN, seconds, "info");
            case WARN -> new ProgressLine("WARN " + failures + node.name(), "WARN " + failures.strip(),
                    Tone.YELLOW, seconds, "warn");
            case FAIL -> new ProgressLine("FAIL " + failures + node.name(), "FAIL " + failures.strip(),
                    Tone.RED, seconds, "error");
            case ERROR, RUNTIME_ERROR -> new ProgressLine(test ? "ERROR " + node.name() : errorVerb(node),
                    "ERROR", Tone.RED, seconds, "error");
            case SKIPPED -> new ProgressLine(node.buildsRelation()
                    ? "SKIP relation " + (node.relation() == null ? node.name() : node.relation())
                    : "SKIP " + node.resourceType().dbtName() + " " + node.name(), "SKIP", Tone.YELLOW, null, "info");
        };
    }

    String render(int index, int total, boolean colour) {
        StringBuilder line = new StringBuilder();
        line.append(index).append(" of ").append(total).append(' ').append(message).append(' ');
        while (line.length() < WIDTH) {
            line.append('.');
        }
        line.append(" [").append(tone.paint(status.strip(), colour));
        if (seconds != null) {
            line.append(String.format(Locale.ROOT, " in %.2fs", seconds));
        }
        return line.append(']').toString();
    }

    String plain(int index, int total) {
        return render(index, total, false);
    }

    private static String successVerb(NodeDescription node) {
        return switch (node.resourceType()) {
            case SEED -> "OK loaded " + node.describe();
            case SNAPSHOT -> "OK snapshotted " + node.relationOrName();
            case MODEL, TEST, UNIT_TEST, SOURCE, ANALYSIS, OPERATION, MACRO, EXPOSURE -> "OK created " + node.describe();
        };
    }

    private static String errorVerb(NodeDescription node) {
        return switch (node.resourceType()) {
            case SEED -> "ERROR loading " + node.describe();
            case SNAPSHOT -> "ERROR snapshotting " + node.relationOrName();
            case MODEL, TEST, UNIT_TEST, SOURCE, ANALYSIS, OPERATION, MACRO, EXPOSURE ->
                    "ERROR creating " + node.describe();
        };
    }

    /** The warehouse's own word for success where it gave one, as dbt shows it ({@code SUCCESS 1}, {@code OK}). */
    private static String adapterStatus(NodeResult result) {
        Object message = result.adapterResponse().get("_message");
        if (message != null && !message.toString().isBlank() && message.toString().indexOf('\n') < 0) {
            return message.toString();
        }
        return "OK";
    }
}
