package dev.model.cli;

import dev.model.error.ModelException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The process entry point. Every command's failure goes through one handler: a single
 * {@code Error:} line with the file and line where there is one, dbt's exit codes, and the Java
 * stack trace only with {@code --debug}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Runs one command in-process and returns its exit code; used by main and by functional tests. */
    public static int run(String[] args, CliEnvironment environment) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new ModelCommand(environment));
        ModelCommand.addPlugins(cli, environment);
        cli.setOut(new PrintWriter(environment.out(), true));
        cli.setErr(new PrintWriter(environment.err(), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> report(error, environment, debug));
        cli.setParameterExceptionHandler((error, args1) -> {
            environment.err().println("Error: " + error.getMessage());
            environment.err().println("Run '" + error.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCodes.COULD_NOT_RUN;
        });
        return cli.execute(args);
    }

    static int report(Exception error, CliEnvironment environment, boolean debug) {
        if (error instanceof ModelException modelError) {
            environment.err().println("Error: " + modelError.describe());
            if (debug) {
                environment.err().println(stackTrace(modelError));
            }
            return modelError.exitCode();
        }
        environment.err().println("Error: internal error: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage())
                + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            environment.err().println(stackTrace(error));
        }
        return ExitCodes.COULD_NOT_RUN;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
