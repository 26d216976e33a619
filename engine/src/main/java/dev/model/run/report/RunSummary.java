package dev.model.run.report;

import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The lines dbt prints after a run: what ran and for how long, whether it completed, the details
 * of each error and warning, and the totals ({@code Done. PASS=3 WARN=0 ERROR=1 SKIP=2 TOTAL=6}).
 */
final class RunSummary {

    private RunSummary() {
    }

    static List<SummaryLine> lines(RunResults run, List<NodeDescription> nodes,
                                   Function<String, NodeDescription> describe) {
        List<SummaryLine> lines = new ArrayList<>();
        lines.add(SummaryLine.blank());
        lines.add(new SummaryLine("FinishedRunningStats", "info", "Finished running " + counts(nodes) + " in "
                + duration(run.elapsedTime()) + ".", Tone.PLAIN, null));
        lines.add(SummaryLine.blank());

        List<NodeResult> errors = run.results().stream().filter(r -> r.status().isFailure()).toList();
        List<NodeResult> warnings = run.results().stream().filter(r -> r.status() == NodeStatus.WARN).toList();
        lines.add(completion(run.interrupted(), errors.size(), warnings.size()));
        for (NodeResult error : errors) {
            details(lines, error, describe.apply(error.uniqueId()), false);
        }
        for (NodeResult warning : warnings) {
            details(lines, warning, describe.apply(warning.uniqueId()), true);
        }

        lines.add(SummaryLine.blank());
        lines.add(new SummaryLine("StatsLine", "info", stats(run), Tone.PLAIN, null));
        return lines;
    }

    static String stats(RunResults run) {
        long pass = run.count(NodeStatus.SUCCESS) + run.count(NodeStatus.PASS);
        long error = run.results().stream().filter(r -> r.status().isFailure()).count();
        return "Done. PASS=" + pass + " WARN=" + run.count(NodeStatus.WARN) + " ERROR=" + error
                + " SKIP=" + run.count(NodeStatus.SKIPPED) + " TOTAL=" + run.results().size();
    }

    private static SummaryLine completion(boolean interrupted, int errors, int warnings) {
        if (interrupted) {
            return new SummaryLine("EndOfRunSummary", "warn", "Exited because of keyboard interrupt.", Tone.YELLOW, null);
        }
        if (errors > 0) {
            return new SummaryLine("EndOfRunSummary", "error", "Completed with " + plural(errors, "error") + " and "
                    + plural(warnings, "warning") + ":", Tone.RED, null);
        }
        if (warnings > 0) {
            return new SummaryLine("EndOfRunSummary", "warn", "Completed with " + plural(warnings, "warning") + ":",
                    Tone.YELLOW, null);
        }
        return new SummaryLine("EndOfRunSummary", "info", "Completed successfully", Tone.GREEN, null);
    }

    private static void details(List<SummaryLine> lines, NodeResult result, NodeDescription node, boolean warning) {
        String event = warning ? "RunResultWarning" : "RunResultError";
        String level = warning ? "warn" : "error";
        String kind = warning ? "Warning" : result.status() == NodeStatus.FAIL ? "Failure" : "Error";
        String where = node.originalFilePath() == null ? "" : " (" + node.originalFilePath() + ")";
        lines.add(SummaryLine.blank());
        lines.add(new SummaryLine(event, level, kind + " in " + node.resourceType().dbtName() + " " + node.name() + where,
                warning ? Tone.YELLOW : Tone.RED, result.uniqueId()));
        String message = result.message() == null || result.message().isBlank()
                ? "Status: " + result.status().dbtName() : result.message();
        for (String line : message.split("\\R")) {
            lines.add(new SummaryLine(event, level, "  " + line, Tone.PLAIN, result.uniqueId()));
        }
        if (result.compiledPath() != null) {
            lines.add(SummaryLine.blank());
            lines.add(new SummaryLine(event, level, "  compiled code at " + result.compiledPath(), Tone.PLAIN,
                    result.uniqueId()));
        }
    }

    private static String counts(List<NodeDescription> nodes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeDescription node : nodes) {
            counts.merge(node.summaryKind(), 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            return "0 nodes";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(plural(count, kind)));
        return String.join(", ", parts);
    }

    /** {@code 0 hours 0 minutes and 1.23 seconds (1.23s)}, as dbt writes it. */
    private static String duration(double elapsed) {
        long hours = (long) (elapsed / 3600);
        long minutes = (long) ((elapsed % 3600) / 60);
        double seconds = elapsed % 60;
        return String.format(Locale.ROOT, "%d hours %d minutes and %.2f seconds (%.2fs)", hours, minutes, seconds,
                elapsed);
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
