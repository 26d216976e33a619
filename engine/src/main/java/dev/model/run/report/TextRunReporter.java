package dev.model.run.report;

import dev.model.run.NodeResult;
import dev.model.run.RunResults;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * dbt's console output: {@code 09:15:00  3 of 12 START sql view model analytics.stg_orders ... [RUN]}.
 * Status words are coloured only when {@code colour} is set, which the CLI decides with
 * {@link #wantsColour(boolean, Map)}: on a terminal, unless NO_COLOR is set.
 */
public final class TextRunReporter implements RunReporter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean colour;
    private final Clock clock;

    /** @param clock gives the time of each line, in the clock's zone (the user's local time, as dbt) */
    public TextRunReporter(PrintStream out, boolean colour, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.colour = colour;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Colour only on a terminal, and never when the NO_COLOR variable is set (no-color.org). */
    public static boolean wantsColour(boolean hasConsole, Map<String, String> env) {
        String noColour = env.get("NO_COLOR");
        return hasConsole && (noColour == null || noColour.isEmpty());
    }

    @Override
    public synchronized void runStarted(int threads, String targetName) {
        print("Concurrency: " + threads + " thread" + (threads == 1 ? "" : "s") + " (target='" + targetName + "')");
        print("");
    }

    @Override
    public synchronized void nodeStarted(NodeDescription node, int index, int total) {
        print(ProgressLine.start(node).render(index, total, colour));
    }

    @Override
    public synchronized void nodeFinished(NodeDescription node, NodeResult result, int index, int total) {
        print(ProgressLine.result(node, result).render(index, total, colour));
    }

    @Override
    public synchronized void runFinished(RunResults results, List<NodeDescription> nodes) {
        Map<String, NodeDescription> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.uniqueId(), node));
        StringBuilder text = new StringBuilder();
        String stamp = stamp();
        for (SummaryLine line : RunSummary.lines(results, nodes,
                id -> byId.getOrDefault(id, NodeDescription.fromUniqueId(id)))) {
            text.append(stamp);
            if (!line.isBlank()) {
                text.append("  ").append(line.tone().paint(line.text(), colour));
            }
            text.append(System.lineSeparator());
        }
        out.print(text);
        out.flush();
    }

    private void print(String line) {
        out.print(line.isEmpty() ? stamp() + System.lineSeparator() : stamp() + "  " + line + System.lineSeparator());
        out.flush();
    }

    private String stamp() {
        return LocalTime.now(clock).format(TIME);
    }
}
