package dev.model.run.execute;

import dev.model.adapter.Session;
import dev.model.parse.Node;
import dev.model.run.NodeResult;
import dev.model.run.schedule.CancellationToken;

/**
 * Builds (or checks) one node of one resource type: models through their materialization, seeds,
 * snapshots, tests. It never throws: every failure, a SQL error included, ends as a
 * {@link NodeResult} naming the node, the compiled file and the warehouse's message.
 */
public interface NodeExecutor {

    NodeResult execute(Node node, ExecutionContext context, Session session, CancellationToken token);
}
