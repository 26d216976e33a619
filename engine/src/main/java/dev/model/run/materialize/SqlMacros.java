package dev.model.run.materialize;

import dev.model.adapter.Relation;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.RenderScope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SQL of every DDL step, from dbt's adapter macros ({@code create_table_as},
 * {@code get_merge_sql}, ...). Each call resolves the macro as a template would: the project's
 * own macro of that name first, then the engine's, which dispatches to {@code <adapter>__name}
 * and then {@code default__name}. So a project overrides the SQL exactly as in dbt.
 */
final class SqlMacros {

    private final JinjaEngine jinja;
    private final RenderScope scope;

    SqlMacros(JinjaEngine jinja, RenderScope scope) {
        this.jinja = jinja;
        this.scope = scope;
    }

    String createTableAs(boolean temporary, Relation relation, String sql) {
        return call("get_create_table_as_sql", temporary, relation, sql);
    }

    String createViewAs(Relation relation, String sql) {
        return call("get_create_view_as_sql", relation, sql);
    }

    String dropRelation(Relation relation) {
        return call("drop_relation", relation);
    }

    String renameRelation(Relation from, Relation to) {
        return call("rename_relation", from, to);
    }

    String mergeSql(Relation target, Relation source, Object uniqueKey, List<Map<String, Object>> columns,
                    List<String> predicates) {
        return call("get_merge_sql", target, source, uniqueKey, columns, predicates);
    }

    String deleteInsertSql(Relation target, Relation source, Object uniqueKey, List<Map<String, Object>> columns,
                           List<String> predicates) {
        return call("get_delete_insert_merge_sql", target, source, uniqueKey, columns, predicates);
    }

    String appendSql(Relation target, Relation source, List<Map<String, Object>> columns) {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("target_relation", target);
        args.put("temp_relation", source);
        args.put("dest_columns", columns);
        return call("get_incremental_append_sql", args);
    }

    String addRemoveColumns(Relation relation, List<Map<String, Object>> add, List<Map<String, Object>> remove) {
        return call("alter_relation_add_remove_columns", relation, add, remove);
    }

    String alterColumnType(Relation relation, String column, String newType) {
        return call("alter_column_type", relation, column, newType);
    }

    String relationComment(Relation relation, String comment) {
        return call("alter_relation_comment", relation, comment);
    }

    String columnComments(Relation relation, Map<String, Object> columns) {
        return call("alter_column_comment", relation, columns);
    }

    private String call(String macro, Object... args) {
        Object value = jinja.callMacro(macro, Arrays.asList(args), Map.of(), scope);
        return value == null ? "" : value.toString();
    }
}
