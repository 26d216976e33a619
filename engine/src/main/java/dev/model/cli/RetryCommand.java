package dev.model.cli;

import dev.model.log.Log;
import dev.model.run.report.JsonRunReporter;
import dev.model.run.report.RunReporter;
import dev.model.run.report.TextRunReporter;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RetryPlan;
import dev.model.task.RetryTask;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code model retry}: the last command again, on the nodes that errored, failed or were skipped, as dbt retry. */
@Command(name = "retry", mixinStandardHelpOptions = true, description = "Re-run the nodes that failed or were skipped in the last run (target/run_results.json).")
final class RetryCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        CliEnvironment environment = root.environment();
        Log log = Invocations.log(environment, shared);
        InvocationOptions given = Invocations.options(environment, shared, null);
        RetryPlan plan = RetryTask.plan(given, log);
        InvocationOptions options = plan.options(given);
        LoadedProject project = ProjectSession.open(options, log);
        boolean succeeded = RetryTask.run(project, options, plan, reporter(environment), project.config().root(), log);
        return succeeded ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    private RunReporter reporter(CliEnvironment environment) {
        if (shared.logFormat == SharedOptions.LogFormat.json) {
            return new JsonRunReporter(environment.out(), Clock.systemUTC());
        }
        return new TextRunReporter(environment.out(),
                TextRunReporter.wantsColour(environment.terminal(), environment.env()), Clock.systemDefaultZone());
    }
}
