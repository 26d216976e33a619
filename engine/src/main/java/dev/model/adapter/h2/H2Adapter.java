package dev.model.adapter.h2;

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
import org.h2.Driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * H2 embedded ({@code type: h2}), for fast tests. Profile field {@code path}: {@code mem:<name>}
 * for an in-memory database that lives while the adapter is open, or a file path (H2 adds
 * {@code .mv.db}). Unquoted names fold to upper case, as in Snowflake; relations are quoted
 * by default, so names keep the case the project writes. The default schema is {@code PUBLIC},
 * H2's own. DDL commits implicitly in H2, so it lacks {@link Capability#TRANSACTIONAL_DDL}.
 */
public final class H2Adapter extends AbstractJdbcAdapter {

    private static final Set<Capability> CAPABILITIES = EnumSet.of(
            Capability.CREATE_OR_REPLACE_VIEW, Capability.MERGE, Capability.RENAME_TABLE, Capability.COMMENTS,
            Capability.BULK_CSV_LOAD, Capability.CANCEL);

    /** H2's length for a varchar declared without one: printed as plain CHARACTER VARYING. */
    private static final long MAX_VARCHAR = 1_000_000_000L;

    private final String url;
    private final Properties credentials;
    /** Keeps an in-memory database alive between leases; closing it drops the database. */
    private final Connection keeper;
    private final String databaseName;
    private final String schema;

    private H2Adapter(String url, Properties credentials, Connection keeper, String schema, int threads, Log log)
            throws SQLException {
        super("h2", CAPABILITIES, threads, log);
        this.url = url;
        this.credentials = credentials;
        this.keeper = keeper;
        this.databaseName = keeper.getCatalog();
        this.schema = schema;
    }

    public static H2Adapter open(Target target, Path baseDirectory, Log log) {
        TargetSettings settings = new TargetSettings(target);
        // Without a path, each adapter gets its own database: two runs in one JVM never share one.
        String path = settings.string("path", "mem:model_" + java.util.UUID.randomUUID().toString().replace("-", ""));
        if (path.contains(";")) {
            // URL options such as INIT=RUNSCRIPT would run arbitrary scripts: the path is only a name.
            throw ModelException.project("profiles.yml: H2 path '" + path + "' of target '" + target.name()
                    + "' must not contain ';' (connection options are not accepted)");
        }
        String url;
        String shown;
        if (path.startsWith("mem:")) {
            url = "jdbc:h2:" + path;
            shown = path;
        } else {
            Path file = baseDirectory.resolve(path.endsWith(".mv.db") ? path.substring(0, path.length() - 6) : path)
                    .toAbsolutePath().normalize();
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw ModelException.project("H2 database directory " + file.getParent() + " does not exist (path '"
                        + path + "' of target '" + target.name() + "'); create it or change the path");
            }
            url = "jdbc:h2:file:" + file;
            shown = file + ".mv.db";
        }
        // Concurrent DDL from several threads waits on H2's system table: give it longer than the
        // default second, which a loaded machine exceeds ("Timeout trying to lock table SYS").
        url = url + ";LOCK_TIMEOUT=30000";
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.string("user", "sa"));
        credentials.setProperty("password", settings.string("password", ""));
        String schema = target.schema() == null || target.schema().isBlank() ? "PUBLIC" : target.schema();
        try {
            Connection keeper = new Driver().connect(url, credentials);
            return new H2Adapter(url, credentials, keeper, schema, target.threads(), log);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("already in use")) {
                throw new ModelException(ErrorCategory.WAREHOUSE, "H2 database file " + shown
                        + " is locked by another process; close it and retry", null, e);
            }
            throw new ModelException(ErrorCategory.WAREHOUSE, "Could not open H2 database " + shown + ": "
                    + message.replaceAll("\\s+", " ").trim(), null, e);
        }
    }

    /** Concurrent DDL deadlocks on H2's system table ("Timeout trying to lock table SYS"). */
    @Override
    protected boolean statementsTakeTurns() {
        return true;
    }

    @Override
    public Quoting quoting() {
        return Quoting.ALL_DOUBLE;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.FOLD_UPPER;
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
        return new Driver().connect(url, credentials);
    }

    @Override
    protected void closeDatabase() throws SQLException {
        keeper.close();
    }

    /** H2 names a schema without its database. */
    @Override
    protected String createSchemaSql(String database, String schema) {
        return "create schema if not exists " + (quoting().schema() ? quoting().quote(schema) : schema);
    }

    /** H2 reports sizes apart from the type name; dbt's columns carry them, e.g. {@code NUMERIC(10,2)}. */
    @Override
    protected List<Column> doGetColumns(Connection c, Relation relation) throws SQLException {
        String sql = "select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale"
                + " from information_schema.columns where table_catalog = ? and table_schema = ? and table_name = ?"
                + " order by ordinal_position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Quoting q = relation.quoting();
            ps.setString(1, identifierCase().stored(relation.database(), q.database()));
            ps.setString(2, identifierCase().stored(relation.schema(), q.schema()));
            ps.setString(3, identifierCase().stored(relation.identifier(), q.identifier()));
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), sized(rs.getString(2), rs.getObject(3), rs.getObject(4), rs.getObject(5))));
                }
            }
            return columns;
        }
    }

    private static String sized(String type, Object length, Object precision, Object scale) {
        if ((type.equals("NUMERIC") || type.equals("DECIMAL")) && precision != null) {
            return type + "(" + precision + "," + (scale == null ? 0 : scale) + ")";
        }
        boolean text = type.equals("CHARACTER VARYING") || type.equals("CHARACTER");
        if (text && length != null && ((Number) length).longValue() < MAX_VARCHAR) {
            return type + "(" + length + ")";
        }
        return type;
    }

    /** {@code CSVREAD}, H2's own reader; the insert casts its text columns to the table's types. */
    @Override
    protected long doLoadCsv(Connection c, Relation table, Path csvFile, CsvOptions options) throws SQLException {
        String columns = "null";
        if (!options.header()) {
            List<Column> actual = doGetColumns(c, table);
            columns = literal(actual.stream().map(Column::name).collect(Collectors.joining(String.valueOf(options.delimiter()))));
        }
        String csvOptions = "charset=UTF-8 fieldSeparator=" + options.delimiter() + " fieldDelimiter=" + options.quote()
                + (options.nullString().isEmpty() ? "" : " null=" + options.nullString());
        String sql = "insert into " + table.render() + " select * from csvread("
                + literal(csvFile.toAbsolutePath().toString()) + ", " + columns + ", " + literal(csvOptions) + ")";
        try (Statement statement = c.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
