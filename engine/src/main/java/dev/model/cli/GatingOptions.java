package dev.model.cli;

import dev.model.error.ModelException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** What fails a CI run, for commands that run tests: {@code --fail-fast}, {@code --warn-error}. */
public final class GatingOptions {

    @Option(names = {"--fail-fast", "-x"}, description = "Stop at the first failure and cancel what runs.")
    boolean failFast;

    @Option(names = "--warn-error", description = "Treat warnings (tests with severity warn) as errors.")
    boolean warnError;

    @Option(names = "--warn-error-options", paramLabel = "YAML",
            description = "Which warnings are errors, e.g. '{\"error\": \"all\"}' (only all or nothing is supported).")
    String warnErrorOptions;

    /** {@code --warn-error}, or {@code --warn-error-options} naming all warnings (dbt's include/error: all). */
    boolean warnsAreErrors() {
        if (warnError) {
            return true;
        }
        if (warnErrorOptions == null || warnErrorOptions.isBlank()) {
            return false;
        }
        String text = warnErrorOptions.replace(" ", "").replace("'", "\"").toLowerCase(Locale.ROOT);
        if (text.contains("\"error\":\"all\"") || text.contains("\"include\":\"all\"")
                || text.contains("error:all") || text.contains("include:all")) {
            return true;
        }
        if (text.contains("\"error\":[]") || text.contains("\"include\":[]") || text.equals("{}")) {
            return false;
        }
        throw ModelException.usage("--warn-error-options: only {\"error\": \"all\"} or {\"error\": []} is supported, got "
                + warnErrorOptions);
    }
}
