package dev.model.cli;

import dev.model.log.Log;
import dev.model.parse.ResourceType;
import dev.model.run.execute.RunFlags;
import dev.model.run.snapshot.SnapshotExecutor;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RunTask;
import dev.model.task.Selection;
import java.util.Map;
import java.util.Set;
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
        Log log = Invocations.log(root.environment(), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log);
        RunFlags flags = new RunFlags(false, failFast, project.target().threads(), false);
        RunTask.Request request = new RunTask.Request("snapshot", Set.of(ResourceType.SNAPSHOT),
                Map.of(ResourceType.SNAPSHOT, new SnapshotExecutor()), flags, true);
        RunTask.Result result = RunTask.execute(project, options, selected, request,
                SeedCommand.reporter(root.environment(), shared), log);
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
