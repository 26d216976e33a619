package dev.model.run.report;

import dev.model.run.NodeResult;
import dev.model.run.schedule.SchedulerListener;
import java.util.Map;
import java.util.Objects;

/** Turns the scheduler's node ids into the descriptions the reporter prints. */
public final class ReportingListener implements SchedulerListener {

    private final RunReporter reporter;
    private final Map<String, NodeDescription> nodes;

    public ReportingListener(RunReporter reporter, Map<String, NodeDescription> nodes) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.nodes = Map.copyOf(nodes);
    }

    @Override
    public void nodeStarted(String uniqueId, int index, int total) {
        reporter.nodeStarted(describe(uniqueId), index, total);
    }

    @Override
    public void nodeFinished(NodeResult result, int index, int total) {
        reporter.nodeFinished(describe(result.uniqueId()), result, index, total);
    }

    private NodeDescription describe(String uniqueId) {
        NodeDescription known = nodes.get(uniqueId);
        return known != null ? known : NodeDescription.fromUniqueId(uniqueId);
    }
}
