package dev.model.run.snapshot;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.StatementResult;
import dev.model.compile.CompiledNode;
import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.SnapshotNode;
import dev.model.run.NodeResult;
import dev.model.run.NodeStatus;
import dev.model.run.PhaseTimer;
import dev.model.run.TimingInfo;
import dev.model.run.execute.ExecutionContext;
import dev.model.run.execute.NodeExecutor;
import dev.model.run.materialize.ExecutionScope;
import dev.model.run.materialize.ExplicitTransactions;
import dev.model.run.materialize.Grants;
import dev.model.run.materialize.Hooks;
import dev.model.run.materialize.ReplaceInPlace;
import dev.model.run.schedule.CancellationToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code model snapshot} for one snapshot: dbt's type-2 slowly changing dimension. The first run
 * creates the table from the snapshot query plus {@code dbt_scd_id}, {@code dbt_updated_at},
 * {@code dbt_valid_from} and {@code dbt_valid_to}; later runs stage the changes in
 * {@code <name>__dbt_tmp}, add columns the query gained, and apply the changes in one
 * transaction ({@code merge}, or update and insert where the warehouse has no merge). Its
 * {@code pre_hook}s run before and its {@code post_hook}s after, then its {@code grants}.
 */
public final class SnapshotExecutor implements NodeExecutor {

    /** How changes are applied; {@link #AUTO} picks merge where the warehouse has it. */
    enum Apply { AUTO, MERGE, UPDATE_THEN_INSERT }

    private final Clock clock;
    private final Apply apply;

    public SnapshotExecutor() {
        this(Clock.systemUTC(), Apply.AUTO);
    }

    SnapshotExecutor(Clock clock, Apply apply) {
        this.clock = clock;
        this.apply = apply;
    }

    @Override
    public NodeResult execute(Node node, ExecutionContext context, Session session, CancellationToken token) {
        if (!(node instanceof SnapshotNode snapshot)) {
            return NodeResult.error(node.uniqueId(), "SnapshotExecutor cannot build " + node.uniqueId());
        }
        PhaseTimer timer = new PhaseTimer(clock);
        Relation relation = complete(context.compiler().relationOf(snapshot), context);
        CompiledNode[] compiled = new CompiledNode[1];
        try (CancellationToken.Registration cancel = token.onCancel(session::cancel)) {
            SnapshotConfig config = SnapshotConfig.of(snapshot);
            compiled[0] = timer.time(TimingInfo.COMPILE, () ->
                    context.compiler().compileOne(snapshot.uniqueId(), Optional.of(session.queryRunner()), false));
            context.state().compiled(compiled[0]);
            context.state().files().write(context.projectRoot().resolve(compiled[0].compiledPath()),
                    compiled[0].compiledCode());
            ExecutionScope scope = new ExecutionScope(snapshot, context.graph(), context.compiler(), relation,
                    session.queryRunner(), Map.of());
            SnapshotMacros macros = new SnapshotMacros(context.jinja(), scope);
            SnapshotSql sql = new SnapshotSql(config, relation, macros);
            Hooks hooks = Hooks.render(snapshot, context.jinja(), scope);
            StatementResult result = timer.time(TimingInfo.EXECUTE, () -> {
                hooks.pre().forEach(session::execute);
                Built built = build(context, session, config, sql, macros, relation, compiled[0].compiledCode().strip());
                hooks.post().forEach(session::execute);
                // dbt: should_revoke(target_relation_exists, full_refresh_mode=False)
                Grants.apply(context, new Grants(context.jinja(), scope, session, statement -> { }), snapshot.config(),
                        relation.withType(Relation.RelationType.TABLE), built.existed(), false);
                return built.result();
            });
            context.state().relations().created(relation.withType(Relation.RelationType.TABLE));
            return NodeResult.builder(snapshot.uniqueId(), NodeStatus.SUCCESS)
                    .timing(timer.timing())
                    .adapterResponse(result.adapterResponse())
                    .message(result.message())
                    .compiled(true)
                    .compiledCode(compiled[0].compiledCode())
                    .compiledPath(compiled[0].compiledPath())
                    .relationName(relation.render())
                    .build();
        } catch (ModelException e) {
            return NodeResult.builder(snapshot.uniqueId(), NodeStatus.ERROR)
                    .timing(timer.timing())
                    .message(e.describe())
                    .compiled(compiled[0] != null)
                    .compiledCode(compiled[0] == null ? null : compiled[0].compiledCode())
                    .compiledPath(compiled[0] == null ? null : compiled[0].compiledPath())
                    .relationName(relation.render())
                    .build();
        }
    }

    /** What a build did: its result, and whether the snapshot table was there before. */
    private record Built(StatementResult result, boolean existed) {
    }

