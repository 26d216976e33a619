package dev.model.cli;

import picocli.CommandLine.Option;

/** The switches of commands that build nodes: --full-refresh and --fail-fast, as dbt's. */
final class RunSwitches {

    @Option(names = {"--full-refresh", "-f"}, description = "Rebuild incremental models and seeds from scratch.")
    boolean fullRefresh;

    @Option(names = {"--fail-fast", "-x"}, description = "Stop at the first failure and cancel what runs.")
    boolean failFast;
}
