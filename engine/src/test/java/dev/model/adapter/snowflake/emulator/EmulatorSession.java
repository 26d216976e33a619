package dev.model.adapter.snowflake.emulator;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One logged-in session: the current database, schema, warehouse and role, the session parameters,
 * its own DuckDB connection (so transactions are per session) and the temporary objects it created.
 * Statements of one session run one at a time ({@link #lock}); only a cancel reaches in from outside.
 */
final class EmulatorSession {

    final long id;
    final String token;
    final String user;
    final Connection duckDb;
    final ReentrantLock lock = new ReentrantLock();

    private volatile String database;
    private volatile String schema;
    private volatile String warehouse;
    private volatile String role;
    private volatile Statement running;
    private volatile String currentRequest;
    private final Set<String> abortedRequests = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean inTransaction;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Set<ObjectName> temporaryObjects = new LinkedHashSet<>();

    EmulatorSession(long id, String token, String user, Connection duckDb) {
        this.id = id;
        this.token = token;
        this.user = user;
        this.duckDb = duckDb;
    }

    String database() {
        return database;
    }

    String schema() {
        return schema;
    }

    String warehouse() {
        return warehouse;
    }

    String role() {
        return role;
    }

    void database(String database) {
        this.database = database;
    }

    void schema(String schema) {
        this.schema = schema;
    }

    void warehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    void role(String role) {
        this.role = role;
    }

    synchronized String parameter(String name) {
        return parameters.get(name.toUpperCase(Locale.ROOT));
    }

    synchronized void parameter(String name, String value) {
        if (value == null) {
            parameters.remove(name.toUpperCase(Locale.ROOT));
        } else {
            parameters.put(name.toUpperCase(Locale.ROOT), value);
        }
    }

    /** Snowflake's AUTOCOMMIT session parameter; the driver turns it off for setAutoCommit(false). */
    boolean autocommit() {
        String value = parameter("AUTOCOMMIT");
        return value == null || !value.equalsIgnoreCase("false");
    }

    boolean inTransaction() {
        return inTransaction;
    }

    void inTransaction(boolean open) {
        this.inTransaction = open;
    }

    Statement running() {
        return running;
    }

    void running(Statement statement) {
        this.running = statement;
    }

    /** A query request starts; false if the driver already aborted it (its abort can overtake it). */
    boolean beginRequest(String requestId) {
        currentRequest = requestId;
        return requestId == null || !abortedRequests.contains(requestId);
    }

    void endRequest(String requestId) {
        currentRequest = null;
        if (requestId != null) {
            abortedRequests.remove(requestId);
        }
    }

    /** Forgets an abort whose request never arrived (or already ended). */
    void endRequestIfIdle(String requestId) {
        if (!requestId.equals(currentRequest)) {
            abortedRequests.remove(requestId);
        }
    }

    /** Marks a request aborted. */
    void abort(String requestId) {
        abortedRequests.add(requestId);
    }

    boolean isAborted(String requestId) {
        return abortedRequests.contains(requestId);
    }

    /** Whether the request now running was aborted (checked before each DuckDB statement). */
    boolean currentRequestAborted() {
        String request = currentRequest;
        return request != null && abortedRequests.contains(request);
    }

    String currentRequest() {
        return currentRequest;
    }

    synchronized void addTemporary(ObjectName name) {
        temporaryObjects.add(name);
    }

    synchronized void forgetTemporary(ObjectName name) {
        temporaryObjects.remove(name);
    }

    synchronized Set<ObjectName> temporaryObjects() {
        return new LinkedHashSet<>(temporaryObjects);
    }
}
