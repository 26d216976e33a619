package dev.model.adapter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps up to {@code maxIdle} (the profile's threads) connections for reuse; opens more on demand,
 * because the scheduler already bounds concurrency and a hard cap could deadlock a worker that
 * borrows a second connection. A {@code maxIdle} of 0 keeps none (dbt-snowflake's
 * {@code reuse_connections: false}).
 */
final class ConnectionPool {

    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    ConnectionPool(Opener opener, int maxIdle) {
        this.opener = opener;
        this.maxIdle = Math.max(0, maxIdle);
    }

    Connection acquire() throws SQLException {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            idleCount.decrementAndGet();
            if (!connection.isClosed()) {
                return connection;
            }
        }
        return opener.open();
    }

    void release(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        if (idleCount.incrementAndGet() <= maxIdle) {
            idle.addFirst(connection);
        } else {
            idleCount.decrementAndGet();
            connection.close();
        }
    }

    /** Closes every idle connection; returns the failures so the caller can report them together. */
    List<SQLException> closeAll() {
        List<SQLException> failures = new ArrayList<>();
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            try {
                connection.close();
            } catch (SQLException e) {
                failures.add(e);
            }
        }
        return failures;
    }
}
