package dev.model.cli;

import dev.model.log.Log;
import dev.model.parse.ResourceType;
import dev.model.run.execute.RunFlags;
import dev.model.run.report.JsonRunReporter;
import dev.model.run.report.RunReporter;
import dev.model.run.report.TextRunReporter;
import dev.model.run.seed.SeedExecutor;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RunTask;
import dev.model.task.Selection;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = {"--full-refresh", "-f"}, description = "Drop and recreate seed tables instead of replacing their rows.")
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
        RunTask.Request request = new RunTask.Request("seed", Set.of(ResourceType.SEED),
                Map.of(ResourceType.SEED, new SeedExecutor()), flags, true);
        RunTask.Result result = RunTask.execute(project, options, selected, request, reporter(root.environment(), shared), log);
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    static RunReporter reporter(CliEnvironment environment, SharedOptions shared) {
        if (shared.logFormat == SharedOptions.LogFormat.json) {
            return new JsonRunReporter(environment.out(), Clock.systemUTC());
        }
        return new TextRunReporter(environment.out(), TextRunReporter.wantsColour(environment.terminal(), environment.env()),
                Clock.systemDefaultZone());
    }
}
