package dev.model.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** dbt's node selection flags. Each value is one selection string: space is union, comma intersection. */
public final class SelectionOptions {

    @Option(names = {"--select", "-s", "--models", "-m"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to include, in dbt's selection syntax (e.g. +fct_orders tag:marts).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--indirect-selection", paramLabel = "MODE", description = "eager (default), cautious, buildable or empty.")
    String indirectSelection = "eager";
}
