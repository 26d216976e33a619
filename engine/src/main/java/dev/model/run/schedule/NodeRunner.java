package dev.model.run.schedule;

import dev.model.run.NodeResult;

/**
 * Runs one node: compiles it, materializes it or runs its test, and says how it ended. A runner
 * never throws: a failure is a result with status error and a one-line message. It checks or
 * hooks the token so that a cancel stops its statement. It is called from several worker
 * threads at once, so it must be thread-safe. The scheduler stamps {@code threadId} and
 * {@code executionTime} on the result; the runner fills the rest (timing via
 * {@link dev.model.run.PhaseTimer}, adapter response, message, failures, compiled code and path).
 */
@FunctionalInterface
public interface NodeRunner {

    NodeResult run(String uniqueId, CancellationToken token);
}
