package dev.model.adapter.snowflake;

import dev.model.adapter.AbstractJdbcAdapter;
import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.GrantRows;
import dev.model.adapter.CsvOptions;
import dev.model.adapter.IdentifierCase;
import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.adapter.StatementResult;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import net.snowflake.client.api.connection.SnowflakeConnection;
import net.snowflake.client.api.driver.SnowflakeDriver;
import net.snowflake.client.api.statement.SnowflakeStatement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Snowflake ({@code type: snowflake}) through the official JDBC driver, with dbt-snowflake's
 * profile fields (see {@link SnowflakeProfile}). Names are unquoted by default and fold to upper
 * case. DDL commits implicitly, so there is no {@link Capability#TRANSACTIONAL_DDL}; seeds load as
 * batched bound inserts, which the driver sends array-bound. Metadata comes from {@code show} and
 * {@code describe} commands, as dbt-snowflake reads it. Connections log in lazily, on the first
 * session; every error is Snowflake's code and message with no configured secret in it.
 */
public final class SnowflakeAdapter extends AbstractJdbcAdapter {

    /** What Snowflake supports; public so that stand-ins of type {@code snowflake} declare the same. */
    public static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.CREATE_OR_REPLACE_TABLE, Capability.CREATE_OR_REPLACE_VIEW, Capability.MERGE,
            Capability.RENAME_TABLE, Capability.COMMENTS, Capability.TRANSIENT_TABLES, Capability.QUERY_TAG,
            Capability.GRANTS, Capability.SCHEMAS_IN_DATABASE, Capability.CANCEL));

    /**
     * Rows asked for per {@code show objects} page: Snowflake returns at most 10,000 rows for one
     * SHOW command, so a larger schema is read in pages, as dbt-snowflake does.
     */
    static final int LIST_PAGE_SIZE = 10_000;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS", Locale.ROOT);

    private final SnowflakeProfile profile;
    /** Login properties, secrets included: passed to the driver, never printed. */
    private final Properties login;
    private final SecretScrubber scrubber;
    private final ConnectRetry retry;
    private final Log log;
    private final int listPageSize;

    private SnowflakeAdapter(SnowflakeProfile profile, ConnectRetry.Sleeper sleeper, Log log, int listPageSize) {
        super(SnowflakeProfile.TYPE, CAPABILITIES, profile.reuseConnections() ? profile.threads() : 0, log);
        this.profile = profile;
        this.login = profile.driverProperties();
        this.scrubber = new SecretScrubber(profile.secrets());
        this.log = log == null ? Log.silent() : log;
        this.retry = new ConnectRetry(profile.connectRetries(), profile.retryAll(), sleeper, this.log, scrubber);
        if (listPageSize < 1) {
            throw new IllegalArgumentException("list page size " + listPageSize);
        }
        this.listPageSize = listPageSize;
    }

    /** Reads and checks the profile; connects on the first session, not here (as dbt-snowflake does). */
    public static SnowflakeAdapter open(Target target, Path baseDirectory, Log log) {
        return open(target, baseDirectory, log, ConnectRetry.Sleeper.REAL);
    }

    static SnowflakeAdapter open(Target target, Path baseDirectory, Log log, ConnectRetry.Sleeper sleeper) {
        return open(target, baseDirectory, log, sleeper, LIST_PAGE_SIZE);
    }

    /** With another {@code show objects} page size, so that a test pages through a small schema. */
    static SnowflakeAdapter open(Target target, Path baseDirectory, Log log, ConnectRetry.Sleeper sleeper, int listPageSize) {
        SnowflakeDriverLogging.quiet();
        return new SnowflakeAdapter(SnowflakeProfile.of(target, baseDirectory), sleeper, log, listPageSize);
    }

    public SnowflakeProfile profile() {
        return profile;
    }

    @Override
    public Quoting quoting() {
        return Quoting.NONE;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.FOLD_UPPER;
    }

    @Override
    public String database() {
        return profile.database();
    }

    @Override
    public String schema() {
        return profile.schema();
    }

    // ---- connections ---------------------------------------------------------------------------

    @Override
    protected Connection openConnection() {
        Connection connection;
        try {
            connection = retry.open(() -> SnowflakeDriver.INSTANCE.connect(profile.jdbcUrl(), login));
        } catch (ConnectRetry.Exhausted failed) {
            throw loginFailure(failed);
        }
        try {
            prepareSession(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ModelException(ErrorCategory.WAREHOUSE, errorMessage(e) + " " + profile.who(), null, e);
        } catch (ModelException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The profile's query tag on every new session (dbt-snowflake sets it at connect); and a
     * warehouse that the login did not select (it does not exist or the role may not use it)
     * fails here, with Snowflake's own error, instead of at the first query that needs it.
     */
    private void prepareSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (profile.queryTag() != null) {
                statement.execute(setQueryTagSql(profile.queryTag()));
            }
            if (currentWarehouse(connection) == null) {
                try {
                    statement.execute("use warehouse " + profile.warehouse());
                } catch (SQLException e) {
                    // Snowflake's message names no object: say which warehouse and role it was about.
                    throw new ModelException(ErrorCategory.WAREHOUSE, "Could not use warehouse '" + profile.warehouse()
                            + "' (it does not exist, or " + (profile.role() == null ? "the user's default role"
                            : "role '" + profile.role() + "'") + " may not use it): " + errorMessage(e) + " "
                            + profile.who(), null, e);
                }
            }
        }
    }

    private static String currentWarehouse(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(SnowflakeConnection.class)) {
            return null;
        }
        String warehouse = connection.unwrap(SnowflakeConnection.class).getWarehouse();
        return warehouse == null || warehouse.isBlank() ? null : warehouse;
    }

    private ModelException loginFailure(ConnectRetry.Exhausted failed) {
        SQLException e = failed.last();
        String message = errorMessage(e);
        if (SnowflakeErrors.transientNetworkFailure(e)) {
            message = "Could not reach Snowflake at " + profile.protocol() + "://" + profile.host() + ":" + profile.port()
                    + " after " + failed.attempts() + (failed.attempts() == 1 ? " attempt" : " attempts")
                    + " (connect_retries: " + profile.connectRetries() + "): " + message;
        }
        return new ModelException(ErrorCategory.WAREHOUSE, message + " " + profile.who(), null, e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The session is being abandoned after a failure that is already reported.
        }
    }

    private void debugLog(String message) {
        log.debug(scrubber.scrub(message));
    }

    @Override
    protected void closeDatabase() {
        // Nothing beyond the pooled connections: each is one Snowflake session.
    }

    /**
     * The driver's cancel first (an abort request for the query in flight). The driver drops a
     * cancel that lands after its statement started but before its request went out, and every
     * cancel after that one, so the query would run on; dbt-snowflake cancels on the server
     * instead, from another connection, which reaches the query whenever it runs.
     */
    @Override
    protected void cancelStatement(Statement statement) throws SQLException {
        statement.cancel();
        Connection connection = statement.getConnection();
        if (!connection.isWrapperFor(SnowflakeConnection.class)) {
            return;
        }
        String sessionId = connection.unwrap(SnowflakeConnection.class).getSessionID();
        try {
            execute("select system$cancel_all_queries(" + Long.parseLong(sessionId) + ")");
        } catch (ModelException | NumberFormatException e) {
            // Best effort: the adapter is closing, or the server refused; the driver's cancel was sent.
            debugLog("server-side cancel of session " + sessionId + " failed: " + e.getMessage());
        }
    }

    @Override
    protected String errorMessage(SQLException e) {
        return scrubber.scrub(SnowflakeErrors.describe(e));
    }

    @Override
    protected String driverVersion(DatabaseMetaData meta) throws SQLException {
        String version = SnowflakeDriver.getImplementationVersion();
        return version != null ? version : meta.getDriverVersion();
    }

    /** dbt-snowflake's adapter response: {@code SUCCESS <rows>} and the query id. */
    @Override
    protected StatementResult statementResult(Statement statement, long rowsAffected) throws SQLException {
        String queryId = statement.isWrapperFor(SnowflakeStatement.class)
                ? statement.unwrap(SnowflakeStatement.class).getQueryID() : null;
        return new StatementResult(rowsAffected >= 0 ? "SUCCESS " + rowsAffected : "SUCCESS", rowsAffected, queryId);
    }

    // ---- metadata ------------------------------------------------------------------------------

    /** dbt-snowflake renders the target fully qualified: {@code alter table a.b.c rename to a.b.d}. */
    @Override
    protected String renameSql(Relation from, Relation to) {
        return "alter " + kind(from) + " " + from.render() + " rename to " + to.render();
    }

    /**
     * {@code show terse objects like '<name>' in schema}: one relation without listing its schema.
     * LIKE is case-insensitive and {@code _} and {@code %} are wildcards, so it can match more
     * than the wanted name; the exact match (by the relation's quoting) is picked from those.
     * dbt-snowflake answers this from its schema cache, filled by the listing below.
     */
    @Override
    protected Optional<Relation> doGetRelation(Connection c, Relation wanted) throws SQLException {
        Quoting q = wanted.quoting();
        // A backslash would escape the next character of the pattern: match it as any one character.
        String pattern = wanted.identifier().replace('\\', '_');
        for (Relation found : showObjects(c, wanted.database(), wanted.schema(), q, pattern)) {
            if (identifierCase().matches(found.identifier(), wanted.identifier(), q.identifier())) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    @Override
    protected List<Relation> doListRelations(Connection c, String database, String schema) throws SQLException {
        return showObjects(c, database, schema, quoting(), null);
    }

    /**
     * {@code show terse objects [like '<pattern>'] in schema <db>.<schema> limit <page> [from '<last>']}:
     * tables and views, names as stored, in Snowflake's order (by name); a missing schema has none.
     * SHOW returns at most 10,000 rows, so pages follow, each after the previous page's last name,
     * until one comes back short (dbt-snowflake's {@code list_relations_without_caching}).
     */
    private List<Relation> showObjects(Connection c, String database, String schema, Quoting q, String like)
            throws SQLException {
        String show = "show terse objects" + (like == null ? "" : " like " + literal(like)) + " in schema "
                + schemaName(database, schema, q) + " limit " + listPageSize;
        List<Relation> out = new ArrayList<>();
        String after = null;
        try (Statement statement = c.createStatement()) {
            while (true) {
                int rows = 0;
                String last = null;
                try (ResultSet rs = statement.executeQuery(after == null ? show : show + " from " + literal(after))) {
                    while (rs.next()) {
                        last = rs.getString("name");
                        out.add(new Relation(rs.getString("database_name"), rs.getString("schema_name"), last,
                                relationType(rs.getString("kind")), q));
                        rows++;
                    }
                }
                if (rows < listPageSize || last == null || last.equals(after)) {
                    break;
                }
                after = last;
            }
        } catch (SQLException e) {
            if (SnowflakeErrors.doesNotExist(e)) {
                return List.of();
            }
            throw e;
        }
        out.sort(java.util.Comparator.comparing(Relation::identifier));
        return out;
    }

    /** {@code describe table} (views too): the columns in table order; a missing relation has none. */
    @Override
    protected List<Column> doGetColumns(Connection c, Relation relation) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("describe table " + relation.render())) {
            while (rs.next()) {
                String kind = rs.getString("kind");
                if (kind == null || kind.equalsIgnoreCase("COLUMN")) {
                    columns.add(new Column(rs.getString("name"), rs.getString("type")));
                }
            }
        } catch (SQLException e) {
            if (SnowflakeErrors.doesNotExist(e)) {
                return List.of();
            }
            throw e;
        }
        return columns;
    }

    /**
     * {@code show grants on table|view}: privilege -> grantees, as dbt-snowflake's
     * {@code standardize_grants_dict} (ownership and grants to shares or database roles left out).
     */
    @Override
    protected Map<String, Set<String>> doShowGrants(Connection c, Relation relation) throws SQLException {
        Relation known = relation;
        if (relation.type() != Relation.RelationType.TABLE && relation.type() != Relation.RelationType.VIEW) {
            known = doGetRelation(c, relation).orElseThrow(() -> new SQLException(
                    "Object '" + relation.render() + "' does not exist or not authorized.", "02000", 2003));
        }
        try (Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("show grants on " + kind(known) + " " + known.render())) {
            Map<String, Set<String>> grants = new LinkedHashMap<>();
            GrantRows.standardize(readRows(rs)).forEach((privilege, grantees) -> grants.put(privilege, new LinkedHashSet<>(grantees)));
            return grants;
        }
    }

    /** {@code show parameters like 'QUERY_TAG' in session}; an empty tag is none. */
    @Override
    protected String doGetQueryTag(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("show parameters like 'QUERY_TAG' in session")) {
            String value = rs.next() ? rs.getString("value") : null;
            return value == null || value.isEmpty() ? null : value;
        }
    }

    @Override
    protected void doSetQueryTag(Connection c, String tag) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(tag == null ? "alter session unset query_tag" : setQueryTagSql(tag));
        }
    }

    static String setQueryTagSql(String tag) {
        return "alter session set query_tag = " + literal(tag);
    }

    /** A Snowflake string literal: backslash is an escape character there, so it is doubled too. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    // ---- loading -------------------------------------------------------------------------------

    /**
     * {@code insert into t ("C1", ...) values (?, ...)}, loaded as JDBC batches, which the driver
     * sends array-bound (one request per batch).
     */
    @Override
    protected String insertRowsSql(Relation table, List<Column> columns) {
        StringBuilder sql = new StringBuilder("insert into ").append(table.render()).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(Quoting.ALL_DOUBLE.quote(columns.get(i).name()));
        }
        sql.append(") values (");
        appendMarkers(sql, columns.size());
        return sql.append(')').toString();
    }

    /**
     * Snowflake's native CSV load is {@code PUT} to a stage and {@code COPY INTO}; without a stage
     * the file is read here and its fields bound as text, which Snowflake casts to each column's
     * type, through the same array-bound inserts as {@link #doLoadRows}.
     */
    @Override
    protected long doLoadCsv(Connection c, Relation table, Path csvFile, CsvOptions options) throws SQLException {
        List<Column> columns = doGetColumns(c, table);
        if (columns.isEmpty()) {
            throw new SQLException("Table '" + table.render() + "' does not exist or not authorized.", "02000", 2003);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setQuote(options.quote())
                .setSkipHeaderRecord(options.header()).setHeader().get();
        if (!options.header()) {
            format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setQuote(options.quote()).get();
        }
        try (CSVParser parser = CSVParser.parse(csvFile, StandardCharsets.UTF_8, format)) {
            Iterable<Object[]> rows = () -> java.util.stream.StreamSupport.stream(parser.spliterator(), false)
                    .map(record -> {
                        Object[] row = new Object[record.size()];
                        for (int i = 0; i < row.length; i++) {
                            String field = record.get(i);
                            row[i] = field.equals(options.nullString()) ? null : field;
                        }
                        return row;
                    }).iterator();
            return doLoadRows(c, table, columns, rows);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new SQLException("Could not read " + csvFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Dates and times bind as ISO text that Snowflake casts to the column's type, so no JVM time
     * zone shifts a value on its way.
     */
    @Override
    protected Object bindValue(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
        }
        if (value instanceof LocalTime time) {
            return time.toString();
        }
        return value;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String schemaName(String database, String schema, Quoting q) {
        String s = q.schema() ? q.quote(schema) : schema;
        if (database == null || database.isEmpty()) {
            return s;
        }
        return (q.database() ? q.quote(database) : database) + "." + s;
    }

    private static Relation.RelationType relationType(String kind) {
        if (kind == null) {
            return Relation.RelationType.UNKNOWN;
        }
        String k = kind.toUpperCase(Locale.ROOT);
        if (k.contains("MATERIALIZED")) {
            return Relation.RelationType.MATERIALIZED_VIEW;
        }
        if (k.contains("VIEW")) {
            return Relation.RelationType.VIEW;
        }
        return k.contains("TABLE") ? Relation.RelationType.TABLE : Relation.RelationType.UNKNOWN;
    }

    private static String kind(Relation relation) {
        return relation.type() == Relation.RelationType.VIEW || relation.type() == Relation.RelationType.MATERIALIZED_VIEW
                ? "view" : "table";
    }

    @Override
    public String toString() {
        return "SnowflakeAdapter[" + profile + "]";
    }
}
