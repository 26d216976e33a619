package dev.model.cli;

import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.task.CompileTask;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import dev.model.task.Selection;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model compile}: writes every selected node's SQL to target/compiled, and the manifest. */
@Command(name = "compile", mixinStandardHelpOptions = true, description = "Compile the selected nodes to SQL under target/compiled and write target/manifest.json.")
final class CompileCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--inline", paramLabel = "SQL", description = "Compile this SQL (with Jinja, refs work) and print it instead of compiling the project.")
    String inline;

    @Override
    public Integer call() {
        if (inline != null) {
            return compileInline();
        }
        Log log = Invocations.log(root.environment(), shared);
        InvocationOptions options = Invocations.options(root.environment(), shared, selection);
        LoadedProject project = ProjectSession.open(options, log);
        Set<String> selected = Selection.select(project, options, selection.indirectSelection, log);
        CompileTask.Result result = CompileTask.run(project, selected, project.config().root(), log);
        long withCode = result.compiled().nodes().values().stream().filter(n -> n.hasCode()).count();
        log.info("Compiled " + withCode + " nodes to " + project.config().paths().targetPath() + "/compiled/"
                + project.config().name());
        return 0;
    }

    /** dbt's {@code compile --inline}: the compiled SQL on stdout, logs on stderr; nothing is written. */
    private Integer compileInline() {
        if (!selection.select.isEmpty()) {
            throw ModelException.usage("--inline and --select cannot be used together");
        }
        CliEnvironment environment = root.environment();
        Log log = Invocations.log(new CliEnvironment(environment.err(), environment.err(), environment.env(),
                environment.workingDir(), environment.home(), false), shared);
        LoadedProject project = ProjectSession.open(Invocations.options(environment, shared, selection), log);
        String sql = CompileTask.compileInline(project, inline, project.config().root(), log);
        environment.out().println("Compiled inline node is:\n" + sql);
        return 0;
    }
}
