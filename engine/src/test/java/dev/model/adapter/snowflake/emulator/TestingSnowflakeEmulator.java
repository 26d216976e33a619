package dev.model.adapter.snowflake.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Snowflake protocol emulator for tests: a local HTTP server speaking the snowflake-jdbc driver's
 * JSON protocol, executing on an in-process DuckDB. The unmodified driver connects to
 * {@link #jdbcUrl()} with {@link #connectionProperties} (plain HTTP: {@code ssl=off}).
 *
 * <p>It is a stand-in for Snowflake, not Snowflake: it translates the SQL this project emits (see
 * {@link SnowflakeToDuckDb}) and answers the metadata statements the adapter uses
 * ({@link NativeStatements}). Deliberate differences: temporary objects are visible to other sessions
 * until their session closes; a failed statement inside a transaction leaves DuckDB's transaction
 * aborted (roll back); a transaction may write to one database only (DuckDB's rule); quoted lower-case
 * names are reported upper case by show and describe.
 */
public final class TestingSnowflakeEmulator implements AutoCloseable {

    /**
     * Who and what exists in the emulated account.
     *
     * @param users         login name to password
     * @param roles         role names; the first is a user's default role
     * @param warehouses    warehouse names
     * @param databases     database names, each created with schema PUBLIC
     * @param serverVersion what current_version() and the login reply say
     * @param publicKeys    login name to the RSA public key registered for key-pair login (ALTER USER ...
     *                      SET RSA_PUBLIC_KEY); such a user may have no password
     */
    public record Options(Map<String, String> users, List<String> roles, List<String> warehouses, List<String> databases,
                          String serverVersion, Map<String, PublicKey> publicKeys) {

        public Options {
            users = Map.copyOf(users);
            publicKeys = Map.copyOf(publicKeys);
            roles = roles.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
            warehouses = warehouses.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList();
            databases = databases.stream().map(d -> d.toUpperCase(Locale.ROOT)).toList();
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("the emulator needs at least one role");
            }
        }

        public static Options defaults() {
            return new Options(Map.of("model_user", "model_password"), List.of("TRANSFORMER", "SYSADMIN", "PUBLIC"),
                    List.of("TRANSFORMING"), List.of("ANALYTICS", "RAW"), "9.0.0-emulator", Map.of());
        }

        public Options withUsers(Map<String, String> users) {
            return new Options(users, roles, warehouses, databases, serverVersion, publicKeys);
        }

        public Options withRoles(List<String> roles) {
            return new Options(users, roles, warehouses, databases, serverVersion, publicKeys);
        }

        public Options withWarehouses(List<String> warehouses) {
            return new Options(users, roles, warehouses, databases, serverVersion, publicKeys);
        }

        public Options withDatabases(List<String> databases) {
            return new Options(users, roles, warehouses, databases, serverVersion, publicKeys);
        }

        public Options withServerVersion(String serverVersion) {
            return new Options(users, roles, warehouses, databases, serverVersion, publicKeys);
        }

        /** Registers {@code key} as {@code user}'s RSA public key (replacing any), for key-pair login. */
        public Options withPublicKey(String user, PublicKey key) {
            Map<String, PublicKey> keys = new java.util.HashMap<>(publicKeys);
            keys.keySet().removeIf(u -> u.equalsIgnoreCase(user));
            keys.put(user, key);
            return new Options(users, roles, warehouses, databases, serverVersion, keys);
        }
    }

    static final String ACCOUNT = "emulator";

    private final Options options;
    private final EmulatedAccount account;
    private final ProtocolServer server;

    private TestingSnowflakeEmulator(Options options) throws SQLException, IOException {
        this.options = options;
        this.account = new EmulatedAccount(options);
        try {
            this.server = new ProtocolServer(account);
        } catch (IOException e) {
            account.close();
            throw e;
        }
    }

    /** Starts an emulator with the default account on a free port of 127.0.0.1. */
    public static TestingSnowflakeEmulator start() {
        return start(Options.defaults());
    }

    public static TestingSnowflakeEmulator start(Options options) {
        try {
            return new TestingSnowflakeEmulator(options);
        } catch (SQLException e) {
            throw new IllegalStateException("the Snowflake protocol emulator could not open DuckDB", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Options options() {
        return options;
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The account name the driver is given ({@code account=emulator}); key-pair JWTs name it upper case. */
    public String account() {
        return ACCOUNT;
    }

    public String jdbcUrl() {
        return "jdbc:snowflake://" + host() + ":" + port() + "/";
    }

    /** Driver properties for plain HTTP to this emulator, with the default role, warehouse, database and schema PUBLIC. */
    public Properties connectionProperties(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("ssl", "off");
        properties.setProperty("account", ACCOUNT);
        properties.setProperty("disablePlatformDetection", "true");
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("role", options.roles().get(0));
        if (!options.warehouses().isEmpty()) {
            properties.setProperty("warehouse", options.warehouses().get(0));
        }
        if (!options.databases().isEmpty()) {
            properties.setProperty("db", options.databases().get(0));
            properties.setProperty("schema", "PUBLIC");
        }
        return properties;
    }

    /** Connection properties of the first configured user. */
    public Properties connectionProperties() {
        Map.Entry<String, String> user = firstUser();
        return connectionProperties(user.getKey(), user.getValue());
    }

    /** A profiles.yml with one snowflake target pointing at this emulator over plain HTTP. */
    public String profileYaml(String profileName, String targetName, String schema, int threads) {
        Map.Entry<String, String> user = firstUser();
        return profileName + ":\n"
                + "  target: " + targetName + "\n"
                + "  outputs:\n"
                + "    " + targetName + ":\n"
                + "      type: snowflake\n"
                + "      account: " + ACCOUNT + "\n"
                + "      host: " + host() + "\n"
                + "      port: " + port() + "\n"
                + "      protocol: http\n"
                + "      user: " + user.getKey() + "\n"
                + "      password: " + user.getValue() + "\n"
                + "      role: " + options.roles().get(0) + "\n"
                + (options.warehouses().isEmpty() ? "" : "      warehouse: " + options.warehouses().get(0) + "\n")
                + (options.databases().isEmpty() ? "" : "      database: " + options.databases().get(0) + "\n")
                + "      schema: " + schema + "\n"
                + "      threads: " + threads + "\n";
    }

    private Map.Entry<String, String> firstUser() {
        return options.users().entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the emulator has no users"));
    }

    /** Every statement received so far (describe-only requests of prepared statements excluded), oldest first. */
    public List<ReceivedStatement> statements() {
        return account.statements();
    }

    public void clearStatements() {
        account.clearStatements();
    }

    /** Grants per relation ({@code DB.SCHEMA.NAME}, upper case) as grant and revoke statements left them; ownership excluded. */
    public Map<String, Set<Grant>> grants() {
        return account.grants();
    }

    /** Rows of a query on the backing DuckDB, read directly (Snowflake databases are DuckDB catalogs). */
    public List<List<Object>> query(String duckDbSql) {
        List<List<Object>> rows = new ArrayList<>();
        synchronized (account) {
            try (Statement statement = account.rootConnection().createStatement();
                 ResultSet result = statement.executeQuery(duckDbSql)) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(result.getObject(i));
                    }
                    rows.add(row);
                }
            } catch (SQLException e) {
                throw new IllegalArgumentException("DuckDB rejected " + duckDbSql + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** The single value of a query on the backing DuckDB. */
    public Object queryValue(String duckDbSql) {
        List<List<Object>> rows = query(duckDbSql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalArgumentException("expected one value from " + duckDbSql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    /**
     * The next statement whose text matches {@code sql} fails with this Snowflake error instead of running
     * (once). The driver raises it as a SQLException with {@code getErrorCode() == code} and that SQL state.
     */
    public void failNext(Predicate<String> sql, int code, String sqlState, String message) {
        account.addFault(new EmulatedAccount.Fault(sql, new SnowflakeError(String.format(Locale.ROOT, "%06d", code), sqlState, message)));
    }

    /** Open sessions (logged in and not closed). */
    public int openSessions() {
        return account.sessions().size();
    }

    @Override
    public void close() {
        account.sessions().forEach(ProtocolServer::cancel);
        server.close();
        for (EmulatorSession session : account.sessions()) {
            account.removeSession(session.token);
            server.close(session);
        }
        try {
            account.close();
        } catch (SQLException ignored) {
            // DuckDB is in memory; nothing is lost
        }
    }
}
