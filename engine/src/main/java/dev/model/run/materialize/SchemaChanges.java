package dev.model.run.materialize;

import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * dbt's {@code on_schema_change} for incremental models: what to do when the new rows have
 * columns the table lacks, or lack columns it has. Returns the columns the strategy writes.
 */
final class SchemaChanges {

    static final List<String> MODES = List.of("ignore", "fail", "append_new_columns", "sync_all_columns");

    private SchemaChanges() {
    }

    static List<Column> reconcile(ModelBuild build, Relation target, List<Column> source, List<Column> existing) {
        String mode = mode(build);
        Map<String, Column> sourceByName = byName(source);
        Map<String, Column> targetByName = byName(existing);
        List<Column> added = source.stream().filter(c -> !targetByName.containsKey(key(c))).toList();
        List<Column> removed = existing.stream().filter(c -> !sourceByName.containsKey(key(c))).toList();
        List<Column> retyped = new ArrayList<>();
        for (Column column : source) {
            Column old = targetByName.get(key(column));
            if (old != null && !old.dataType().equalsIgnoreCase(column.dataType())) {
                retyped.add(column);
            }
        }
        boolean changed = !added.isEmpty() || !removed.isEmpty() || !retyped.isEmpty();
        if (!changed || mode.equals("ignore")) {
            return existing;
        }
        switch (mode) {
            case "fail" -> throw ModelException.project("The source and target schemas on this incremental model are out of sync!"
                    + "\n  They can be reconciled in several ways:"
                    + "\n    - set the `on_schema_change` config to either append_new_columns or sync_all_columns, depending on your situation."
                    + "\n    - Re-run the incremental model with `full_refresh: True` to update the target schema."
                    + "\n    - update the schema manually and re-run the process."
                    + "\n  Source columns not in target: " + names(added)
                    + "\n  Target columns not in source: " + names(removed)
                    + "\n  New column types: " + names(retyped));
            case "append_new_columns" -> {
                if (!added.isEmpty()) {
                    build.run(build.macros().addRemoveColumns(target, ModelBuild.columnMaps(added), List.of()));
                }
            }
            default -> {
                if (!added.isEmpty() || !removed.isEmpty()) {
                    build.run(build.macros().addRemoveColumns(target, ModelBuild.columnMaps(added),
                            ModelBuild.columnMaps(removed)));
                }
                for (Column column : retyped) {
                    build.run(build.macros().alterColumnType(target, targetByName.get(key(column)).name(),
                            column.dataType()));
                }
            }
        }
        // the new rows' columns, spelled as the table now has them
        List<Column> written = new ArrayList<>();
        for (Column column : source) {
            if (mode.equals("append_new_columns") || targetByName.containsKey(key(column)) || added.contains(column)) {
                Column old = targetByName.get(key(column));
                written.add(old == null ? column : new Column(old.name(), column.dataType()));
            }
        }
        return written;
    }

    private static String mode(ModelBuild build) {
        String configured = build.node().config().getString("on_schema_change");
        String mode = configured == null ? "ignore" : configured.strip().toLowerCase(Locale.ROOT);
        if (!MODES.contains(mode)) {
            build.context().log().warn("Invalid value for on_schema_change (" + configured + ") specified in model "
                    + build.node().name() + ". Setting default value of ignore.");
            return "ignore";
        }
        return mode;
    }

    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> out = new TreeMap<>();
        columns.forEach(c -> out.put(key(c), c));
        return out;
    }

    private static String key(Column column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    private static String names(List<Column> columns) {
        return columns.isEmpty() ? "[]" : columns.stream().map(Column::name).toList().toString();
    }
}
