package dev.model.adapter;

/**
 * An optional warehouse feature. Strategies ask {@link WarehouseAdapter#supports(Capability)}
 * instead of testing the adapter's class, so a new warehouse only declares what it has.
 */
public enum Capability {
    /** DDL takes part in transactions: a failed swap rolls back to the old table. */
    TRANSACTIONAL_DDL,
    /** {@code create or replace table ... as}: an atomic swap without a rename dance. */
    CREATE_OR_REPLACE_TABLE,
    /** {@code create or replace view}. */
    CREATE_OR_REPLACE_VIEW,
    /** {@code merge into} for incremental models. */
    MERGE,
    /** {@code alter table ... rename to}. */
    RENAME_TABLE,
    /** Table and column comments (dbt's {@code persist_docs}). */
    COMMENTS,
    /** {@code create transient table} (Snowflake: no fail-safe storage). */
    TRANSIENT_TABLES,
    /** A session query tag, set around a node and restored after it. */
    QUERY_TAG,
    /** {@code grant}/{@code revoke} and {@link WarehouseOperations#showGrants(Relation)}. */
    GRANTS,
    /**
     * Several databases are reachable from one connection (DuckDB's ATTACH, Snowflake), so schema
     * DDL names its database; without it (H2) only the adapter's own database exists.
     */
    SCHEMAS_IN_DATABASE,
    /** A native bulk path for {@link WarehouseOperations#loadCsv}: faster than row inserts. */
    BULK_CSV_LOAD,
    /** {@link Session#cancel()} stops a running statement. */
    CANCEL
}
