/**
 * {@code model snapshot}: {@link dev.model.run.snapshot.SnapshotExecutor} runs one snapshot as
 * dbt's type-2 slowly changing dimension, for the legacy {@code {% snapshot %}} block and the
 * YAML form alike.
 *
 * <p>Configs: {@code unique_key} (one or a list), {@code strategy} {@code timestamp}
 * ({@code updated_at}) or {@code check} ({@code check_cols}: a list or {@code 'all'}),
 * {@code hard_deletes} ignore/invalidate/new_record (or legacy {@code invalidate_hard_deletes}),
 * {@code dbt_valid_to_current}, {@code snapshot_meta_column_names}, and the legacy
 * {@code target_schema}/{@code target_database}. {@code dbt_scd_id} is dbt's
 * {@code snapshot_hash_arguments} (md5 of the key and timestamp as text joined by {@code '|'});
 * it and {@code snapshot_get_time} are macros under {@code macros/snapshots/} that a project may
 * override. The staging query and the merge are built in {@code SnapshotSql}.
 */
package dev.model.run.snapshot;
