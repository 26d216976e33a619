package dev.model.adapter.snowflake.emulator;

import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Everything one emulator instance knows beyond DuckDB's own catalog: users, roles and warehouses,
 * the sessions, the statement log, grants and owners per relation, dynamic table definitions and
 * injected faults. Nothing here is static: two emulators in one JVM are independent.
 */
final class EmulatedAccount implements AutoCloseable {

    record Fault(Predicate<String> sql, SnowflakeError error) {
    }

    record DynamicTable(ObjectName name, String targetLag, String warehouse, String refreshMode, String text,
                        String duckDbQuery, Instant createdOn) {
    }

    final TestingSnowflakeEmulator.Options options;
    private final DuckDBConnection root;
    private final Map<String, EmulatorSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong(1000);
    private final AtomicLong queryIds = new AtomicLong();
    private final List<ReceivedStatement> statements = new ArrayList<>();
    private final Map<String, Set<Grant>> grants = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final Map<String, Instant> createdOn = new ConcurrentHashMap<>();
    private final Map<String, DynamicTable> dynamicTables = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Set<String> databases = new LinkedHashSet<>();

    EmulatedAccount(TestingSnowflakeEmulator.Options options) throws SQLException {
        this.options = options;
        this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        defineSessionMacros(root);
        for (String database : options.databases()) {
            createDatabase(database);
        }
    }

    /** Snowflake databases are DuckDB catalogs (in memory), each with Snowflake's default schema PUBLIC. */
    synchronized void createDatabase(String name) throws SQLException {
        try (Statement statement = root.createStatement()) {
            statement.execute("attach ':memory:' as " + ObjectName.quote(name));
        }
        try (Statement statement = root.createStatement()) {
            statement.execute("create schema " + ObjectName.quote(name) + ".\"PUBLIC\"");
        }
        databases.add(name);
    }

    synchronized List<String> databases() {
        return List.copyOf(databases);
    }

    synchronized void dropDatabase(String name) throws SQLException {
        try (Statement statement = root.createStatement()) {
            statement.execute("detach " + ObjectName.quote(name));
        }
        databases.remove(name);
    }

    /** A connection for a new session, with the emulator's session macros. */
    Connection newConnection() throws SQLException {
        Connection connection = root.duplicate();
        defineSessionMacros(connection);
        return connection;
    }

