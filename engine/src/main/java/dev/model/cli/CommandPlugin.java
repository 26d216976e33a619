package dev.model.cli;

/**
 * A module that adds a subcommand to {@code model} without the engine depending on it (the ingest
 * module adds {@code model ingest}). Found with {@link java.util.ServiceLoader}: a module lists its
 * implementation in {@code META-INF/services/dev.model.cli.CommandPlugin}.
 */
public interface CommandPlugin {

    /** A picocli {@code @Command} object, added under the root command by its own name. */
    Object command(CliEnvironment environment);
}
