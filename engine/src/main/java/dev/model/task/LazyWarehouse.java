package dev.model.task;

import dev.model.adapter.Adapters;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import dev.model.jinja.QueryRunner;
import dev.model.log.Log;
import dev.model.project.Target;
import java.nio.file.Path;

/**
 * {@code run_query} and {@code statement} for commands that compile without running, as dbt's
 * {@code compile}: the warehouse is opened on the first query a template sends, so that a project
 * whose templates never query compiles without a warehouse, and fast. Queries from parallel
 * compiles share one session and are sent one at a time, so a temporary table one query creates
 * is seen by the next.
 */
public final class LazyWarehouse implements QueryRunner, AutoCloseable {

    private final Target target;
    private final Path baseDirectory;
    private final Log log;
    private WarehouseAdapter adapter;
    private Session session;
    private boolean closed;
    private boolean used;

    /** @param baseDirectory where relative paths of the profile resolve: the directory the command runs in */
    public LazyWarehouse(Target target, Path baseDirectory, Log log) {
        this.target = target;
        this.baseDirectory = baseDirectory;
        this.log = log;
    }

    @Override
    public synchronized QueryTable execute(String sql, boolean fetch) {
        if (closed) {
            throw dev.model.error.ModelException.internal("query after the compile's warehouse was closed", null);
        }
        return session().queryRunner().execute(sql, fetch);
    }

    /** Whether a template queried the warehouse, which was therefore opened. */
    public synchronized boolean opened() {
        return used;
    }

    private Session session() {
        if (session == null) {
            log.debug("Opening the " + target.type() + " warehouse of target '" + target.name()
                    + "' for a query at compile time");
            WarehouseAdapter opened = Adapters.discover().open(target, baseDirectory, log);
            try {
                session = opened.openSession("compile");
            } catch (RuntimeException failure) {
                opened.close();
                throw failure;
            }
            adapter = opened;
            used = true;
        }
        return session;
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            session = null;
            if (adapter != null) {
                adapter.close();
                adapter = null;
            }
        }
    }
}
