package dev.model.e2e.snowflake;

import dev.model.cli.CliEnvironment;
import dev.model.cli.Main;
import dev.model.project.TestingFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A copy of the example project (project/ at the repository root), and the {@code model} CLI run
 * on it in-process as a user would run it, with an environment of the test's choosing.
 */
final class TestingExampleProject {

    record Outcome(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Path root;

    private TestingExampleProject(Path root) {
        this.root = root;
    }

    /** project/ copied into {@code parent}, without what a previous run left (target/, logs/). */
    static TestingExampleProject copyInto(Path parent) {
        return new TestingExampleProject(TestingFiles.copyOfExampleProject(parent));
    }

    Path root() {
        return root;
    }

    /** {@code model <command> <args> --project-dir <copy>}, from the copy's folder. */
    Outcome run(Map<String, String> env, String command, String... args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(List.of(args));
        all.add("--project-dir");
        all.add(root.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env, root, root.resolve("home-without-dbt"), false);
        int exit = Main.run(all.toArray(String[]::new), environment);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    void write(String relativePath, String text) {
        TestingFiles.write(root, relativePath, text);
    }

    String read(String relativePath) {
        try {
            return Files.readString(root.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiled SQL of a node, whitespace runs folded to one space. */
    String compiled(String pathUnderModels) {
        return read("target/compiled/shop/" + pathUnderModels).replaceAll("\\s+", " ");
    }
}
