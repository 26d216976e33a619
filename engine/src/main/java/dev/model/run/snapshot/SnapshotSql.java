package dev.model.run.snapshot;

import dev.model.adapter.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The SQL of dbt's snapshot materialization: the first build, the staging query that finds
 * inserts, updates and deletes against the current rows, and the statements that apply them
 * (an update and an insert where there is no {@code merge}; the merge itself is the dispatched
 * {@code snapshot_merge_sql} macro). The shapes follow dbt's {@code build_snapshot_table},
 * {@code snapshot_staging_table} and {@code snapshot_merge_sql}; the hash and the snapshot time
 * come from overridable macros.
 *
 * <p>The staging rows have one column order in every branch: {@code dbt_change_type}, the source
 * columns, the unique key field(s), then {@code dbt_updated_at, dbt_valid_from, dbt_valid_to,
 * dbt_scd_id} and, for {@code hard_deletes: new_record}, {@code dbt_is_deleted}.
 */
final class SnapshotSql {

    static final String CHANGE_TYPE = "dbt_change_type";
    private static final String SOURCE = "DBT_INTERNAL_SOURCE";

    private final SnapshotConfig config;
    private final SnapshotColumns meta;
    private final Relation target;
    private final SnapshotMacros macros;

    SnapshotSql(SnapshotConfig config, Relation target, SnapshotMacros macros) {
        this.config = config;
        this.meta = config.columns();
        this.target = target;
        this.macros = macros;
    }

    /** What {@code dbt_updated_at} and {@code dbt_valid_from} are set to for a changed row. */
    private String updatedAtExpression() {
        return config.updatedAt() != null ? config.updatedAt() : macros.now();
    }

    private String scdId() {
        List<String> args = new ArrayList<>(config.uniqueKey());
        args.add(updatedAtExpression());
        return macros.hash(args);
    }

    /** {@code nullif(x, x)}: a null of the timestamp's type, or the configured {@code dbt_valid_to_current}. */
    private String newValidTo(String timestamp) {
        String typedNull = "nullif(" + timestamp + ", " + timestamp + ")";
        return config.validToCurrent() == null ? typedNull : "coalesce(" + typedNull + ", " + config.validToCurrent() + ")";
    }

    private String isCurrent(String qualifier) {
        String validTo = qualifier + meta.validTo();
        return config.validToCurrent() == null ? validTo + " is null"
                : "(" + validTo + " = " + config.validToCurrent() + " or " + validTo + " is null)";
    }

    /** {@code create table <target> as}: the source rows with their meta columns, all current. */
    String firstBuild(String sourceSql) {
        return "create table " + target.render() + " as\n" + firstBuildSelect(sourceSql);
    }

    /** The first build's query: the source rows with their meta columns, all current. */
    String firstBuildSelect(String sourceSql) {
        String updatedAt = updatedAtExpression();
        StringBuilder sql = new StringBuilder("select *,\n    ")
                .append(scdId()).append(" as ").append(meta.scdId()).append(",\n    ")
                .append(updatedAt).append(" as ").append(meta.updatedAt()).append(",\n    ")
                .append(updatedAt).append(" as ").append(meta.validFrom()).append(",\n    ")
                .append(newValidTo(updatedAt)).append(" as ").append(meta.validTo());
        if (config.hardDeletes() == HardDeletes.NEW_RECORD) {
            sql.append(",\n    'False' as ").append(meta.isDeleted());
        }
        return sql.append("\nfrom (\n").append(sourceSql).append("\n) sbq").toString();
    }

    private List<String> keyNames() {
        if (config.uniqueKey().size() == 1) {
            return List.of("dbt_unique_key");
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= config.uniqueKey().size(); i++) {
            names.add("dbt_unique_key_" + i);
        }
        return names;
    }

    private String keyFields() {
        StringJoiner fields = new StringJoiner(", ");
        List<String> names = keyNames();
        for (int i = 0; i < names.size(); i++) {
            fields.add(config.uniqueKey().get(i) + " as " + names.get(i));
        }
        return fields.toString();
    }

    private String keyJoin(String left, String right) {
        StringJoiner join = new StringJoiner(" and ");
        for (String key : keyNames()) {
            join.add(left + "." + key + " = " + right + "." + key);
        }
        return join.toString();
    }

    private static String qualified(String alias, List<String> columns) {
        StringJoiner out = new StringJoiner(", ");
        columns.forEach(column -> out.add(alias + "." + column));
        return out.toString();
    }

