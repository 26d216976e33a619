package dev.model.run.snapshot;

import java.util.Map;

/** The meta columns' names, dbt's defaults unless {@code snapshot_meta_column_names} renames them. */
record SnapshotColumns(String scdId, String updatedAt, String validFrom, String validTo, String isDeleted) {

    static final SnapshotColumns DEFAULT =
            new SnapshotColumns("dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted");

    static SnapshotColumns of(Object configured) {
        if (!(configured instanceof Map<?, ?> names)) {
            return DEFAULT;
        }
        return new SnapshotColumns(
                name(names, "dbt_scd_id"), name(names, "dbt_updated_at"), name(names, "dbt_valid_from"),
                name(names, "dbt_valid_to"), name(names, "dbt_is_deleted"));
    }

    private static String name(Map<?, ?> names, String key) {
        Object value = names.get(key);
        return value == null || value.toString().isBlank() ? key : value.toString();
    }
}
