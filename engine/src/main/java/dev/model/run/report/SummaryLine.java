package dev.model.run.report;

/**
 * One line of the end-of-run summary.
 *
 * @param event    the structured-log event it belongs to, e.g. {@code StatsLine}; null for a blank line
 * @param uniqueId the node a per-node line is about, else null
 */
record SummaryLine(String event, String level, String text, Tone tone, String uniqueId) {

    static SummaryLine blank() {
        return new SummaryLine(null, "info", "", Tone.PLAIN, null);
    }

    boolean isBlank() {
        return event == null;
    }
}
