package dev.model.cli;

import dev.model.adapter.Adapters;
import dev.model.docs.DocsGenerator;
import dev.model.docs.DocsServer;
import dev.model.log.Log;
import dev.model.task.InvocationOptions;
import dev.model.task.LoadedProject;
import dev.model.task.ProjectSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code model docs}: the lineage site. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Generate or serve the project's documentation and lineage site.",
        subcommands = {DocsCommand.Generate.class, DocsCommand.Serve.class})
final class DocsCommand implements Runnable {

    @ParentCommand
    ModelCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.environment().out());
    }

    /** {@code model docs generate}: target/index.html, catalog.json and manifest.json. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write target/index.html (one file that works offline), "
            + "target/catalog.json and target/manifest.json.")
    static final class Generate implements Callable<Integer> {

        @ParentCommand
        DocsCommand docs;

        @Mixin
        SharedOptions shared;

        @Override
        public Integer call() {
            CliEnvironment environment = docs.root.environment();
            Log log = Invocations.log(environment, shared);
            InvocationOptions options = Invocations.options(environment, shared, null);
            LoadedProject project = ProjectSession.open(options, log);
            DocsGenerator.Result result = DocsGenerator.generate(project,
                    () -> Adapters.discover().open(project.target(), project.config().root(), log), log);
            log.info("Catalog written to " + result.catalog());
            log.info("Docs of " + result.nodeCount() + " nodes written to " + result.index()
                    + (result.notes().isEmpty() ? "" : " (with " + result.notes().size() + " note"
                    + (result.notes().size() == 1 ? "" : "s") + ", shown on the page)"));
            return ExitCodes.SUCCESS;
        }
    }

    /** {@code model docs serve}: serves the generated site on localhost until interrupted. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve target/index.html, catalog.json and manifest.json over HTTP "
            + "on localhost until interrupted (Ctrl-C).")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        DocsCommand docs;

        @Mixin
        SharedOptions shared;

        @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
        int port = 8080;

        @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host = "127.0.0.1";

        @Override
        public Integer call() throws InterruptedException {
            CliEnvironment environment = docs.root.environment();
            Log log = Invocations.log(environment, shared);
            InvocationOptions options = Invocations.options(environment, shared, null);
            Path targetDir = dev.model.project.ProjectLoader.load(options.projectDir(), log, options.env(),
                    java.util.Map.of()).targetDir();
            CountDownLatch stopped = new CountDownLatch(1);
            try (DocsServer server = DocsServer.start(targetDir, host, port)) {
                Thread hook = new Thread(stopped::countDown, "model-docs-serve-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                log.info("Serving docs at " + server.url() + " (press Ctrl-C to stop)");
                stopped.await();
            }
            return ExitCodes.SUCCESS;
        }
    }
}
