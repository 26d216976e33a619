package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.parse.ColumnInfo;
import dev.model.parse.ModelNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * dbt's {@code persist_docs}: the model's description as the relation's comment and the column
 * descriptions as column comments, where the warehouse keeps comments. Columns the relation does
 * not have are left out rather than failing the model; each column's view carries
 * {@code stored_name}, its name as the relation stores it.
 */
final class PersistDocs {

    private PersistDocs() {
    }

    static void apply(ModelBuild build, Relation built) {
        if (!build.supports(Capability.COMMENTS)
                || !(build.node().config().get("persist_docs") instanceof Map<?, ?> persist)) {
            return;
        }
        ModelNode node = build.node();
        if (truthy(persist.get("relation")) && node.description() != null && !node.description().isBlank()) {
            build.run(build.macros().relationComment(built, node.description()));
        }
        if (truthy(persist.get("columns")) && !node.columns().isEmpty()) {
            Map<String, String> present = new LinkedHashMap<>();
            for (Column column : build.columns(built)) {
                present.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column.name());
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            for (ColumnInfo column : node.columns().values()) {
                String stored = present.get(column.name().toLowerCase(Locale.ROOT));
                if (stored != null && column.description() != null && !column.description().isBlank()) {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("name", column.name());
                    view.put("description", column.description());
                    view.put("quote", column.quote());
                    // the name as the relation has it (Snowflake folds unquoted names to upper case)
                    view.put("stored_name", stored);
                    columns.put(column.name(), view);
                }
            }
            if (!columns.isEmpty()) {
                build.run(build.macros().columnComments(built, columns));
            }
        }
    }

    private static boolean truthy(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }
}
