package dev.model.cli;

import dev.model.task.RunTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code model run}: builds the selected models in dependency order; exit 1 when any failed. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Build the selected models in the warehouse, in dependency order.")
final class RunCommand implements Callable<Integer> {

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
        return NodeRuns.execute(root, shared, selection, switches.fullRefresh, switches.failFast, RunTask::runRequest);
    }
}
