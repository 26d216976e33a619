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
import dev.model.run.schedule.CancellationToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code model snapshot} for one snapshot: dbt's type-2 slowly changing dimension. The first run
 * creates the table from the snapshot query plus {@code dbt_scd_id}, {@code dbt_updated_at},
 * {@code dbt_valid_from} and {@code dbt_valid_to}; later runs stage the changes in
 * {@code <name>__dbt_tmp}, add columns the query gained, and apply the changes in one
 * transaction ({@code merge}, or update and insert where the warehouse has no merge).
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
            writeCompiled(context, compiled[0]);
            SnapshotMacros macros = new SnapshotMacros(context.jinja(),
                    new SnapshotScope(relation, snapshot.config(), session.queryRunner()));
            SnapshotSql sql = new SnapshotSql(config, relation, macros);
            StatementResult result = timer.time(TimingInfo.EXECUTE, () ->
                    build(context, session, config, sql, relation, compiled[0].compiledCode().strip()));
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

    private StatementResult build(ExecutionContext context, Session session, SnapshotConfig config, SnapshotSql sql,
                                  Relation target, String sourceSql) {
        session.createSchemaIfMissing(target.database(), target.schema());
        Optional<Relation> existing = session.getRelation(target);
        if (existing.isEmpty()) {
            session.execute(sql.firstBuild(sourceSql));
            long rows = count(session, "select count(*) from " + target.render());
            return new StatementResult("SELECT " + rows, rows, null);
        }
        List<Column> sourceColumns = session.query("select * from (\n" + sourceSql + "\n) dbt_snapshot_probe where 1 = 0", 0)
                .columns().stream().map(c -> new Column(c.name(), c.typeName())).toList();
        List<Column> targetColumns = session.getColumns(existing.get());
        Set<String> targetNames = lowerNames(targetColumns);
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
        session.dropRelation(staging.withType(Relation.RelationType.UNKNOWN));
        try {
            session.execute(sql.createStaging(staging,
                    sql.staging(sourceSql, quoted, checkColumns, config.checkAll() && columnAdded, targetHas)));
            List<String> insertColumns = alignColumns(session, target, staging, targetNames);
            List<String> statements = useMerge(context)
                    ? List.of(sql.merge(staging, insertColumns))
                    : sql.updateThenInsert(staging, insertColumns);
            long changed = 0;
            for (StatementResult result : session.executeInTransaction(statements)) {
                changed += Math.max(0, result.rowsAffected());
            }
            return new StatementResult("MERGE " + changed, changed, null);
        } finally {
            session.dropRelation(staging.withType(Relation.RelationType.UNKNOWN));
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

    /** {@code target/compiled/<project>/snapshots/<file>}, as dbt writes it. */
    private static void writeCompiled(ExecutionContext context, CompiledNode compiled) {
        java.nio.file.Path file = context.projectRoot().resolve(compiled.compiledPath());
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, compiled.compiledCode(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new ModelException(dev.model.error.ErrorCategory.PROJECT, "Could not write " + file + ": "
                    + e.getMessage(), null, e);
        }
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
