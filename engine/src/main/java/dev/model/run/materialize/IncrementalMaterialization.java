package dev.model.run.materialize;

import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.MacroDefinition;
import dev.model.jinja.MacroLibrary;
import dev.model.parse.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * dbt's incremental model. The first run, a {@code --full-refresh}, or a view in the way builds
 * it like a table; later runs build the new rows (the model compiled with
 * {@code is_incremental()} true) into {@code <name>__dbt_tmp}, reconcile the schemas per
 * {@code on_schema_change}, and apply the strategy's SQL ({@code get_incremental_<strategy>_sql}):
 * append, merge, delete+insert, insert_overwrite where the adapter implements it, or a project's own.
 *
 * <p>Where DDL is transactional or there is no {@code create or replace table}, the new rows go
 * into a plain table and the strategy's statements run as one transaction. In the Snowflake way
 * ({@link ReplaceInPlace}) they go into a temporary view or table as dbt-snowflake picks
 * ({@code dbt_snowflake_get_tmp_relation_type}), and the strategy's macro writes its own
 * {@code begin ... commit}.
 */
record IncrementalMaterialization() implements Materialization {

    /** The strategies every adapter has; others need the adapter's (or the project's) macro. */
    static final List<String> BUILT_IN = List.of("append", "merge", "delete+insert");
    /** dbt's other strategy names, valid only where an adapter implements them. */
    static final List<String> ADAPTER_SPECIFIC = List.of("insert_overwrite", "microbatch");

    @Override
    public String name() {
        return "incremental";
    }

    @Override
    public boolean canBeIncremental() {
        return true;
    }

    @Override
    public boolean existedForGrants(Optional<Relation> before) {
        return before.isPresent() && before.get().type() == Relation.RelationType.TABLE;
    }

    @Override
    public boolean replacesForGrants(ModelBuild build) {
        return build.fullRefresh();
    }

    /** Whether this run adds to the existing table: what {@code is_incremental()} answers. */
    static boolean isIncremental(ModelBuild build) {
        Optional<Relation> existing = build.existing(build.target());
        return existing.isPresent() && existing.get().type() == Relation.RelationType.TABLE && !build.fullRefresh();
    }

    /**
     * The configured strategy, checked before anything runs; {@code default} when none is set
     * (the adapter's default: merge on Snowflake, append or delete+insert elsewhere).
     */
    static String strategy(NodeConfig config, JinjaEngine jinja, String adapterType) {
        String configured = config.getString("incremental_strategy");
        if (configured == null || configured.isBlank()) {
            return "default";
        }
        String strategy = configured.strip().toLowerCase(Locale.ROOT);
        if (BUILT_IN.contains(strategy)) {
            return strategy;
        }
        String macro = SqlMacros.strategyMacro(strategy);
        if (ADAPTER_SPECIFIC.contains(strategy) ? implemented(jinja, adapterType, macro)
                : definedByProject(jinja, macro)) {
            return strategy;
        }
        List<String> valid = new ArrayList<>(BUILT_IN);
        for (String other : ADAPTER_SPECIFIC) {
            if (implemented(jinja, adapterType, SqlMacros.strategyMacro(other))) {
                valid.add(other);
            }
        }
        throw ModelException.project("Invalid incremental strategy provided: " + configured
                + "\n    Expected one of: " + valid.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")));
    }

    /** The adapter's implementation ({@code <adapter>__<macro>}), or the project's own macro. */
    private static boolean implemented(JinjaEngine jinja, String adapterType, String macro) {
        String dispatched = adapterType + "__" + macro;
        return jinja.macros().macros().stream().anyMatch(m -> m.kind() == MacroDefinition.Kind.MACRO
                && m.name().equals(dispatched)) || definedByProject(jinja, macro);
    }

    private static boolean definedByProject(JinjaEngine jinja, String macro) {
        return jinja.macros().macros().stream().anyMatch(m -> m.kind() == MacroDefinition.Kind.MACRO
                && m.name().equals(macro) && !m.packageName().equals(MacroLibrary.BUILTIN_PACKAGE));
    }

    @Override
    public void build(ModelBuild build) {
        String strategy = strategy(build.node().config(), build.context().jinja(), build.context().adapter().type());
        Optional<Relation> existing = build.existing(build.target());
        if (existing.isEmpty()) {
            Relation table = build.target().withType(Relation.RelationType.TABLE);
            build.runMain(build.macros().createTableAs(false, table, build.sql()));
            build.cache().created(table);
            return;
        }
        if (existing.get().type() != Relation.RelationType.TABLE || build.fullRefresh()) {
            TableMaterialization.swapIn(build, build.sql());
            return;
        }
        Relation target = existing.get();
        Object uniqueKey = build.node().config().get("unique_key");
        Relation tmp = target.withIdentifier(target.identifier() + TableMaterialization.TMP_SUFFIX);
        boolean inPlace = build.replacesInPlace();
        if (inPlace) {
            boolean view = "view".equals(build.macros().tmpRelationType(strategy, uniqueKey));
            tmp = tmp.withType(view ? Relation.RelationType.VIEW : Relation.RelationType.TABLE);
            build.run(view ? build.macros().createTemporaryViewAs(tmp, build.sql())
                    : build.macros().createTableAs(true, tmp, build.sql()));
        } else {
            tmp = tmp.withType(Relation.RelationType.TABLE);
            build.dropIfExists(tmp);
            build.run(build.macros().createTableAs(false, tmp, build.sql()));
        }
        build.cache().created(tmp);
        try {
            List<Column> source = build.columns(tmp);
            List<Column> dest = SchemaChanges.reconcile(build, target, source, build.columns(target));
            List<Map<String, Object>> columns = ModelBuild.columnMaps(dest);
            List<String> predicates = NodeConfig.stringList(build.node().config().get("incremental_predicates"));
            String sql = build.macros().incrementalSql(strategy, target, tmp, uniqueKey, columns, predicates);
            if (inPlace) {
                build.runMain(sql);
            } else {
                build.runAtomically(List.of(sql));
                build.markMain();
            }
        } finally {
            if (!build.session().isCancelled()) {
                build.dropIfExists(tmp);
            }
        }
    }
}
