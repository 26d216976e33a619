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

    /** {@code create_view_as_with_temp_flag}: a temporary view where the warehouse has them (Snowflake). */
    String createTemporaryViewAs(Relation relation, String sql) {
        return call("create_view_as_with_temp_flag", relation, sql, true);
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

    /**
     * dbt's {@code get_incremental_<strategy>_sql(arg_dict)}: {@code delete+insert} calls
     * {@code get_incremental_delete_insert_sql}, {@code default} the adapter's default strategy.
     */
    String incrementalSql(String strategy, Relation target, Relation source, Object uniqueKey,
                          List<Map<String, Object>> columns, List<String> predicates) {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("target_relation", target);
        args.put("temp_relation", source);
        args.put("unique_key", uniqueKey);
        args.put("dest_columns", columns);
        args.put("incremental_predicates", predicates.isEmpty() ? null : predicates);
        return call(strategyMacro(strategy), args);
    }

    static String strategyMacro(String strategy) {
        return "get_incremental_" + strategy.replace('+', '_') + "_sql";
    }

    /** dbt-snowflake's choice of the new rows' temporary relation: {@code view} or {@code table}. */
    String tmpRelationType(String strategy, Object uniqueKey) {
        return call("dbt_snowflake_get_tmp_relation_type", strategy, uniqueKey, "sql");
    }

    String createDynamicTableAs(Relation relation, String sql) {
        return call("get_create_dynamic_table_as_sql", relation, sql);
    }

    String refreshDynamicTable(Relation relation) {
        return call("refresh_dynamic_table", relation);
    }

    String alterDynamicTable(Relation relation, String targetLag, String warehouse) {
        return call("get_alter_dynamic_table_sql", relation, targetLag, warehouse);
    }

    String describeDynamicTables(Relation relation) {
        return call("describe_dynamic_tables", relation);
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
