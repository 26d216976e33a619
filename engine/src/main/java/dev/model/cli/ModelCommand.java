package dev.model.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code model}: the root command. It only holds the subcommands and the process environment. */
@Command(name = "model",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A dbt-compatible SQL modeling engine: compile, run and test dbt projects.",
        subcommands = {
                ParseCommand.class,
                CompileCommand.class,
                ListCommand.class,
                CleanCommand.class,
                RunCommand.class,
                BuildCommand.class,
                TestCommand.class,
                SourceCommand.class,
                SeedCommand.class,
                SnapshotCommand.class,
                ShowCommand.class,
                DebugCommand.class,
                RetryCommand.class,
                DocsCommand.class,
        })
public final class ModelCommand implements Runnable {

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    public ModelCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Adds the subcommands of every {@link CommandPlugin} on the class path (e.g. {@code ingest}). */
    static void addPlugins(CommandLine cli, CliEnvironment environment) {
        for (CommandPlugin plugin : ServiceLoader.load(CommandPlugin.class, ModelCommand.class.getClassLoader())) {
            cli.addSubcommand(plugin.command(environment));
        }
    }

    CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(environment.out());
    }
}
