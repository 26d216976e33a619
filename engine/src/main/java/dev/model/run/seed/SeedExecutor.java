package dev.model.run.seed;

import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.SeedNode;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.schedule.CancellationToken;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model seed} for one CSV file: reads it, types its columns, and replaces the seed's table
 * all or nothing (see {@link SeedTable}). Success reads as dbt's {@code INSERT <rows>}. Hooks
 * ({@code pre_hook}/{@code post_hook}) are not run for seeds yet.
 */
public final class SeedExecutor implements NodeExecutor {

    private final Clock clock;

    public SeedExecutor() {
        this(Clock.systemUTC());
    }

    public SeedExecutor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public NodeResult execute(Node node, ExecutionContext context, Session session, CancellationToken token) {
        if (!(node instanceof SeedNode seed)) {
            return NodeResult.error(node.uniqueId(), "SeedExecutor cannot build " + node.uniqueId());
        }
        PhaseTimer timer = new PhaseTimer(clock);
        Relation relation = Relations.complete(context.compiler().relationOf(seed), context.adapter());
        try (CancellationToken.Registration cancel = token.onCancel(session::cancel)) {
            SeedConfig config = SeedConfig.of(seed, context.adapter().identifierCase());
            SeedCsv csv = new SeedCsv(seed.file(), seed.originalFilePath(), config.delimiter());
            timer.time(TimingInfo.COMPILE, () -> { });
            long rows = timer.time(TimingInfo.EXECUTE, () -> new SeedTable(context.adapter(), session, relation)
                    .replaceWith(SeedLoader.forAdapter(context.adapter().type(), csv, config), context.flags().fullRefresh()));
            // Later nodes of the same invocation (a model reading the seed) see it in the relation cache.
            context.state().relations().created(relation.withType(Relation.RelationType.TABLE));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("_message", "INSERT " + rows);
            response.put("code", "INSERT");
            response.put("rows_affected", rows);
            return NodeResult.builder(seed.uniqueId(), NodeStatus.SUCCESS)
                    .timing(timer.timing())
                    .adapterResponse(response)
                    .message("INSERT " + rows)
                    .relationName(relation.render())
                    .build();
        } catch (ModelException e) {
            return NodeResult.builder(seed.uniqueId(), NodeStatus.ERROR)
                    .timing(timer.timing())
                    .message(e.describe())
                    .relationName(relation.render())
                    .build();
        }
    }
}