    /**
     * The staging query.
     *
     * @param sourceColumns the snapshot query's columns, quoted
     * @param checkColumns  the check strategy's columns (quoted when from {@code 'all'}), ignored for timestamp
     * @param columnAdded   the query has a column the table lacks: every row counts as changed (dbt's check 'all')
     * @param targetHas     which of {@code sourceColumns} the snapshot table has, for the deletion records
     */
    String staging(String sourceSql, List<String> sourceColumns, List<String> checkColumns, boolean columnAdded,
                   List<Boolean> targetHas) {
        boolean deletes = config.hardDeletes() != HardDeletes.IGNORE;
        boolean newRecord = config.hardDeletes() == HardDeletes.NEW_RECORD;
        String updatedAt = updatedAtExpression();
        String now = macros.now();
        String keys = keyFields();
        String firstKey = keyNames().get(0);
        String rowChanged = rowChanged(checkColumns, columnAdded);
        String wasDeleted = "coalesce(snapshotted_data." + meta.isDeleted() + ", 'False') = 'True'";
        String sourceCols = qualified("source_data", sourceColumns);
        String sourceKeys = qualified("source_data", keyNames());
        String notDeleted = newRecord ? ", 'False' as " + meta.isDeleted() : "";

        StringBuilder sql = new StringBuilder();
        sql.append("with snapshot_query as (\n").append(sourceSql).append("\n),\n");
        sql.append("snapshotted_data as (\n    select *, ").append(keys).append("\n    from ").append(target.render())
                .append("\n    where ").append(isCurrent("")).append("\n),\n");
        sql.append("insertions_source_data as (\n    select *, ").append(keys).append(",\n        ")
                .append(updatedAt).append(" as ").append(meta.updatedAt()).append(",\n        ")
                .append(updatedAt).append(" as ").append(meta.validFrom()).append(",\n        ")
                .append(newValidTo(updatedAt)).append(" as ").append(meta.validTo()).append(",\n        ")
                .append(scdId()).append(" as ").append(meta.scdId()).append("\n    from snapshot_query\n),\n");
        sql.append("updates_source_data as (\n    select *, ").append(keys).append(",\n        ")
                .append(updatedAt).append(" as ").append(meta.updatedAt()).append(",\n        ")
                .append(updatedAt).append(" as ").append(meta.validFrom()).append(",\n        ")
                .append(updatedAt).append(" as ").append(meta.validTo()).append("\n    from snapshot_query\n),\n");
        if (deletes) {
            sql.append("deletes_source_data as (\n    select *, ").append(keys).append("\n    from snapshot_query\n),\n");
        }
        sql.append("insertions as (\n    select 'insert' as ").append(CHANGE_TYPE).append(", ").append(sourceCols)
                .append(", ").append(sourceKeys).append(",\n        source_data.").append(meta.updatedAt())
                .append(", source_data.").append(meta.validFrom()).append(", source_data.").append(meta.validTo())
                .append(", source_data.").append(meta.scdId()).append(notDeleted)
                .append("\n    from insertions_source_data as source_data\n    left outer join snapshotted_data on ")
                .append(keyJoin("snapshotted_data", "source_data"))
                .append("\n    where snapshotted_data.").append(firstKey).append(" is null\n       or (snapshotted_data.")
                .append(firstKey).append(" is not null and (").append(rowChanged)
                .append(newRecord ? " or " + wasDeleted : "").append("))\n),\n");
        sql.append("updates as (\n    select 'update' as ").append(CHANGE_TYPE).append(", ").append(sourceCols)
                .append(", ").append(sourceKeys).append(",\n        source_data.").append(meta.updatedAt())
                .append(", source_data.").append(meta.validFrom()).append(", source_data.").append(meta.validTo())
                .append(", snapshotted_data.").append(meta.scdId()).append(notDeleted)
                .append("\n    from updates_source_data as source_data\n    join snapshotted_data on ")
                .append(keyJoin("snapshotted_data", "source_data"))
                .append("\n    where (").append(rowChanged).append(")").append(newRecord ? " or " + wasDeleted : "")
                .append("\n)");
        if (deletes) {
            sql.append(",\ndeletes as (\n    select 'delete' as ").append(CHANGE_TYPE).append(", ").append(sourceCols)
                    .append(", ").append(sourceKeys).append(",\n        ").append(stamps(now, now))
                    .append(", snapshotted_data.").append(meta.scdId()).append(notDeleted)
                    .append("\n    from snapshotted_data\n    left join deletes_source_data as source_data on ")
                    .append(keyJoin("snapshotted_data", "source_data"))
                    .append("\n    where source_data.").append(firstKey).append(" is null")
                    .append(newRecord ? " and not " + wasDeleted : "").append("\n)");
        }
        if (newRecord) {
            StringJoiner kept = new StringJoiner(", ");
            for (int i = 0; i < sourceColumns.size(); i++) {
                kept.add(targetHas.get(i) ? "snapshotted_data." + sourceColumns.get(i) : "null");
            }
            List<String> hashArgs = new ArrayList<>();
            keyNames().forEach(key -> hashArgs.add("snapshotted_data." + key));
            hashArgs.add(now);
            sql.append(",\ndeletion_records as (\n    select 'insert' as ").append(CHANGE_TYPE).append(", ").append(kept)
                    .append(", ").append(qualified("snapshotted_data", keyNames())).append(",\n        ")
                    .append(stamps(now, newValidTo(now))).append(", ")
                    .append(macros.hash(hashArgs)).append(" as ").append(meta.scdId())
                    .append(", 'True' as ").append(meta.isDeleted())
                    .append("\n    from snapshotted_data\n    left join deletes_source_data as source_data on ")
                    .append(keyJoin("snapshotted_data", "source_data"))
                    .append("\n    where source_data.").append(firstKey).append(" is null and not ").append(wasDeleted)
                    .append("\n)");
        }
        sql.append("\nselect * from insertions\nunion all\nselect * from updates");
        if (deletes) {
            sql.append("\nunion all\nselect * from deletes");
        }
        if (newRecord) {
            sql.append("\nunion all\nselect * from deletion_records");
        }
        return sql.toString();
    }

