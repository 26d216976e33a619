package dev.model.adapter;

import dev.model.jinja.QueryRunner;

/**
 * One warehouse connection leased to one thread (a scheduler worker, for one node or many).
 * Not for concurrent use, except {@link #cancel()}, which any thread may call. Closing returns
 * the connection to the adapter's pool.
 */
public interface Session extends WarehouseOperations, AutoCloseable {

    /** What the lease is for, e.g. the node id; used in debug logs. */
    String label();

    /**
     * Stops the statement running now and refuses further statements on this session: for
     * {@code --fail-fast} and Ctrl-C. Safe from any thread; a no-op when nothing runs.
     */
    void cancel();

    boolean isCancelled();

    /**
     * Sets the session's query tag until the returned scope closes, which restores the previous
     * tag (dbt-snowflake's {@code set_query_tag}/{@code unset_query_tag} around a node). A no-op
     * scope where the warehouse lacks {@link Capability#QUERY_TAG}.
     */
    QueryTagScope withQueryTag(String tag);

    /**
     * Prepares {@code sql} once and runs it for every row as ONE JDBC batch, in whatever
     * transaction the session is in (after an explicit {@code begin}, part of it): Snowflake's
     * driver array-binds such a batch into one request. Values are plain Java (String, Number,
     * Boolean, null), one per {@code ?}. Returns the rows affected, where the driver reports them.
     * A session without bound batches (a test double) refuses.
     */
    default long executeBatch(String sql, java.util.List<Object[]> rows) {
        throw dev.model.error.ModelException.internal("session '" + label() + "' cannot run bound batches", null);
    }

    /** {@code run_query} and {@code {% call statement %}} for templates, over this session. */
    QueryRunner queryRunner();

    @Override
    void close();

    /** Restores the previous query tag. */
    interface QueryTagScope extends AutoCloseable {
        @Override
        void close();
    }
}
