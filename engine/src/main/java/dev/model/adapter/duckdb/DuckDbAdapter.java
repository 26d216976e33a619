package dev.model.adapter.duckdb;

import dev.model.adapter.AbstractJdbcAdapter;
import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.CsvOptions;
import dev.model.adapter.IdentifierCase;
import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.adapter.TargetSettings;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB embedded ({@code type: duckdb}). One database handle per adapter; every pooled
 * connection is a {@link DuckDBConnection#duplicate()} of it, so all threads share one instance
 * (DuckDB lets one process write a file; in-process connections to it share the handle).
 * Profile fields: {@code path} (a file, or {@code :memory:}, the default), {@code extensions}
 * (loaded, never installed: no network), {@code settings} (DuckDB configuration).
 */
public final class DuckDbAdapter extends AbstractJdbcAdapter {

    private static final String MEMORY = ":memory:";
    private static final Pattern EXTENSION_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.*?\\(PID \\d+\\))");
    private static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.TRANSACTIONAL_DDL, Capability.CREATE_OR_REPLACE_TABLE, Capability.CREATE_OR_REPLACE_VIEW,
            Capability.MERGE, Capability.RENAME_TABLE, Capability.COMMENTS, Capability.SCHEMAS_IN_DATABASE,
            Capability.BULK_CSV_LOAD, Capability.CANCEL);

    private final DuckDBConnection database;
    private final String databaseName;
    private final String schema;

    private DuckDbAdapter(DuckDBConnection database, String databaseName, String schema, int threads, Log log) {
        super("duckdb", CAPABILITIES, threads, log);
        this.database = database;
        this.databaseName = databaseName;
        this.schema = schema;
    }

    public static DuckDbAdapter open(Target target, Path baseDirectory, Log log) {
        TargetSettings settings = new TargetSettings(target);
        String path = settings.string("path", MEMORY);
        Properties config = new Properties();
        // Known extensions would otherwise download on first use: no hidden network calls.
        config.setProperty("autoinstall_known_extensions", "false");
        config.putAll(settings.map("settings"));
        List<String> extensions = settings.strings("extensions");
        for (String extension : extensions) {
            if (!EXTENSION_NAME.matcher(extension).matches()) {
                throw ModelException.project("profiles.yml: DuckDB extension name '" + extension
                        + "' of target '" + target.name() + "' is not a plain name");
            }
        }
        DuckDBConnection connection;
        if (MEMORY.equals(path)) {
            connection = connect("jdbc:duckdb:", config, path);
        } else {
            Path file = baseDirectory.resolve(path).toAbsolutePath().normalize();
            Path directory = file.getParent();
            if (directory != null && !Files.isDirectory(directory)) {
                throw ModelException.project("DuckDB database directory " + directory + " does not exist (path '"
                        + path + "' of target '" + target.name() + "'); create it or change the path");
            }
            connection = connect("jdbc:duckdb:" + file, config, file.toString());
        }
        String databaseName;
        try (Statement statement = connection.createStatement()) {
            for (String extension : extensions) {
                statement.execute("load " + extension);
            }
            // DuckDB names the catalog itself (the file name up to its first dot, or "memory").
            try (ResultSet rs = statement.executeQuery("select current_database()")) {
                rs.next();
                databaseName = rs.getString(1);
            }
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw new ModelException(ErrorCategory.WAREHOUSE, "Could not start DuckDB with extensions " + extensions
                    + " (install them once with the DuckDB CLI; model never downloads): " + e.getMessage(), null, e);
        }
        if (target.database() != null && !target.database().equalsIgnoreCase(databaseName)) {
            close(connection);
            throw ModelException.project("profiles.yml: database '" + target.database() + "' of target '" + target.name()
                    + "' does not match the DuckDB path '" + path + "'; omit 'database' or set it to '" + databaseName + "'");
        }
        String schema = target.schema() == null || target.schema().isBlank() ? "main" : target.schema();
        return new DuckDbAdapter(connection, databaseName, schema, target.threads(), log);
    }

    private static DuckDBConnection connect(String url, Properties config, String shownPath) {
        try {
            return (DuckDBConnection) new DuckDBDriver().connect(url, config);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Could not set lock on file")) {
                Matcher holder = LOCK_HOLDER.matcher(message);
                throw new ModelException(ErrorCategory.WAREHOUSE, "DuckDB database file " + shownPath
                        + " is locked by another process" + (holder.find() ? " (" + holder.group(1) + ")" : "")
                        + "; close it and retry", null, e);
            }
            throw new ModelException(ErrorCategory.WAREHOUSE, "Could not open DuckDB database " + shownPath + ": "
                    + message.replaceAll("\\s+", " ").trim(), null, e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ModelException(ErrorCategory.WAREHOUSE, "Could not close DuckDB: " + e.getMessage(), null, e);
        }
    }

    @Override
    public Quoting quoting() {
        return Quoting.ALL_DOUBLE;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.PRESERVE_INSENSITIVE;
    }

    @Override
    public String database() {
        return databaseName;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    protected Connection openConnection() throws SQLException {
        return database.duplicate();
    }

    @Override
    protected void closeDatabase() throws SQLException {
        database.close();
    }

    @Override
    protected String driverVersion(DatabaseMetaData meta) throws SQLException {
        String version = DuckDBDriver.class.getPackage().getImplementationVersion();
        return version != null ? version : meta.getDriverVersion();
    }

    /**
     * The Appender: rows go straight into DuckDB's columnar buffers, no SQL per row. It needs
     * values of the column's exact type, which {@link DuckDbRowAppender} converts to; a table with
     * a type it does not know takes the batched-insert path instead.
     */
    @Override
    protected long doLoadRows(Connection c, Relation table, List<Column> columns, Iterable<Object[]> rows)
            throws SQLException {
        List<Column> actual = doGetColumns(c, table);
        if (!DuckDbRowAppender.supports(actual) || actual.size() != columns.size()) {
            return super.doLoadRows(c, table, columns, rows);
        }
        return new DuckDbRowAppender(c.unwrap(DuckDBConnection.class), table, actual).append(rows);
    }

    /** {@code COPY ... FROM}: DuckDB's parallel CSV reader, casting straight to the table's types. */
    @Override
    protected long doLoadCsv(Connection c, Relation table, Path csvFile, CsvOptions options) throws SQLException {
        String sql = "copy " + table.render() + " from " + literal(csvFile.toAbsolutePath().toString())
                + " (format csv, header " + options.header() + ", delimiter " + literal(String.valueOf(options.delimiter()))
                + ", quote " + literal(String.valueOf(options.quote())) + ", null " + literal(options.nullString()) + ")";
        try (Statement statement = c.createStatement()) {
            if (statement.execute(sql)) {
                try (var rs = statement.getResultSet()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
            return statement.getUpdateCount();
        }
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
