package dev.model.run.snapshot;

/** dbt's {@code hard_deletes}: what happens to a snapshot row whose key left the source. */
enum HardDeletes {
    /** The current row stays current (dbt's default). */
    IGNORE,
    /** The current row gets {@code dbt_valid_to} set to the snapshot time. */
    INVALIDATE,
    /** As invalidate, plus a new current row marked {@code dbt_is_deleted = 'True'}. */
    NEW_RECORD
}
