package dev.model.artifacts;

import dev.model.run.NodeStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code model retry} needs from the last run_results.json: how each node ended and the
 * arguments of that invocation; and the nodes' execution times, which make good scheduling
 * weights ({@code WorkGraph.of(parents, weights)}) for the next run.
 *
 * @param executionTimes seconds per node, only for nodes that took a measurable time
 */
public record PreviousRun(String invocationId, Map<String, NodeStatus> statuses, Map<String, Double> executionTimes,
                          Map<String, Object> args) {

    public PreviousRun {
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        executionTimes = Collections.unmodifiableMap(new LinkedHashMap<>(executionTimes));
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The nodes that ended in error, fail, runtime error or skipped, in the file's order. */
    public Set<String> retryIds() {
        Set<String> ids = new LinkedHashSet<>();
        statuses.forEach((id, status) -> {
            if (status.isRetryable()) {
                ids.add(id);
            }
        });
        return Collections.unmodifiableSet(ids);
    }

    /** The command of the previous invocation ({@code args.which}), e.g. {@code run} or {@code build}. */
    public String command() {
        Object which = args.get("which");
        return which == null ? "" : which.toString();
    }
}
