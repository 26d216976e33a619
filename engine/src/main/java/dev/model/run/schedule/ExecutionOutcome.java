package dev.model.run.schedule;

import dev.model.run.NodeResult;
import java.util.List;
import java.util.Optional;

/**
 * What the scheduler produced: one result per node of the work graph, in the order they ended
 * (nodes never reached after a fail-fast or cancel come last, parents first).
 *
 * @param cancelled      {@link DagExecutor#cancel()} was called before the run ended
 * @param failFastCause  the node whose failure stopped the run under fail-fast, if any
 */
public record ExecutionOutcome(List<NodeResult> results, boolean cancelled, Optional<String> failFastCause) {

    public ExecutionOutcome {
        results = List.copyOf(results);
        failFastCause = failFastCause == null ? Optional.empty() : failFastCause;
    }
}
