package dev.model.cli;

import dev.model.task.RunTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code model seed}: loads the selected CSV seeds into tables; exit 1 when any failed. */
@Command(name = "seed", mixinStandardHelpOptions = true, description = "Load the CSV files under the seed paths into tables in the warehouse.")
final class SeedCommand implements Callable<Integer> {

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
        return NodeRuns.execute(root, shared, selection, switches.fullRefresh, switches.failFast, RunTask::seedRequest);
    }
}
