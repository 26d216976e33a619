package dev.model.cli;

import dev.model.task.RunTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code model build}: seeds, snapshots and models of the selection in one dependency order; exit 1 when any node failed. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Seed, snapshot and run the selected nodes in one dependency order.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

    @Mixin
    RunSwitches switches;

    @Override
    public Integer call() {
        return NodeRuns.execute(root, shared, selection, switches.fullRefresh, switches.failFast, RunTask::buildRequest);
    }
}
