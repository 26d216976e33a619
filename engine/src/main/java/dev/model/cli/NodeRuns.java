package dev.model.cli;

import dev.model.log.Log;
import dev.model.run.execute.RunFlags;
import dev.model.run.report.JsonRunReporter;
import dev.model.run.report.RunReporter;
import dev.model.run.report.TextRunReporter;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RunTask;
import dev.model.task.Selection;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/** What run, build, seed and snapshot share: load, select, execute through RunTask, map to an exit code. */
final class NodeRuns {

    private NodeRuns() {
    }

    static int execute(ModelCommand root, SharedOptions shared, SelectionOptions selection, boolean fullRefresh,
                       boolean failFast, Function<RunFlags, RunTask.Request> request) {
        Log log = Invocations.log(root.environment(), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log);
        RunFlags flags = new RunFlags(fullRefresh, failFast, project.target().threads(), false);
        RunTask.Result result = RunTask.execute(project, options, selected, request.apply(flags),
                reporter(root.environment(), shared), log);
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    /**
     * {@code test} and {@code build}: as {@link #execute}, with the selection's unit tests, and
     * target/junit.xml written for CI.
     */
    static int executeWithTests(ModelCommand root, SharedOptions shared, SelectionOptions selection, boolean fullRefresh,
                                GatingOptions gating, java.util.function.BiFunction<RunFlags, Boolean, RunTask.Request> request) {
        Log log = Invocations.log(root.environment(), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        java.util.List<dev.model.parse.UnitTestDefinition> allUnitTests = dev.model.task.UnitTestSelection.all(project);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log,
                dev.model.task.UnitTestSelection.criterionMatcher(allUnitTests));
        RunFlags flags = new RunFlags(fullRefresh, gating.failFast, project.target().threads(), false);
        java.util.List<dev.model.parse.UnitTestDefinition> unitTests = dev.model.task.UnitTestSelection.select(
                allUnitTests, options, selected, selection.indirectSelection);
        RunTask.Result result = RunTask.execute(project, options, selected, unitTests,
                request.apply(flags, gating.warnsAreErrors()), reporter(root.environment(), shared), log);
        new dev.model.artifacts.JUnitXmlWriter().write(result.results(), project.config().targetDir());
        return result.succeeded() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    /** dbt's console lines on a terminal or in a log; one JSON event per line with --log-format json. */
    static RunReporter reporter(CliEnvironment environment, SharedOptions shared) {
        if (shared.logFormat == SharedOptions.LogFormat.json) {
            return new JsonRunReporter(environment.out(), Clock.systemUTC());
        }
        return new TextRunReporter(environment.out(), TextRunReporter.wantsColour(environment.terminal(), environment.env()),
                Clock.systemDefaultZone());
    }
}