    /** The three timestamps in staging order, named (H2 refuses two unnamed columns of one expression). */
    private String stamps(String now, String validTo) {
        return now + " as " + meta.updatedAt() + ", " + now + " as " + meta.validFrom() + ", " + validTo + " as "
                + meta.validTo();
    }

    private String rowChanged(List<String> checkColumns, boolean columnAdded) {
        if (config.strategy() == SnapshotConfig.Strategy.TIMESTAMP) {
            return "snapshotted_data." + meta.validFrom() + " < source_data." + config.updatedAt();
        }
        if (columnAdded) {
            return "true";
        }
        StringJoiner changed = new StringJoiner("\n        or ");
        for (String column : checkColumns) {
            String old = "snapshotted_data." + column;
            String fresh = "source_data." + column;
            changed.add(old + " != " + fresh + " or ((" + old + " is null) and not (" + fresh + " is null))"
                    + " or ((not " + old + " is null) and (" + fresh + " is null))");
        }
        return changed.toString();
    }

    /** {@code create table <staging> as <staging query>}, wrapped so every warehouse accepts the CTEs. */
    String createStaging(Relation staging, String stagingSql) {
        return "create table " + staging.render() + " as\nselect * from (\n" + stagingSql + "\n) dbt_snapshot_staging";
    }

    /** What dbt's {@code snapshot_merge_sql} does, for warehouses without {@code merge}: an update, then an insert. */
    List<String> updateThenInsert(Relation staging, List<String> insertColumns) {
        String update = "update " + target.render() + " set " + meta.validTo() + " = (select " + SOURCE + "."
                + meta.validTo() + " from " + staging.render() + " as " + SOURCE + " where " + SOURCE + "."
                + meta.scdId() + " = " + target.render() + "." + meta.scdId() + " and " + SOURCE + "." + CHANGE_TYPE
                + " in ('update', 'delete'))\nwhere " + isCurrent("") + " and " + meta.scdId() + " in (select "
                + meta.scdId() + " from " + staging.render() + " where " + CHANGE_TYPE + " in ('update', 'delete'))";
        String insert = "insert into " + target.render() + " (" + String.join(", ", insertColumns) + ")\nselect "
                + String.join(", ", insertColumns) + " from " + staging.render() + " where " + CHANGE_TYPE + " = 'insert'";
        return List.of(update, insert);
    }

    /** Staging columns that are bookkeeping, not snapshot columns. */
    static boolean isBookkeeping(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        return lower.equals(CHANGE_TYPE) || lower.equals("dbt_unique_key") || lower.startsWith("dbt_unique_key_");
    }
}
