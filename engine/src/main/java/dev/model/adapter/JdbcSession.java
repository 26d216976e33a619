package dev.model.adapter;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.jinja.QueryRunner;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session over one pooled JDBC connection. Every operation runs through {@link #run}, which
 * wraps SQLException into a WAREHOUSE ModelException naming the statement and relation; the
 * warehouse-specific SQL comes from the adapter's protected hooks.
 */
final class JdbcSession implements Session {

    /** Work on the connection; {@code describe} names it in errors when no single statement does. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AbstractJdbcAdapter adapter;
    private final Connection connection;
    private final String label;
    private volatile Statement running;
    private volatile boolean cancelled;
    private boolean closed;

    JdbcSession(AbstractJdbcAdapter adapter, Connection connection, String label) {
        this.adapter = adapter;
        this.connection = connection;
        this.label = label;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public String label() {
        return label;
    }

    <T> T run(String sql, Relation relation, SqlWork<T> work) {
        if (closed) {
            throw ModelException.internal("session '" + label + "' used after close", null);
        }
        refuseIfCancelled(sql, relation);
        adapter.debug("[" + label + "] " + sql);
        adapter.takeTurn();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.wrap(adapter, sql, relation, e, cancelled);
        } finally {
            adapter.endTurn();
        }
    }

    private void refuseIfCancelled(String sql, Relation relation) {
        if (cancelled) {
            throw SqlErrors.wrap(adapter, sql, relation,
                    new SQLException("the run was cancelled before this statement started"), true);
        }
    }

    /** Creates a statement that {@link #cancel()} can reach while it runs. */
    Statement track(Statement statement) {
        running = statement;
        return statement;
    }

    void untrack() {
        running = null;
    }

    @Override
    public StatementResult execute(String sql) {
        return run(sql, null, c -> executeOn(c, sql));
    }

    private StatementResult executeOn(Connection c, String sql) throws SQLException {
        try (Statement statement = track(c.createStatement())) {
            if (cancelled) {
                throw new SQLException("cancelled");
            }
            boolean hasRows = statement.execute(sql);
            long count = hasRows ? -1 : statement.getUpdateCount();
            return adapter.statementResult(statement, count);
        } finally {
            untrack();
        }
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return run(sql, null, c -> {
            try (Statement statement = track(c.createStatement())) {
                if (cancelled) {
                    throw new SQLException("cancelled");
                }
                if (!statement.execute(sql)) {
                    return new QueryResult(List.of(), List.of(), statement.getUpdateCount(), false);
                }
                try (ResultSet rs = statement.getResultSet()) {
                    return readRows(rs, maxRows);
                }
            } finally {
                untrack();
            }
        });
    }

    static QueryResult readRows(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int width = meta.getColumnCount();
        List<QueryResult.ResultColumn> columns = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            columns.add(new QueryResult.ResultColumn(meta.getColumnLabel(i), meta.getColumnType(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (maxRows > 0 && rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(width);
            for (int i = 1; i <= width; i++) {
                row.add(JdbcValues.read(rs, i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, -1, truncated);
    }

    @Override
    public List<StatementResult> executeInTransaction(List<String> statements) {
        List<StatementResult> results = new ArrayList<>(statements.size());
        inTransaction(statements.isEmpty() ? null : statements.get(0), null, c -> {
            for (String sql : statements) {
                results.add(run(sql, null, inner -> executeOn(inner, sql)));
            }
            return null;
        });
        return List.copyOf(results);
    }

    /** Runs {@code work} with auto-commit off: commit on success, rollback on any failure. */
    <T> T inTransaction(String sql, Relation relation, SqlWork<T> work) {
        // Where statements take turns, a transaction is one turn: nothing interleaves inside it.
        adapter.takeTurn();
        try {
            return inTransactionTurn(sql, relation, work);
        } finally {
            adapter.endTurn();
        }
    }

    private <T> T inTransactionTurn(String sql, Relation relation, SqlWork<T> work) {
        run(sql, relation, c -> {
            c.setAutoCommit(false);
            return null;
        });
        boolean committed = false;
        try {
            T result = run(sql, relation, work);
            run(sql, relation, c -> {
                c.commit();
                return null;
            });
            committed = true;
            return result;
        } finally {
            restoreAutoCommit(committed, sql, relation);
        }
    }

    private void restoreAutoCommit(boolean committed, String sql, Relation relation) {
        try {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // A rollback failing after a failed statement must not hide the statement's error,
            // and a connection in that state must not return to the pool.
            adapter.discard(connection);
            if (committed) {
                throw SqlErrors.wrap(adapter, sql, relation, e, false);
            }
        }
    }

    @Override
    public void createSchemaIfMissing(String database, String schema) {
        String sql = adapter.createSchemaSql(database == null ? adapter.database() : database, schema);
        run(sql, null, c -> executeOn(c, sql));
    }

    @Override
    public Optional<Relation> getRelation(Relation wanted) {
        return run("look up " + wanted.render() + " in information_schema", wanted,
                c -> adapter.doGetRelation(c, withDatabase(wanted)));
    }

    @Override
    public List<Relation> listRelations(String database, String schema) {
        String db = database == null ? adapter.database() : database;
        return run("list relations in schema " + schema, null, c -> adapter.doListRelations(c, db, schema));
    }

    @Override
    public List<Column> getColumns(Relation relation) {
        return run("list columns of " + relation.render(), relation, c -> adapter.doGetColumns(c, withDatabase(relation)));
    }

    @Override
    public void dropRelation(Relation relation) {
        Relation target = withDatabase(relation);
        if (target.type() != Relation.RelationType.TABLE && target.type() != Relation.RelationType.VIEW) {
            Optional<Relation> found = getRelation(target);
            if (found.isEmpty()) {
                return;
            }
            target = found.get();
        }
        String sql = adapter.dropSql(target);
        run(sql, target, c -> executeOn(c, sql));
    }

    @Override
    public Relation renameRelation(Relation from, String newIdentifier) {
        Relation source = withDatabase(from);
        if (source.type() != Relation.RelationType.TABLE && source.type() != Relation.RelationType.VIEW) {
            source = getRelation(source).orElseThrow(() -> new ModelException(ErrorCategory.WAREHOUSE,
                    "Cannot rename " + from.render() + ": it does not exist"));
        }
        Relation renamed = source.withIdentifier(newIdentifier);
        String sql = adapter.renameSql(source, renamed);
        run(sql, source, c -> executeOn(c, sql));
        return renamed;
    }

    @Override
    public long loadRows(Relation table, List<Column> columns, Iterable<Object[]> rows) {
        Relation target = withDatabase(table);
        return inTransaction("load rows into " + target.render(), target,
                c -> adapter.doLoadRows(c, target, columns, rows));
    }

    @Override
    public long loadCsv(Relation table, Path csvFile, CsvOptions options) {
        Relation target = withDatabase(table);
        return inTransaction("load " + csvFile + " into " + target.render(), target,
                c -> adapter.doLoadCsv(c, target, csvFile, options));
    }

    @Override
    public Map<String, Set<String>> showGrants(Relation relation) {
        if (!adapter.supports(Capability.GRANTS)) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "Grants are not supported by the "
                    + adapter.type() + " adapter (relation " + relation.render() + ")");
        }
        return run("show grants on " + relation.render(), relation, c -> adapter.doShowGrants(c, withDatabase(relation)));
    }

    @Override
    public long executeBatch(String sql, List<Object[]> rows) {
        return run(sql, null, c -> {
            try (java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
                track(statement);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            statement.setNull(i + 1, java.sql.Types.VARCHAR);
                        } else {
                            statement.setObject(i + 1, row[i]);
                        }
                    }
                    statement.addBatch();
                }
                long affected = 0;
                for (int count : statement.executeBatch()) {
                    affected += Math.max(count, 0);
                }
                return affected;
            } finally {
                untrack();
            }
        });
    }

    @Override
    public QueryTagScope withQueryTag(String tag) {
        if (!adapter.supports(Capability.QUERY_TAG)) {
            return () -> { };
        }
        String previous = run("read query tag", null, adapter::doGetQueryTag);
        run("set query tag", null, c -> {
            adapter.doSetQueryTag(c, tag);
            return null;
        });
        return () -> run("restore query tag", null, c -> {
            adapter.doSetQueryTag(c, previous);
            return null;
        });
    }

    @Override
    public QueryRunner queryRunner() {
        return new SessionQueryRunner(this);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                adapter.cancelStatement(statement);
            } catch (SQLException e) {
                // The statement finished or closed between the read and the cancel: nothing runs.
                adapter.debug("cancel of a finished statement in session " + label + ": " + e.getMessage());
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        adapter.release(this, connection);
    }

    private Relation withDatabase(Relation relation) {
        if (relation.database() != null) {
            return relation;
        }
        return new Relation(adapter.database(), relation.schema() == null ? adapter.schema() : relation.schema(),
                relation.identifier(), relation.type(), relation.quoting());
    }
}
