package dev.model.cli;

import dev.model.log.Log;
import dev.model.task.InvocationOptions;
import dev.model.task.ListTask;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model ls}: prints the selected nodes, one per line, as dbt ls does. */
@Command(name = "ls", mixinStandardHelpOptions = true, aliases = "list", description = "List the selected nodes of the project.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--resource-type", arity = "1..*", paramLabel = "TYPE",
            description = "Only nodes of these types: model, seed, snapshot, test, source, all, default.")
    List<String> resourceTypes = new ArrayList<>();

    @Option(names = {"--output", "-o"}, paramLabel = "FORMAT", description = "selector (default), name, path or json.")
    ListTask.Format output = ListTask.Format.selector;

    @Option(names = "--output-keys", arity = "1..*", paramLabel = "KEY", description = "Keys of the json output to keep.")
    List<String> outputKeys = new ArrayList<>();

    @Override
    public Integer call() {
        // Listing prints nodes on stdout: logs go to stderr so the output can be piped.
        Log log = Invocations.log(new CliEnvironment(root.environment().err(), root.environment().err(),
                root.environment().env(), root.environment().workingDir(), root.environment().home(), false), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log);
        for (String line : ListTask.lines(project, selected, resourceTypes, output, outputKeys)) {
            root.environment().out().println(line);
        }
        return 0;
    }
}
