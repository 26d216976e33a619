package dev.model.cli;

import dev.model.task.RunTask;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        return NodeRuns.executeWithTests(root, shared, selection, false, gating, RunTask::testRequest);
    }
}
