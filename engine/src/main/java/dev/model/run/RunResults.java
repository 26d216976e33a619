package dev.model.run;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one invocation produced: the node results in the order they finished, and what
 * run_results.json needs around them.
 *
 * @param elapsedTime  seconds from the start of execution to the last result
 * @param args         the invocation's arguments as dbt writes them ({@code which}, {@code select}, ...)
 * @param interrupted  the user cancelled the run (Ctrl-C) before it finished
 */
public record RunResults(
        String invocationId,
        Instant startedAt,
        Instant generatedAt,
        List<NodeResult> results,
        double elapsedTime,
        Map<String, Object> args,
        boolean interrupted) {

    public RunResults {
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(generatedAt, "generatedAt");
        results = List.copyOf(results);
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public long count(NodeStatus status) {
        return results.stream().filter(result -> result.status() == status).count();
    }

    /** dbt's exit rule: the command failed if any node errored or any test failed. */
    public boolean succeeded() {
        return !interrupted && results.stream().noneMatch(result -> result.status().isFailure());
    }
}