    /**
     * In the Snowflake way ({@link ReplaceInPlace}) the first build and the staging table are dbt's
     * {@code create_table_as} (transient, and temporary for the staging), and the merge writes its
     * own {@code begin ... commit}; elsewhere they are plain tables and the changes one transaction.
     */
    private Built build(ExecutionContext context, Session session, SnapshotConfig config, SnapshotSql sql,
                        SnapshotMacros macros, Relation target, String sourceSql) {
        boolean inPlace = ReplaceInPlace.appliesTo(context.adapter());
        session.createSchemaIfMissing(target.database(), target.schema());
        Optional<Relation> existing = session.getRelation(target);
        if (existing.isEmpty()) {
            if (inPlace) {
                runAll(session, macros.createTableAs(false, target.withType(Relation.RelationType.TABLE),
                        sql.firstBuildSelect(sourceSql)));
            } else {
                session.execute(sql.firstBuild(sourceSql));
            }
            long rows = count(session, "select count(*) from " + target.render());
            return new Built(new StatementResult("SELECT " + rows, rows, null), false);
        }
        List<Column> sourceColumns = session.query("select * from (\n" + sourceSql + "\n) dbt_snapshot_probe where 1 = 0", 0)
                .columns().stream().map(c -> new Column(c.name(), c.typeName())).toList();
        List<Column> targetColumns = session.getColumns(existing.get());
        Set<String> targetNames = lowerNames(targetColumns);
        requireSnapshotTable(target, config.columns(), targetNames);
        if (config.hardDeletes() == HardDeletes.NEW_RECORD && !targetNames.contains(lower(config.columns().isDeleted()))) {
            session.execute("alter table " + target.render() + " add column " + config.columns().isDeleted() + " varchar");
        }
        List<String> quoted = sourceColumns.stream().map(c -> target.quoting().quote(c.name())).toList();
        List<Boolean> targetHas = sourceColumns.stream().map(c -> targetNames.contains(lower(c.name()))).toList();
        boolean columnAdded = targetHas.contains(false);
        List<String> checkColumns = config.checkAll()
                ? quotedWhere(sourceColumns, targetHas, target)
                : config.checkCols();
        Relation staging = target.withIdentifier(target.identifier() + "__dbt_tmp").withType(Relation.RelationType.TABLE);
        // a temporary staging table (Snowflake) is dropped by its type, not looked up in the catalog
        Relation stagingToDrop = inPlace ? staging : staging.withType(Relation.RelationType.UNKNOWN);
        if (!inPlace) {
            session.dropRelation(stagingToDrop);
        }
        try {
            String stagingSql = sql.staging(sourceSql, quoted, checkColumns, config.checkAll() && columnAdded, targetHas);
            if (inPlace) {
                runAll(session, macros.createTableAs(true, staging, stagingSql));
            } else {
                session.execute(sql.createStaging(staging, stagingSql));
            }
            List<String> insertColumns = alignColumns(session, target, staging, targetNames);
            List<StatementResult> results;
            if (inPlace) {
                results = runAll(session, macros.merge(target, staging, insertColumns));
            } else {
                List<String> statements = useMerge(context)
                        ? dev.model.run.materialize.SqlStatements.split(macros.merge(target, staging, insertColumns))
                        : sql.updateThenInsert(staging, insertColumns);
                results = session.executeInTransaction(statements);
            }
            long changed = 0;
            for (StatementResult result : results) {
                changed += Math.max(0, result.rowsAffected());
            }
            return new Built(new StatementResult("MERGE " + changed, changed, null), true);
        } finally {
            if (!session.isCancelled()) {
                session.dropRelation(stagingToDrop);
            }
        }
    }

    /** The statements of a macro's text, run in order; a {@code begin ... commit} in it is rolled back on failure. */
    private static List<StatementResult> runAll(Session session, String text) {
        List<String> statements = dev.model.run.materialize.SqlStatements.split(text);
        List<StatementResult> results = ExplicitTransactions.run(session, statements, statement -> { });
        List<StatementResult> work = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (!ExplicitTransactions.isControl(statements.get(i))) {
                work.add(results.get(i));
            }
        }
        return work;
    }

    /** dbt's check that the table was built by a snapshot before changes are merged into it. */
    private static void requireSnapshotTable(Relation target, SnapshotColumns meta, Set<String> targetNames) {
        List<String> missing = new ArrayList<>();
        for (String column : List.of(meta.scdId(), meta.validFrom(), meta.validTo())) {
            if (!targetNames.contains(lower(column))) {
                missing.add("\"" + column + "\"");
            }
        }
        if (!missing.isEmpty()) {
            throw ModelException.project("Snapshot target " + target.render() + " is not a snapshot table (missing "
                    + String.join(", ", missing) + "); drop it or choose another target");
        }
    }

    /** Adds to the snapshot table the columns the query gained (as dbt's {@code create_columns}); returns the insert list. */
    private static List<String> alignColumns(Session session, Relation target, Relation staging, Set<String> targetNames) {
        List<String> insert = new ArrayList<>();
        for (Column column : session.getColumns(staging)) {
            if (SnapshotSql.isBookkeeping(column.name())) {
                continue;
            }
            String name = target.quoting().quote(column.name());
            if (!targetNames.contains(lower(column.name()))) {
                session.execute("alter table " + target.render() + " add column " + name + " " + column.dataType());
            }
            insert.add(name);
        }
        return insert;
    }

    private boolean useMerge(ExecutionContext context) {
        return switch (apply) {
            case AUTO -> context.adapter().supports(Capability.MERGE);
            case MERGE -> true;
            case UPDATE_THEN_INSERT -> false;
        };
    }

    private static List<String> quotedWhere(List<Column> columns, List<Boolean> keep, Relation target) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (keep.get(i)) {
                out.add(target.quoting().quote(columns.get(i).name()));
            }
        }
        return out;
    }

    private static long count(Session session, String sql) {
        return ((Number) session.query(sql, 1).rows().get(0).get(0)).longValue();
    }

    private static Set<String> lowerNames(List<Column> columns) {
        return columns.stream().map(c -> lower(c.name())).collect(Collectors.toSet());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Relation complete(Relation relation, ExecutionContext context) {
        if (relation.database() != null && relation.schema() != null) {
            return relation;
        }
        return new Relation(relation.database() == null ? context.adapter().database() : relation.database(),
                relation.schema() == null ? context.adapter().schema() : relation.schema(),
                relation.identifier(), relation.type(), relation.quoting());
    }
}
