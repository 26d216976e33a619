package dev.model.cli;

import dev.model.log.Log;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.RetryPlan;
import dev.model.task.RetryTask;
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
        boolean succeeded = RetryTask.run(project, options, plan, NodeRuns.reporter(environment, shared), project.config().root(), log);
        return succeeded ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }
}
