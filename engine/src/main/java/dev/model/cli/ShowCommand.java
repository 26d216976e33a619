package dev.model.cli;

import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.PreviewJson;
import dev.model.task.PreviewTable;
import dev.model.task.ProjectSession;
import dev.model.task.Selection;
import dev.model.task.ShowTask;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model show}: previews the rows of one model, test or snapshot, or of an inline query, as dbt show. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Compile one node (or --inline SQL), run it with a row limit and print the rows.")
final class ShowCommand implements Callable<Integer> {

    enum Output { text, json }

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--inline", paramLabel = "SQL", description = "SQL with Jinja to preview instead of a node, e.g. \"select * from {{ ref('orders') }}\".")
    String inline;

    @Option(names = "--limit", paramLabel = "N", description = "Rows to fetch (default: 5; negative for every row).")
    int limit = ShowTask.DEFAULT_LIMIT;

    @Option(names = {"--output", "-o"}, paramLabel = "FORMAT", description = "text (default) or json.")
    Output output = Output.text;

    @Override
    public Integer call() {
        if (inline == null && selection.select.isEmpty()) {
            throw ModelException.usage("Either --select or --inline must be passed to show");
        }
        if (inline != null && !selection.select.isEmpty()) {
            throw ModelException.usage("--inline and --select cannot be used together: show previews one of them");
        }
        // The preview is the output: logs go to stderr so that it can be piped.
        CliEnvironment environment = root.environment();
        Log log = Invocations.log(new CliEnvironment(environment.err(), environment.err(), environment.env(),
                environment.workingDir(), environment.home(), false), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        ShowTask.Preview preview;
        if (inline != null) {
            preview = ShowTask.showInline(project, inline, limit, project.config().root(), log);
        } else {
            // Only the nodes named: `-s orders` previews the model, not the tests on it.
            Set<String> selected = Selection.select(project, options, "empty", log);
            preview = ShowTask.showNode(project, selected, selection.select, limit, project.config().root(), log);
        }
        root.environment().out().println(render(preview));
        return ExitCodes.SUCCESS;
    }

    private String render(ShowTask.Preview preview) {
        if (output == Output.json) {
            return PreviewJson.of(preview.nodeName(), preview.rows());
        }
        String title = preview.inline() ? "Previewing inline node:" : "Previewing node '" + preview.nodeName() + "':";
        return title + "\n" + PreviewTable.text(preview.rows()).stripTrailing();
    }
}
