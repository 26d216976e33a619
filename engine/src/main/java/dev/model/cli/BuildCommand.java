package dev.model.cli;

import dev.model.log.Log;
import dev.model.run.execute.RunFlags;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RunTask;
import dev.model.task.Selection;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code model build}: seeds, snapshots and models of the selection in one dependency order;
 * exit 1 when any node failed. Data tests join the build with the data-tests work.
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

    @Option(names = {"--fail-fast", "-x"}, description = "Stop at the first failure and cancel what runs.")
    boolean failFast;

    @Override
    public Integer call() {
        Log log = Invocations.log(root.environment(), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log);
        RunFlags flags = new RunFlags(fullRefresh, failFast, project.target().threads(), false);
        RunTask.Result result = RunTask.execute(project, options, selected, RunTask.buildRequest(flags),
                SeedCommand.reporter(root.environment(), shared), log);
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
