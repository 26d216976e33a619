package dev.model.task;

import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.parse.ResourceType;
import dev.model.project.CliVars;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import dev.model.run.execute.RunFlags;
import dev.model.run.report.RunReporter;
import dev.model.run.seed.SeedExecutor;
import dev.model.run.snapshot.SnapshotExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code model retry}: runs the previous command again on the nodes that did not succeed. */
public final class RetryTask {

    private RetryTask() {
    }

    /** Reads the project's last {@code run_results.json}; a USAGE error when there is none. */
    public static RetryPlan plan(InvocationOptions given, Log log) {
        Map<String, Object> vars = given.vars().map(CliVars::parse).orElse(Map.of());
        ProjectConfig config = ProjectLoader.load(given.projectDir(), log, given.env(), vars);
        return RetryPlan.fromTarget(config.targetDir(), config.paths().targetPath()).requireRetryable();
    }

    /**
     * Re-runs {@code plan} on {@code project} (opened with {@link RetryPlan#options}).
     *
     * @return whether every retried node succeeded
     */
    public static boolean run(LoadedProject project, InvocationOptions options, RetryPlan plan, RunReporter reporter,
                              Path workingDir, Log log) {
        Set<String> ids = plan.presentIn(id -> project.graph().find(id).isPresent());
        if (ids.size() < plan.ids().size()) {
            log.info("Not retrying " + (plan.ids().size() - ids.size())
                    + " node(s) of the previous run that are no longer in the project");
        }
        if (ids.isEmpty()) {
            log.info("Nothing to retry: no node of the previous '" + plan.command()
                    + "' ended in error, fail or skipped");
            return true;
        }
        log.info("Retrying " + ids.size() + " node(s) of the previous '" + plan.command() + "'");
        RunFlags flags = new RunFlags(plan.fullRefresh(), plan.failFast(), project.target().threads(), false);
        return switch (plan.command()) {
            case "run" -> RunTask.execute(project, options, ids, RunTask.runRequest(flags), reporter, log).succeeded();
            case "seed" -> RunTask.execute(project, options, ids, new RunTask.Request("seed", Set.of(ResourceType.SEED),
                    Map.of(ResourceType.SEED, new SeedExecutor()), flags, true), reporter, log).succeeded();
            case "snapshot" -> RunTask.execute(project, options, ids, new RunTask.Request("snapshot",
                    Set.of(ResourceType.SNAPSHOT), Map.of(ResourceType.SNAPSHOT, new SnapshotExecutor()), flags, true),
                    reporter, log).succeeded();
            // unit tests are no graph nodes: a retried test or build re-runs data tests, not unit tests
            case "test" -> RunTask.execute(project, options, ids, RunTask.testRequest(flags, false), reporter, log)
                    .succeeded();
            case "build" -> RunTask.execute(project, options, ids, RunTask.buildRequest(flags), reporter, log).succeeded();
            case "compile" -> {
                CompileTask.run(project, ids, workingDir, log);
                yield true;
            }
            default -> throw ModelException.internal("retry of '" + plan.command()
                    + "' passed requireRetryable", null);
        };
    }
}
