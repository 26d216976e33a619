package dev.model.run.report;

import dev.model.run.NodeResult;
import dev.model.run.RunResults;
import java.util.List;

/**
 * The console's view of a run. Implementations are thread-safe and write each event as whole
 * lines, so that lines from different nodes never interleave.
 */
public interface RunReporter {

    /** Before the first node: {@code Concurrency: 4 threads (target='dev')}. */
    void runStarted(int threads, String targetName);

    void nodeStarted(NodeDescription node, int index, int total);

    void nodeFinished(NodeDescription node, NodeResult result, int index, int total);

    /**
     * After the last node: what ran, how long it took, each error and warning, and the totals.
     *
     * @param nodes every node of the run, in the order the summary counts them
     */
    void runFinished(RunResults results, List<NodeDescription> nodes);
}
