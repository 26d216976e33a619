package dev.model.run.materialize;

import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import dev.model.parse.NodeConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dbt's incremental model. The first run, a {@code --full-refresh}, or a view in the way builds
 * it like a table; later runs build the new rows (the model compiled with
 * {@code is_incremental()} true) into {@code <name>__dbt_tmp}, reconcile the schemas per
 * {@code on_schema_change}, and apply the strategy: append, merge or delete+insert.
 */
record IncrementalMaterialization() implements Materialization {

    static final List<String> STRATEGIES = List.of("append", "merge", "delete+insert");

    @Override
    public String name() {
        return "incremental";
    }

    @Override
    public boolean canBeIncremental() {
        return true;
    }

    /** Whether this run adds to the existing table: what {@code is_incremental()} answers. */
    static boolean isIncremental(ModelBuild build) {
        Optional<Relation> existing = build.existing(build.target());
        return existing.isPresent() && existing.get().type() == Relation.RelationType.TABLE && !build.fullRefresh();
    }

    /** The configured strategy, checked before anything runs. */
    static String strategy(NodeConfig config) {
        String configured = config.getString("incremental_strategy");
        if (configured == null || configured.isBlank()) {
            return config.get("unique_key") == null ? "append" : "delete+insert";
        }
        String strategy = configured.strip().toLowerCase(java.util.Locale.ROOT);
        if (!STRATEGIES.contains(strategy)) {
            throw ModelException.project("Invalid incremental strategy provided: " + configured
                    + "\n    Expected one of: 'append', 'merge', 'delete+insert'");
        }
        return strategy;
    }

    @Override
    public void build(ModelBuild build) {
        String strategy = strategy(build.node().config());
        Optional<Relation> existing = build.existing(build.target());
        if (existing.isEmpty()) {
            Relation table = build.target().withType(Relation.RelationType.TABLE);
            build.run(build.macros().createTableAs(false, table, build.sql()));
            build.cache().created(table);
            return;
        }
        if (existing.get().type() != Relation.RelationType.TABLE || build.fullRefresh()) {
            TableMaterialization.swapIn(build, build.sql());
            return;
        }
        Relation target = existing.get();
        Relation tmp = target.withIdentifier(target.identifier() + TableMaterialization.TMP_SUFFIX);
        build.dropIfExists(tmp);
        build.run(build.macros().createTableAs(false, tmp, build.sql()));
        build.cache().created(tmp);
        try {
            List<Column> source = build.columns(tmp);
            List<Column> dest = SchemaChanges.reconcile(build, target, source, build.columns(target));
            List<Map<String, Object>> columns = ModelBuild.columnMaps(dest);
            Object uniqueKey = build.node().config().get("unique_key");
            List<String> predicates = NodeConfig.stringList(build.node().config().get("incremental_predicates"));
            String sql = switch (strategy) {
                case "append" -> build.macros().appendSql(target, tmp, columns);
                case "merge" -> build.macros().mergeSql(target, tmp, uniqueKey, columns, predicates);
                case "delete+insert" -> build.macros().deleteInsertSql(target, tmp, uniqueKey, columns, predicates);
                default -> throw ModelException.internal("unchecked incremental strategy " + strategy, null);
            };
            build.runAtomically(List.of(sql));
        } finally {
            if (!build.session().isCancelled()) {
                build.dropIfExists(tmp);
            }
        }
    }
}