    private static void defineSessionMacros(Connection connection) throws SQLException {
        for (String macro : SnowflakeToDuckDb.SESSION_MACROS) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(macro);
            }
        }
    }

    synchronized Connection rootConnection() {
        return root;
    }

    String nextQueryId() {
        long n = queryIds.incrementAndGet();
        return String.format(Locale.ROOT, "01b%05x-0000-4e4d-0000-%012x", n & 0xfffff, n);
    }

    long nextSessionId() {
        return sessionIds.incrementAndGet();
    }

    void addSession(EmulatorSession session) {
        sessions.put(session.token, session);
    }

    Optional<EmulatorSession> session(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(sessions.get(token));
    }

    EmulatorSession removeSession(String token) {
        return token == null ? null : sessions.remove(token);
    }

    List<EmulatorSession> sessions() {
        return new ArrayList<>(sessions.values());
    }

    boolean roleExists(String role) {
        return options.roles().stream().anyMatch(r -> r.equalsIgnoreCase(role));
    }

    Optional<String> warehouse(String name) {
        return options.warehouses().stream().filter(w -> w.equalsIgnoreCase(name)).findFirst();
    }

    // ---------------------------------------------------------------- statement log and faults

    synchronized void record(ReceivedStatement statement) {
        statements.add(statement);
    }

    synchronized List<ReceivedStatement> statements() {
        return List.copyOf(statements);
    }

    synchronized void clearStatements() {
        statements.clear();
    }

    synchronized void addFault(Fault fault) {
        faults.add(fault);
    }

    /** Removes and returns the first injected fault matching this statement. */
    synchronized Optional<SnowflakeError> takeFault(String sqlText) {
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i).sql().test(sqlText)) {
                return Optional.of(faults.remove(i).error());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- grants and owners

    synchronized void grant(ObjectName relation, String privilege, String role) {
        grants.computeIfAbsent(relation.qualified(), k -> new LinkedHashSet<>()).add(new Grant(privilege, role));
    }

    synchronized void revoke(ObjectName relation, String privilege, String role) {
        Set<Grant> set = grants.get(relation.qualified());
        if (set != null) {
            set.remove(new Grant(privilege, role));
            if (set.isEmpty()) {
                grants.remove(relation.qualified());
            }
        }
    }

    synchronized Set<Grant> grantsOn(ObjectName relation) {
        return new LinkedHashSet<>(grants.getOrDefault(relation.qualified(), Set.of()));
    }

    synchronized Map<String, Set<Grant>> grants() {
        Map<String, Set<Grant>> copy = new LinkedHashMap<>();
        grants.forEach((relation, set) -> copy.put(relation, Set.copyOf(set)));
        return copy;
    }

    /** A relation was created or replaced: it belongs to {@code role}; without copy grants it loses its grants. */
    synchronized void created(ObjectName relation, String role, boolean copyGrants) {
        owners.put(relation.qualified(), role);
        createdOn.put(relation.qualified(), Instant.now());
        if (!copyGrants) {
            grants.remove(relation.qualified());
        }
    }

    synchronized void dropped(ObjectName relation) {
        owners.remove(relation.qualified());
        createdOn.remove(relation.qualified());
        grants.remove(relation.qualified());
        dynamicTables.remove(relation.qualified());
    }

    /** A dropped schema takes its relations' grants, owners and dynamic table definitions with it. */
    synchronized void droppedSchema(String database, String schema) {
        droppedPrefix(database + "." + schema + ".");
    }

    /** Forgets everything kept about relations whose qualified name starts with {@code prefix} ("DB." or "DB.SCHEMA."). */
    synchronized void droppedPrefix(String qualifiedPrefix) {
        String prefix = qualifiedPrefix.toUpperCase(Locale.ROOT);
        owners.keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).startsWith(prefix));
        createdOn.keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).startsWith(prefix));
        grants.keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).startsWith(prefix));
        dynamicTables.keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).startsWith(prefix));
    }

    synchronized void renamed(ObjectName from, ObjectName to) {
        String owner = owners.remove(from.qualified());
        if (owner != null) {
            owners.put(to.qualified(), owner);
        }
        Instant created = createdOn.remove(from.qualified());
        if (created != null) {
            createdOn.put(to.qualified(), created);
        }
        Set<Grant> moved = grants.remove(from.qualified());
        if (moved != null) {
            grants.put(to.qualified(), moved);
        }
        DynamicTable dynamic = dynamicTables.remove(from.qualified());
        if (dynamic != null) {
            dynamicTables.put(to.qualified(), new DynamicTable(to, dynamic.targetLag(), dynamic.warehouse(),
                    dynamic.refreshMode(), dynamic.text(), dynamic.duckDbQuery(), dynamic.createdOn()));
        }
    }

    synchronized Optional<String> owner(ObjectName relation) {
        return Optional.ofNullable(owners.get(relation.qualified()));
    }

    Instant createdOn(ObjectName relation) {
        return createdOn.getOrDefault(relation.qualified(), Instant.EPOCH);
    }

    // ---------------------------------------------------------------- dynamic tables

    synchronized void defineDynamicTable(DynamicTable table) {
        dynamicTables.put(table.name().qualified(), table);
    }

    synchronized Optional<DynamicTable> dynamicTable(ObjectName name) {
        return Optional.ofNullable(dynamicTables.get(name.qualified()));
    }

    synchronized List<DynamicTable> dynamicTables(String database, String schema) {
        List<DynamicTable> list = new ArrayList<>();
        for (DynamicTable table : dynamicTables.values()) {
            if (table.name().database().equalsIgnoreCase(database) && table.name().schema().equalsIgnoreCase(schema)) {
                list.add(table);
            }
        }
        return list;
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
