package dev.model.run.snapshot;

import dev.model.adapter.Relation;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.RenderScope;
import java.util.List;
import java.util.Map;

/** The overridable SQL pieces, resolved as dbt does: the project's macro first, then {@code <adapter>__}, then {@code default__}. */
record SnapshotMacros(JinjaEngine jinja, RenderScope scope) {

    /** dbt's {@code snapshot_hash_arguments}: md5 of the arguments as text, joined by {@code '|'}, nulls as ''. */
    String hash(List<String> args) {
        return text(jinja.callMacro("snapshot_hash_arguments", List.of(args), Map.of(), scope));
    }

    /** dbt's {@code snapshot_get_time}: the timestamp a run stamps on changed and deleted rows. */
    String now() {
        return text(jinja.callMacro("snapshot_get_time", List.of(), Map.of(), scope));
    }

    /** dbt's {@code snapshot_merge_sql}: the staged changes applied to the snapshot table (quoted insert columns). */
    String merge(Relation target, Relation staging, List<String> insertColumns) {
        return text(jinja.callMacro("snapshot_merge_sql", List.of(target, staging, insertColumns), Map.of(), scope));
    }

    /** dbt's {@code create_table_as} through {@code get_create_table_as_sql}, for the Snowflake way. */
    String createTableAs(boolean temporary, Relation relation, String sql) {
        return text(jinja.callMacro("get_create_table_as_sql", List.of(temporary, relation, sql), Map.of(), scope));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
