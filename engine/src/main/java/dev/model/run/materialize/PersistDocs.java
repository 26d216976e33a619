package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.parse.ColumnInfo;
import dev.model.parse.ModelNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * dbt's {@code persist_docs}: the model's description as the relation's comment and the column
 * descriptions as column comments, where the warehouse keeps comments. Columns the relation does
 * not have are left out rather than failing the model.
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
            Set<String> present = build.columns(built).stream().map(Column::name)
                    .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            Map<String, Object> columns = new LinkedHashMap<>();
            for (ColumnInfo column : node.columns().values()) {
                if (present.contains(column.name().toLowerCase(Locale.ROOT)) && column.description() != null
                        && !column.description().isBlank()) {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("name", column.name());
                    view.put("description", column.description());
                    view.put("quote", column.quote());
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
