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
import dev.model.run.materialize.ExecutionScope;
import dev.model.run.materialize.Grants;
import dev.model.run.materialize.Hooks;
import dev.model.run.schedule.CancellationToken;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code model seed} for one CSV file: reads it, types its columns, and replaces the seed's table
 * all or nothing (see {@link SeedTable}), between its {@code pre_hook}s and {@code post_hook}s,
 * then applies its {@code grants}.
 * Success reads as dbt's {@code INSERT <rows>}.
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
            ExecutionScope scope = new ExecutionScope(seed, context.graph(), context.compiler(), relation,
                    session.queryRunner(), Map.of());
            Hooks hooks = Hooks.render(seed, context.jinja(), scope);
            long rows = timer.time(TimingInfo.EXECUTE, () -> {
                hooks.pre().forEach(session::execute);
                SeedTable.Loaded loaded = new SeedTable(context.adapter(), session, relation)
                        .replaceWith(SeedLoader.forAdapter(context.adapter().type(), csv, config), context.flags().fullRefresh());
                hooks.post().forEach(session::execute);
                Grants.apply(context, new Grants(context.jinja(), scope, session, statement -> { }), seed.config(),
                        relation.withType(Relation.RelationType.TABLE), loaded.existed(), loaded.replaced());
                return loaded.rows();
            });
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
