package dev.model.adapter;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDBC base of every adapter. Its public methods are final templates (Flyway's
 * {@code create() -> doCreate()}): they lease a pooled connection, call a protected hook, wrap
 * every SQLException into a WAREHOUSE {@link ModelException} naming the statement and relation,
 * and release the connection in {@code finally}. A warehouse overrides only the hooks whose SQL
 * differs from the information_schema and ANSI defaults here.
 */
public abstract class AbstractJdbcAdapter implements WarehouseAdapter {

    /** Rows per JDBC batch in the generic {@link #doLoadRows} path. */
    protected static final int INSERT_BATCH_SIZE = 10_000;

    private final String type;
    private final Set<Capability> capabilities;
    private final Log log;
    private final ConnectionPool pool;
    private final Set<JdbcSession> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code threads}: how many idle connections the pool keeps for reuse (0 keeps none). */
    protected AbstractJdbcAdapter(String type, Set<Capability> capabilities, int threads, Log log) {
        this.type = type;
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        this.log = log == null ? Log.silent() : log;
        this.pool = new ConnectionPool(this::openConnection, threads);
    }

    // ---- hooks -------------------------------------------------------------------------------

    /** A new physical connection for the pool. */
    protected abstract Connection openConnection() throws SQLException;

    private final java.util.concurrent.locks.ReentrantLock turns = new java.util.concurrent.locks.ReentrantLock();

    /**
     * Whether statements of concurrent sessions must take turns (one statement, or one whole
     * transaction, at a time). False by default; H2 needs it because concurrent DDL deadlocks on
     * its system table.
     */
    protected boolean statementsTakeTurns() {
        return false;
    }

    final void takeTurn() {
        if (statementsTakeTurns()) {
            turns.lock();
        }
    }

    final void endTurn() {
        if (statementsTakeTurns()) {
            turns.unlock();
        }
    }

    /** Closes what the adapter holds beyond pooled connections (e.g. DuckDB's database handle). */
    protected abstract void closeDatabase() throws SQLException;

    protected String createSchemaSql(String database, String schema) {
        Quoting q = quoting();
        String db = database == null ? "" : (q.database() ? q.quote(database) : database) + ".";
        return "create schema if not exists " + db + (q.schema() ? q.quote(schema) : schema);
    }

    protected String dropSql(Relation relation) {
        return "drop " + kind(relation) + " if exists " + relation.render() + " cascade";
    }

    /** ANSI-ish {@code alter table a rename to b}, the new name unqualified (DuckDB, H2, Postgres). */
    protected String renameSql(Relation from, Relation to) {
        Quoting q = to.quoting();
        String name = q.identifier() ? q.quote(to.identifier()) : to.identifier();
        return "alter " + kind(from) + " " + from.render() + " rename to " + name;
    }

    protected Optional<Relation> doGetRelation(Connection c, Relation wanted) throws SQLException {
        String sql = "select table_catalog, table_schema, table_name, table_type from information_schema.tables where "
                + match("table_catalog") + " and " + match("table_schema") + " and " + match("table_name");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Quoting q = wanted.quoting();
            ps.setString(1, identifierCase().stored(wanted.database(), q.database()));
            ps.setString(2, identifierCase().stored(wanted.schema(), q.schema()));
            ps.setString(3, identifierCase().stored(wanted.identifier(), q.identifier()));
            List<Relation> found = readRelations(ps, q);
            return found.stream().findFirst();
        }
    }

    protected List<Relation> doListRelations(Connection c, String database, String schema) throws SQLException {
        String sql = "select table_catalog, table_schema, table_name, table_type from information_schema.tables where "
                + match("table_catalog") + " and " + match("table_schema") + " order by table_name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Quoting q = quoting();
            ps.setString(1, identifierCase().stored(database, q.database()));
            ps.setString(2, identifierCase().stored(schema, q.schema()));
            return readRelations(ps, q);
        }
    }

    protected List<Column> doGetColumns(Connection c, Relation relation) throws SQLException {
        String sql = "select column_name, data_type from information_schema.columns where "
                + match("table_catalog") + " and " + match("table_schema") + " and " + match("table_name")
                + " order by ordinal_position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Quoting q = relation.quoting();
            ps.setString(1, identifierCase().stored(relation.database(), q.database()));
            ps.setString(2, identifierCase().stored(relation.schema(), q.schema()));
            ps.setString(3, identifierCase().stored(relation.identifier(), q.identifier()));
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
            return columns;
        }
    }

    /**
     * Batched {@link #insertRowsSql}, {@link #INSERT_BATCH_SIZE} rows per batch, each value bound
     * through {@link #bindValue}; a row shorter than the columns binds null for the rest. A
     * warehouse overrides those two hooks, not this loop.
     */
    protected long doLoadRows(Connection c, Relation table, List<Column> columns, Iterable<Object[]> rows)
            throws SQLException {
        long loaded = 0;
        try (PreparedStatement ps = c.prepareStatement(insertRowsSql(table, columns))) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    ps.setObject(i + 1, bindValue(i < row.length ? row[i] : null));
                }
                ps.addBatch();
                if (++pending == INSERT_BATCH_SIZE) {
                    ps.executeBatch();
                    loaded += pending;
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                loaded += pending;
            }
        }
        return loaded;
    }

    /**
     * {@code insert into t values (?, ...)}, one marker per column. Positional, like an appender:
     * column names written by the caller never meet the warehouse's case rules.
     */
    protected String insertRowsSql(Relation table, List<Column> columns) {
        StringBuilder sql = new StringBuilder("insert into ").append(table.render()).append(" values (");
        appendMarkers(sql, columns.size());
        return sql.append(')').toString();
    }

    /** {@code ?, ?, ...}: {@code count} bind markers. */
    protected static void appendMarkers(StringBuilder sql, int count) {
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
    }

    /** A row value as the driver should receive it; the default binds it unchanged. */
    protected Object bindValue(Object value) {
        return value;
    }

    /** The warehouse's native CSV load; adapters with {@link Capability#BULK_CSV_LOAD} override it. */
    protected long doLoadCsv(Connection c, Relation table, Path csvFile, CsvOptions options) throws SQLException {
        throw new ModelException(ErrorCategory.INTERNAL, "The " + type + " adapter has no CSV load for " + table.render());
    }

    /** The session's current query tag, null when none; asked only with {@link Capability#QUERY_TAG}. */
    protected String doGetQueryTag(Connection c) throws SQLException {
        return null;
    }

    /** Sets the tag; null unsets it (Snowflake: {@code alter session unset query_tag}). */
    protected void doSetQueryTag(Connection c, String tag) throws SQLException {
        // Only warehouses with QUERY_TAG are asked; the rest have nothing to set.
    }

    /** Every row of {@code rs}, values read as {@link Session#query} reads them. */
    protected static QueryResult readRows(ResultSet rs) throws SQLException {
        return JdbcSession.readRows(rs, 0);
    }

    protected Map<String, Set<String>> doShowGrants(Connection c, Relation relation) throws SQLException {
        return Map.of();
    }

    /** What a finished statement reports; Snowflake adds its query id and message here. */
    protected StatementResult statementResult(Statement statement, long rowsAffected) throws SQLException {
        return StatementResult.ok(rowsAffected);
    }

    /** Stops a running statement from another thread. */
    protected void cancelStatement(Statement statement) throws SQLException {
        statement.cancel();
    }

    /**
     * The driver's message as errors show it. Snowflake adds its error code and removes any
     * configured secret; the default is the driver's message unchanged.
     */
    protected String errorMessage(SQLException e) {
        return e.getMessage();
    }

    /** A trivial query proving the connection works. */
    protected String testQuery() {
        return "select 1";
    }

    // ---- final templates -----------------------------------------------------------------------

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public final Session openSession(String label) {
        return lease(label);
    }

    private JdbcSession lease(String label) {
        if (closed) {
            throw new ModelException(ErrorCategory.INTERNAL, "The " + type + " adapter is closed");
        }
        Connection connection;
        try {
            connection = pool.acquire();
        } catch (SQLException e) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "Could not connect to " + type + ": "
                    + SqlErrors.oneLine(errorMessage(e)), null, e);
        }
        JdbcSession session = new JdbcSession(this, connection, label);
        open.add(session);
        return session;
    }

    @Override
    public final StatementResult execute(String sql) {
        try (Session session = openSession("adapter")) {
            return session.execute(sql);
        }
    }

    @Override
    public final QueryResult query(String sql, int maxRows) {
        try (Session session = openSession("adapter")) {
            return session.query(sql, maxRows);
        }
    }

    @Override
    public final List<StatementResult> executeInTransaction(List<String> statements) {
        try (Session session = openSession("adapter")) {
            return session.executeInTransaction(statements);
        }
    }

    @Override
    public final void createSchemaIfMissing(String database, String schema) {
        try (Session session = openSession("adapter")) {
            session.createSchemaIfMissing(database, schema);
        }
    }

    @Override
    public final Optional<Relation> getRelation(Relation wanted) {
        try (Session session = openSession("adapter")) {
            return session.getRelation(wanted);
        }
    }

    @Override
    public final List<Relation> listRelations(String database, String schema) {
        try (Session session = openSession("adapter")) {
            return session.listRelations(database, schema);
        }
    }

    @Override
    public final List<Column> getColumns(Relation relation) {
        try (Session session = openSession("adapter")) {
            return session.getColumns(relation);
        }
    }

    @Override
    public final void dropRelation(Relation relation) {
        try (Session session = openSession("adapter")) {
            session.dropRelation(relation);
        }
    }

    @Override
    public final Relation renameRelation(Relation from, String newIdentifier) {
        try (Session session = openSession("adapter")) {
            return session.renameRelation(from, newIdentifier);
        }
    }

    @Override
    public final long loadRows(Relation table, List<Column> columns, Iterable<Object[]> rows) {
        try (Session session = openSession("adapter")) {
            return session.loadRows(table, columns, rows);
        }
    }

    @Override
    public final long loadCsv(Relation table, Path csvFile, CsvOptions options) {
        try (Session session = openSession("adapter")) {
            return session.loadCsv(table, csvFile, options);
        }
    }

    @Override
    public final Map<String, Set<String>> showGrants(Relation relation) {
        try (Session session = openSession("adapter")) {
            return session.showGrants(relation);
        }
    }

    @Override
    public final void testConnection() {
        query(testQuery(), 1);
    }

    @Override
    public final WarehouseVersion version() {
        try (JdbcSession session = lease("version")) {
            return session.run("read driver metadata", null, c -> {
                DatabaseMetaData meta = c.getMetaData();
                return new WarehouseVersion(meta.getDriverName() + " " + driverVersion(meta),
                        meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            });
        }
    }

    /** The driver's version as its jar names it; drivers that report a bare "1.0" override this. */
    protected String driverVersion(DatabaseMetaData meta) throws SQLException {
        return meta.getDriverVersion();
    }

    @Override
    public final void cancelAll() {
        open.forEach(JdbcSession::cancel);
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<SQLException> failures = new ArrayList<>();
        for (JdbcSession session : open) {
            // A session still leased at close would keep the database (and a DuckDB file lock) alive.
            session.cancel();
            discard(session.connection());
        }
        failures.addAll(pool.closeAll());
        try {
            closeDatabase();
        } catch (SQLException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            ModelException error = new ModelException(ErrorCategory.WAREHOUSE, "Closing the " + type
                    + " connection failed: " + SqlErrors.oneLine(errorMessage(failures.get(0))), null, failures.get(0));
            throw error;
        }
    }

    // ---- for sessions --------------------------------------------------------------------------

    final void release(JdbcSession session, Connection connection) {
        open.remove(session);
        try {
            if (closed) {
                connection.close();
            } else {
                pool.release(connection);
            }
        } catch (SQLException e) {
            discard(connection);
        }
    }

    /** Closes a connection whose state is unknown instead of pooling it. */
    final void discard(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a broken " + type + " connection failed: " + e.getMessage());
        }
    }

    final void debug(String message) {
        log.debug(message);
    }

    private String match(String column) {
        return identifierCase() == IdentifierCase.PRESERVE_INSENSITIVE ? "lower(" + column + ") = lower(?)" : column + " = ?";
    }

    private static List<Relation> readRelations(PreparedStatement ps, Quoting quoting) throws SQLException {
        List<Relation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Relation(rs.getString(1), rs.getString(2), rs.getString(3), relationType(rs.getString(4)), quoting));
            }
        }
        return out;
    }

    private static Relation.RelationType relationType(String tableType) {
        if (tableType == null) {
            return Relation.RelationType.UNKNOWN;
        }
        String t = tableType.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("MATERIALIZED")) {
            return Relation.RelationType.MATERIALIZED_VIEW;
        }
        if (t.contains("VIEW")) {
            return Relation.RelationType.VIEW;
        }
        if (t.contains("TABLE") || t.contains("TEMPORARY")) {
            return Relation.RelationType.TABLE;
        }
        return Relation.RelationType.UNKNOWN;
    }

    private static String kind(Relation relation) {
        return relation.type() == Relation.RelationType.VIEW ? "view" : "table";
    }
}
