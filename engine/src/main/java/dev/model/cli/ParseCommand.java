package dev.model.cli;

import dev.model.compile.CompiledProject;
import dev.model.log.Log;
import dev.model.task.CompileTask;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code model parse}: reads the project, checks the graph and writes target/manifest.json. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse the project, check its graph and write target/manifest.json.")
final class ParseCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        Log log = Invocations.log(root.environment(), shared);
        LoadedProject project = ProjectSession.open(Invocations.options(root.environment(), shared, null), log);
        CompiledProject nothingCompiled = new CompiledProject(Map.of(), CompileTask.compiler(project).relations());
        CompileTask.writeManifest(project, nothingCompiled);
        log.info("Parsed " + project.parsed().nodes().size() + " nodes and "
                + project.parsed().macros().macros().size() + " macros; wrote "
                + project.config().paths().targetPath() + "/manifest.json");
        return 0;
    }
}
