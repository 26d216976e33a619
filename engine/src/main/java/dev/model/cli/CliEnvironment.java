package dev.model.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What the process gives a command: streams, environment, working and home directories. */
public record CliEnvironment(PrintStream out, PrintStream err, Map<String, String> env, Path workingDir, Path home,
                             boolean terminal) {

    public static CliEnvironment system() {
        return new CliEnvironment(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")), System.console() != null && System.getenv("NO_COLOR") == null);
    }
}
