package dev.model.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.artifacts.PreviousRun;
import dev.model.artifacts.RunResultsReader;
import dev.model.artifacts.RunResultsWriter;
import dev.model.error.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What {@code model retry} does, from the last {@code run_results.json}: the command that wrote
 * it ({@code args.which}), run again with that run's arguments, on the nodes that ended in error,
 * fail or skipped, as {@code dbt retry}. Options given to retry itself win over the recorded ones.
 *
 * @param command the previous command, e.g. {@code run}
 * @param ids     the nodes to run again, in the file's order
 * @param args    the previous invocation's arguments as recorded
 */
public record RetryPlan(String command, Set<String> ids, Map<String, Object> args) {

    /** The commands whose results retry can re-run, and their order in messages. */
    public static final List<String> RETRYABLE_COMMANDS = List.of("run", "seed", "snapshot", "compile", "test", "build");

    public RetryPlan {
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        args = Map.copyOf(args.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * Reads {@code run_results.json} of {@code targetDir}.
     *
     * @param shownTargetDir the target folder as the user knows it, e.g. {@code target}, for the message
     */
    public static RetryPlan fromTarget(Path targetDir, String shownTargetDir) {
        Path file = targetDir.resolve(RunResultsWriter.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw ModelException.usage("no previous run to retry: " + shownTargetDir + "/"
                    + RunResultsWriter.FILE_NAME + " not found");
        }
        PreviousRun previous = new RunResultsReader().read(file);
        String command = previous.command();
        if (command.isEmpty()) {
            throw ModelException.usage("no previous run to retry: " + shownTargetDir + "/" + RunResultsWriter.FILE_NAME
                    + " does not say which command wrote it (no args.which)");
        }
        return new RetryPlan(command, previous.retryIds(), previous.args());
    }

    /** Fails unless retry knows how to re-run the previous command. */
    public RetryPlan requireRetryable() {
        if (!RETRYABLE_COMMANDS.contains(command)) {
            throw ModelException.usage("model retry cannot re-run '" + command + "' yet; it re-runs: "
                    + String.join(", ", RETRYABLE_COMMANDS));
        }
        return this;
    }

    /** The ids still in the project: a node deleted since the last run has nothing left to retry. */
    public Set<String> presentIn(Predicate<String> exists) {
        Set<String> present = new LinkedHashSet<>();
        for (String id : ids) {
            if (exists.test(id)) {
                present.add(id);
            }
        }
        return present;
    }

    /** The options of the retry: the previous run's target, vars, threads and selection where retry sets none. */
    public InvocationOptions options(InvocationOptions given) {
        return new InvocationOptions(given.projectDir(), given.profilesDir(),
                given.target().or(() -> text("target")),
                given.vars().or(() -> text("vars")),
                given.threads().or(this::threads),
                given.select().isEmpty() ? strings("select") : given.select(),
                given.exclude().isEmpty() ? strings("exclude") : given.exclude(),
                given.debug(), given.env(), given.home());
    }

    public boolean fullRefresh() {
        return Boolean.TRUE.equals(args.get("full_refresh"));
    }

    public boolean failFast() {
        return Boolean.TRUE.equals(args.get("fail_fast"));
    }

    private Optional<String> text(String key) {
        Object value = args.get(key);
        if (value instanceof Map<?, ?> map) {
            // dbt records --vars as the parsed mapping; JSON is YAML, so it parses back the same.
            return Optional.of(asJson(map));
        }
        return Optional.ofNullable(value).map(Object::toString).filter(text -> !text.isBlank());
    }

    private Optional<Integer> threads() {
        return args.get("threads") instanceof Number number && number.intValue() > 0
                ? Optional.of(number.intValue()) : Optional.empty();
    }

    private List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        if (args.get(key) instanceof Collection<?> values) {
            values.forEach(value -> out.add(String.valueOf(value)));
        } else if (args.get(key) instanceof String value && !value.isBlank()) {
            out.add(value);
        }
        return out;
    }

    private static String asJson(Map<?, ?> map) {
        try {
            return new ObjectMapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw ModelException.internal("could not re-encode the previous run's vars", e);
        }
    }
}
