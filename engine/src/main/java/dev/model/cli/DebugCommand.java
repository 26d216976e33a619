package dev.model.cli;

import dev.model.log.Log;
import dev.model.task.DebugTask;
import dev.model.task.InvocationOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model debug}: where the project and profile are, whether they load and whether the warehouse answers. */
@Command(name = "debug", mixinStandardHelpOptions = true, description = "Check the project, the profile and the warehouse connection, as dbt debug.")
final class DebugCommand implements Callable<Integer> {

    @ParentCommand
    ModelCommand root;

    @Mixin
    SharedOptions shared;

    @Option(names = "--config-dir", description = "Only print the folder profiles.yml is read from.")
    boolean configDir;

    @Override
    public Integer call() {
        CliEnvironment environment = root.environment();
        InvocationOptions options = Invocations.options(environment, shared, null);
        if (configDir) {
            environment.out().println("To view your profiles.yml file, run:\n\n"
                    + openCommand() + " " + DebugTask.profilesDirectory(options));
            return ExitCodes.SUCCESS;
        }
        // The report is the output: logs go to stderr.
        Log log = Invocations.log(new CliEnvironment(environment.err(), environment.err(), environment.env(),
                environment.workingDir(), environment.home(), false), shared);
        DebugTask.Report report = DebugTask.run(options, options.projectDir(), log);
        report.lines().forEach(environment.out()::println);
        return report.passed() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    private static String openCommand() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("win") ? "start" : os.contains("mac") ? "open" : "xdg-open";
    }
}
