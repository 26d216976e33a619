package dev.model.cli;

import dev.model.task.RunTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code model build}: seeds, snapshots, models and their tests in one dependency order (a
 * model's tests run as soon as it is built, and what is built on it waits for them); writes
 * run_results.json and junit.xml; exit 1 when any node failed or a test did not pass.
 */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Seed, snapshot and run the selected nodes in one dependency order.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"--full-refresh", "-f"}, description = "Rebuild incremental models and seeds from scratch.")
    boolean fullRefresh;

    @Mixin
    GatingOptions gating;

    @Override
    public Integer call() {
        return NodeRuns.executeWithTests(root, shared, selection, fullRefresh, gating, RunTask::buildRequest);
    }
}
