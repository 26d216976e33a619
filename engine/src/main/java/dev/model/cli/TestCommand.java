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
 * {@code model test}: the data tests and unit tests of the selection, against what the warehouse
 * holds; writes run_results.json and junit.xml; exit 1 when a test failed or errored (or warned,
 * with {@code --warn-error}).
 */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the data tests and unit tests of the selected nodes.")
final class TestCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

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
        RunFlags flags = new RunFlags(false, gating.failFast, project.target().threads(), false);
        List<UnitTestDefinition> unitTests = UnitTestSelection.select(allUnitTests, options, selected,
                selection.indirectSelection);
        RunTask.Result result = RunTask.execute(project, options, selected, unitTests,
                RunTask.testRequest(flags, gating.warnsAreErrors()), NodeRuns.reporter(root.environment(), shared), log);
        new JUnitXmlWriter().write(result.results(), project.config().targetDir());
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
