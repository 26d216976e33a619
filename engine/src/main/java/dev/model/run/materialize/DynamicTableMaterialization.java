package dev.model.run.materialize;

import dev.model.adapter.QueryResult;
import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.parse.NodeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code materialized='dynamic_table'}, as dbt-snowflake builds one: a new model, a
 * {@code --full-refresh}, or a table or view in the way is (re)created with
 * {@code create or replace dynamic table ... target_lag = ... warehouse = ...}; an existing dynamic
 * table whose settings and query are unchanged is refreshed ({@code alter dynamic table ...
 * refresh}); a changed {@code target_lag} or {@code snowflake_warehouse} is altered in place; a
 * changed {@code refresh_mode} or query recreates it. {@code on_configuration_change} ({@code apply},
 * {@code continue}, {@code fail}) decides what a change does, as in dbt. Only adapters whose macros
 * implement {@code get_create_dynamic_table_as_sql} have this materialization.
 */
record DynamicTableMaterialization() implements Materialization {

    static final String CREATE_MACRO = "get_create_dynamic_table_as_sql";

    @Override
    public String name() {
        return "dynamic_table";
    }

    /** What the warehouse reports of an existing dynamic table. */
    record Described(String targetLag, String warehouse, String refreshMode, String text) {
    }

    /** What a run does to an existing dynamic table. */
    enum Change { NONE, ALTER, REPLACE }

    @Override
    public void build(ModelBuild build) {
        NodeConfig config = build.node().config();
        String targetLag = required(build, "target_lag");
        String warehouse = required(build, "snowflake_warehouse");
        Relation target = build.target().withType(Relation.RelationType.TABLE);
        Optional<Relation> existing = build.existing(build.target());
        Optional<Described> described = existing.isPresent() && existing.get().type() == Relation.RelationType.TABLE
                ? describe(build, existing.get()) : Optional.empty();
        if (existing.isEmpty() || described.isEmpty()) {
            create(build, existing, target);
            return;
        }
        if (build.fullRefresh()) {
            create(build, Optional.empty(), target);
            return;
        }
        Described now = described.get();
        Change change = change(now, targetLag, warehouse, config.getString("refresh_mode"), build.sql());
        if (change == Change.NONE) {
            build.runMain(build.macros().refreshDynamicTable(target));
            return;
        }
        String onChange = Optional.ofNullable(config.getString("on_configuration_change")).orElse("apply")
                .strip().toLowerCase(Locale.ROOT);
        switch (onChange) {
            case "continue" -> {
                build.context().log().warn("Configuration changes were identified and `on_configuration_change` was"
                        + " set to `continue` for `" + target.render() + "`");
                build.runMain(build.macros().refreshDynamicTable(target));
            }
            case "fail" -> throw ModelException.project("Configuration changes were identified and"
                    + " `on_configuration_change` was set to `fail` for `" + target.render() + "`");
            case "apply" -> {
                if (change == Change.REPLACE) {
                    create(build, Optional.empty(), target);
                } else {
                    build.runMain(build.macros().alterDynamicTable(target,
                            same(now.targetLag(), targetLag) ? null : targetLag,
                            same(now.warehouse(), warehouse) ? null : warehouse));
                }
            }
            default -> throw ModelException.project("Unexpected configuration scenario: `" + onChange
                    + "` (on_configuration_change of model " + build.node().name() + " is apply, continue or fail)");
        }
    }

    /** {@code inTheWay}: a view or plain table of the same name, dropped first (create or replace keeps to one kind). */
    private static void create(ModelBuild build, Optional<Relation> inTheWay, Relation target) {
        Optional<Relation> existing = inTheWay;
        if (existing.isPresent()) {
            build.run(build.macros().dropRelation(existing.get()));
            build.cache().dropped(existing.get());
        }
        build.runMain(build.macros().createDynamicTableAs(target, build.sql()));
        build.cache().created(target);
    }

    /** The existing dynamic table's settings, or empty when the table of that name is not one. */
    private static Optional<Described> describe(ModelBuild build, Relation existing) {
        QueryResult rows = build.query(build.macros().describeDynamicTables(existing));
        int name = column(rows, "name");
        if (name < 0) {
            return Optional.empty();
        }
        String stored = build.context().adapter().identifierCase()
                .stored(existing.identifier(), existing.quoting().identifier());
        for (List<Object> row : rows.rows()) {
            if (stored.equals(String.valueOf(row.get(name)))) {
                return Optional.of(new Described(value(rows, row, "target_lag"), value(rows, row, "warehouse"),
                        value(rows, row, "refresh_mode"), value(rows, row, "text")));
            }
        }
        return Optional.empty();
    }

    /**
     * How the configured table differs from the described one: lag and warehouse can be altered; a
     * different refresh mode (unless AUTO, which Snowflake resolves to one of the others) or query
     * needs a new table.
     */
    static Change change(Described now, String targetLag, String warehouse, String refreshMode, String sql) {
        boolean modeChanged = refreshMode != null && !refreshMode.isBlank() && !refreshMode.equalsIgnoreCase("auto")
                && now.refreshMode() != null && !same(now.refreshMode(), refreshMode);
        boolean queryChanged = now.text() != null && !squeezed(now.text()).contains(squeezed(sql));
        if (modeChanged || queryChanged) {
            return Change.REPLACE;
        }
        if (!same(now.targetLag(), targetLag) || !same(now.warehouse(), warehouse)) {
            return Change.ALTER;
        }
        return Change.NONE;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && squeezed(a).equalsIgnoreCase(squeezed(b));
    }

    private static String squeezed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String required(ModelBuild build, String key) {
        String value = build.node().config().getString(key);
        if (value == null || value.isBlank()) {
            throw ModelException.project("Dynamic table model " + build.node().name() + " needs the '" + key
                    + "' config (e.g. config(materialized='dynamic_table', target_lag='5 minutes',"
                    + " snowflake_warehouse='TRANSFORMING'))", SourceLocation.of(Path.of(build.node().originalFilePath())));
        }
        return value.strip();
    }

    private static int column(QueryResult rows, String name) {
        List<String> columns = rows.columnNames();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String value(QueryResult rows, List<Object> row, String name) {
        int i = column(rows, name);
        return i < 0 || row.get(i) == null ? null : row.get(i).toString();
    }
}
