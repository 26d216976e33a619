package dev.model.run.schedule;

import dev.model.run.NodeResult;

/**
 * Hears about nodes as the scheduler starts and finishes them, e.g. to print progress lines.
 * {@code index} is the node's position in the run (1 based, "3 of 12"): a START line and its
 * result line carry the same index. Both calls come from the scheduling thread, START always
 * before its result. Nodes skipped because a parent failed get only {@link #nodeFinished}; nodes
 * left over by fail-fast or a cancel get no call and appear only in the outcome.
 */
public interface SchedulerListener {

    SchedulerListener NONE = new SchedulerListener() { };

    default void nodeStarted(String uniqueId, int index, int total) {
    }

    default void nodeFinished(NodeResult result, int index, int total) {
    }
}
