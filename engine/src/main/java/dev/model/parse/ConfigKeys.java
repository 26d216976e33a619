package dev.model.parse;

import java.util.Locale;
import java.util.Set;

/**
 * The config keys dbt documents for models, seeds, snapshots, tests and sources, plus those of
 * dbt-snowflake and dbt-duckdb, so that a typo warns and a real setting does not. Also dbt's
 * rules for combining configs from several places: most keys are replaced by the more specific
 * place, some lists accumulate and some maps are merged key by key.
 */
final class ConfigKeys {

    static final Set<String> KNOWN = Set.of(
            // general
            "enabled", "tags", "pre_hook", "post_hook", "database", "schema", "alias", "persist_docs",
            "full_refresh", "meta", "docs", "grants", "contract", "group", "access", "quoting",
            "column_types", "materialized", "sql_header", "on_configuration_change", "packages",
            "event_time", "lookback", "begin", "batch_size", "concurrent_batches", "unique_key",
            "incremental_strategy", "on_schema_change", "incremental_predicates", "merge_update_columns",
            "merge_exclude_columns", "predicates", "limit", "labels", "freshness", "loaded_at_field",
            "loaded_at_query", "description", "python_version", "submission_method", "language",
            // seeds
            "quote_columns", "delimiter",
            // snapshots
            "strategy", "updated_at", "check_cols", "invalidate_hard_deletes", "hard_deletes",
            "target_schema", "target_database", "snapshot_meta_column_names", "dbt_valid_to_current",
            // tests
            "severity", "error_if", "warn_if", "where", "store_failures", "store_failures_as", "fail_calc",
            // snowflake
            "transient", "cluster_by", "automatic_clustering", "copy_grants", "secure", "query_tag",
            "snowflake_warehouse", "target_lag", "refresh_mode", "initialize", "table_format",
            "external_volume", "base_location_root", "base_location_subpath", "tmp_relation_type",
            "row_access_policy", "table_tag", "iceberg",
            // duckdb
            "location", "format", "partition_by", "options", "overwrite", "plugin", "glue_register",
            "glue_database", "use_anonymous_connection", "model_name", "file_format");

    /** dbt's "append" keys: every place adds to the list. */
    static final Set<String> APPENDED = Set.of("tags", "pre_hook", "post_hook");

    /** dbt's "update" keys: maps merged key by key, the more specific place winning per key. */
    static final Set<String> MERGED = Set.of("meta", "docs", "persist_docs", "column_types", "quoting",
            "grants", "contract", "snapshot_meta_column_names", "labels");

    private ConfigKeys() {
    }

    /** {@code +pre-hook} and {@code pre-hook} are dbt's spellings of {@code pre_hook}. */
    static String normalise(String key) {
        String k = key.startsWith("+") ? key.substring(1) : key;
        return switch (k) {
            case "pre-hook" -> "pre_hook";
            case "post-hook" -> "post_hook";
            default -> k;
        };
    }

    static boolean isKnown(String normalisedKey) {
        return KNOWN.contains(normalisedKey) || KNOWN.contains(normalisedKey.toLowerCase(Locale.ROOT));
    }
}
