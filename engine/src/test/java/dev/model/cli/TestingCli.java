package dev.model.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process, as a user would from a shell, and captures what it prints. */
final class TestingCli {

    record Outcome(int exitCode, String out, String err) {

        List<String> errorLines() {
            return err.lines().filter(line -> line.startsWith("Error:")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private TestingCli() {
    }

    static Outcome run(Path workingDir, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env, workingDir, workingDir.resolve("home-without-dbt"), false);
        int exit = Main.run(args, environment);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs on a project folder, passing {@code --project-dir} for it. */
    static Outcome inProject(Path projectDir, String command, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(List.of(more));
        args.add("--project-dir");
        args.add(projectDir.toString());
        return run(projectDir, Map.of(), args.toArray(String[]::new));
    }
}
