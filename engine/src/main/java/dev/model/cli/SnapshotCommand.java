package dev.model.cli;

import dev.model.task.RunTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model snapshot}: records changes of the selected snapshots' queries (SCD type 2); exit 1 when any failed. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Execute the selected snapshots: record changed, new and deleted rows with validity ranges.")
final class SnapshotCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"--fail-fast", "-x"}, description = "Stop at the first failure and cancel what runs.")
    boolean failFast;

    @Override
    public Integer call() {
        return NodeRuns.execute(root, shared, selection, false, failFast, RunTask::snapshotRequest);
    }
}
