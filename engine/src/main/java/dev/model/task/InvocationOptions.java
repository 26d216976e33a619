package dev.model.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one command was asked to do, independent of how it was asked (picocli, a test, a bench).
 *
 * @param env  the environment {@code env_var()} and profiles read; a copy, so tests can set it
 * @param home the user's home directory, where {@code ~/.dbt/profiles.yml} is looked for
 */
public record InvocationOptions(
        Path projectDir,
        Optional<Path> profilesDir,
        Optional<String> target,
        Optional<String> vars,
        Optional<Integer> threads,
        List<String> select,
        List<String> exclude,
        boolean debug,
        Map<String, String> env,
        Path home) {

    public InvocationOptions {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        env = Map.copyOf(env);
    }
}
