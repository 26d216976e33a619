package dev.model.cli;

import dev.model.artifacts.JUnitXmlWriter;
import dev.model.log.Log;
import dev.model.run.execute.RunFlags;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RunTask;
import dev.model.task.Selection;
import dev.model.task.UnitTestSelection;
import dev.model.parse.UnitTestDefinition;
import java.util.List;
import java.util.Set;
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
        Log log = Invocations.log(root.environment(), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        List<UnitTestDefinition> allUnitTests = UnitTestSelection.all(project);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log,
                UnitTestSelection.criterionMatcher(allUnitTests));
        RunFlags flags = new RunFlags(fullRefresh, gating.failFast, project.target().threads(), false);
        List<UnitTestDefinition> unitTests = UnitTestSelection.select(allUnitTests, options, selected,
                selection.indirectSelection);
        RunTask.Result result = RunTask.execute(project, options, selected, unitTests, RunTask.buildRequest(flags, gating.warnsAreErrors()),
                NodeRuns.reporter(root.environment(), shared), log);
        new JUnitXmlWriter().write(result.results(), project.config().targetDir());
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
