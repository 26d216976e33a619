package dev.model.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that reads a project shares, as dbt's global flags. */
public final class SharedOptions {

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Directory holding dbt_project.yml (default: current directory).")
    Path projectDir;

    @Option(names = "--profiles-dir", paramLabel = "DIR", description = "Directory holding profiles.yml (default: project dir, then ~/.dbt).")
    Path profilesDir;

    @Option(names = {"--target", "-t"}, paramLabel = "NAME", description = "Target of the profile to use (default: the profile's target).")
    String target;

    @Option(names = "--vars", paramLabel = "YAML", description = "Variables as a YAML or JSON mapping, e.g. '{start_date: 2024-01-01}'.")
    String vars;

    @Option(names = "--threads", paramLabel = "N", description = "Number of threads (default: the profile's threads).")
    Integer threads;

    @Option(names = "--debug", description = "Print debug logs and Java stack traces of errors.")
    boolean debug;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default) or json: one JSON event per line.")
    LogFormat logFormat = LogFormat.text;

    public enum LogFormat { text, json }
}
