package dev.model.adapter.snowflake.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * The HTTP side: the JSON endpoints the snowflake-jdbc driver calls (login, query, abort, heartbeat,
 * token renewal, telemetry, session close), answered in Snowflake's response shapes. Every answer is
 * HTTP 200; success or failure is in the JSON, as Snowflake does it.
 */
final class ProtocolServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatedAccount account;
    private final StatementExecutor executor;
    private final HttpServer server;
    private final ExecutorService threads;
    private final ScheduledExecutorService timers;

    ProtocolServer(EmulatedAccount account) throws IOException {
        this.account = account;
        this.executor = new StatementExecutor(account);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "snowflake-emulator");
            thread.setDaemon(true);
            return thread;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snowflake-emulator-timeout");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode reply;
            try {
                reply = route(exchange);
            } catch (SnowflakeError e) {
                reply = error(e, null);
            } catch (RuntimeException e) {
                reply = error(new SnowflakeError("000603", "XX000", "SQL execution internal error: " + e), null);
            }
            byte[] body = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private JsonNode route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        JsonNode body = body(exchange);
        return switch (path) {
            case "/session/v1/login-request" -> login(body, query);
            case "/queries/v1/query-request" -> query(session(exchange), body, query.get("requestId"));
            case "/queries/v1/abort-request" -> abort(exchange, body);
            case "/session" -> closeSession(exchange, query);
            case "/session/heartbeat" -> success(JSON.createObjectNode());
            case "/session/token-request" -> renew(exchange);
            case "/telemetry/send" -> success(JSON.getNodeFactory().textNode("Log Received"));
            default -> throw new SnowflakeError("390400", "08001", "The Snowflake protocol emulator has no endpoint " + path);
        };
    }

    // ---------------------------------------------------------------- login and sessions

    private JsonNode login(JsonNode body, Map<String, String> query) {
        JsonNode data = body.path("data");
        String user = data.path("LOGIN_NAME").asText("");
        if (data.path("AUTHENTICATOR").asText("").equalsIgnoreCase("SNOWFLAKE_JWT")) {
            java.security.PublicKey key = account.options.publicKeys().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(user)).map(Map.Entry::getValue).findFirst().orElse(null);
            if (KeyPairJwt.problem(data.path("TOKEN").asText(""), TestingSnowflakeEmulator.ACCOUNT, user, key,
                    java.time.Instant.now()).isPresent()) {
                // Snowflake names the failure only by an id an administrator can look up.
                return loginError("390144", "JWT token is invalid. [" + UUID.randomUUID() + "]", "KEY_PAIR");
            }
        } else {
            String password = data.path("PASSWORD").asText("");
            Optional<String> expected = account.options.users().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(user)).map(Map.Entry::getValue).findFirst();
            if (expected.isEmpty() || !expected.get().equals(password)) {
                return loginError("390100", "Incorrect username or password was specified.");
            }
        }
        String role = query.getOrDefault("roleName", account.options.roles().get(0));
        Optional<String> knownRole = account.options.roles().stream().filter(r -> r.equalsIgnoreCase(unquote(role))).findFirst();
        if (knownRole.isEmpty()) {
            return loginError("390189", "Role '" + unquote(role).toUpperCase(java.util.Locale.ROOT)
                    + "' specified in the connect string does not exist or not authorized. Contact your local system administrator,"
                    + " or attempt to login with another role, e.g. PUBLIC.");
        }
        Connection duckDb;
        try {
            duckDb = account.newConnection();
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e);
        }
        String token = "emulator-" + UUID.randomUUID();
        EmulatorSession session = new EmulatorSession(account.nextSessionId(), token, user, duckDb);
        session.role(knownRole.get());
        session.warehouse(query.containsKey("warehouse") ? account.warehouse(unquote(query.get("warehouse"))).orElse(null) : null);
        DuckDbCatalog catalog = new DuckDbCatalog(duckDb);
        if (query.containsKey("databaseName")) {
            catalog.database(unquote(query.get("databaseName"))).ifPresent(database -> {
                session.database(database);
                String schema = unquote(query.getOrDefault("schemaName", "PUBLIC"));
                if (catalog.schemaExists(database, schema)) {
                    session.schema(schema);
                }
            });
        }
        NativeStatements.useInDuckDb(session);
        Iterator<Map.Entry<String, JsonNode>> parameters = data.path("SESSION_PARAMETERS").fields();
        while (parameters.hasNext()) {
            Map.Entry<String, JsonNode> parameter = parameters.next();
            if (!parameter.getKey().startsWith("CLIENT_") && !parameter.getKey().startsWith("JDBC_")) {
                session.parameter(parameter.getKey(), parameter.getValue().asText());
            }
        }
        account.addSession(session);

        ObjectNode reply = JSON.createObjectNode();
        reply.put("token", token);
        reply.put("masterToken", "master-" + token);
        reply.put("validityInSeconds", 86_400);
        reply.put("masterValidityInSeconds", 345_600);
        reply.put("displayUserName", user.toUpperCase(java.util.Locale.ROOT));
        reply.put("serverVersion", account.options.serverVersion());
        reply.put("firstLogin", false);
        reply.putNull("remMeToken");
        reply.put("remMeValidityInSeconds", 0);
        reply.put("healthCheckInterval", 45);
        reply.putNull("newClientForUpgrade");
        reply.put("sessionId", session.id);
        reply.set("parameters", loginParameters(session));
        reply.set("sessionInfo", sessionInfo(session));
        reply.putNull("idToken");
        reply.put("idTokenValidityInSeconds", 0);
        reply.putNull("responseData");
        reply.putNull("mfaToken");
        reply.put("mfaTokenValidityInSeconds", 0);
        return success(reply);
    }

    private ArrayNode loginParameters(EmulatorSession session) {
        ArrayNode parameters = JSON.createArrayNode();
        parameter(parameters, "AUTOCOMMIT", session.autocommit());
        parameter(parameters, "TIMEZONE", "UTC");
        parameter(parameters, "CLIENT_SESSION_KEEP_ALIVE", false);
        parameter(parameters, "CLIENT_RESULT_COLUMN_CASE_INSENSITIVE", false);
        parameter(parameters, "CLIENT_TELEMETRY_ENABLED", false);
        parameter(parameters, "CLIENT_TELEMETRY_OOB_ENABLED", false);
        parameter(parameters, "JDBC_QUERY_RESULT_FORMAT", "JSON");
        parameter(parameters, "DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
        parameter(parameters, "TIME_OUTPUT_FORMAT", "HH24:MI:SS");
        parameter(parameters, "TIMESTAMP_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM");
        parameter(parameters, "TIMESTAMP_NTZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3");
        parameter(parameters, "TIMESTAMP_LTZ_OUTPUT_FORMAT", "");
        parameter(parameters, "TIMESTAMP_TZ_OUTPUT_FORMAT", "");
        parameter(parameters, "BINARY_OUTPUT_FORMAT", "HEX");
        return parameters;
    }

    private static void parameter(ArrayNode parameters, String name, Object value) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        if (value instanceof Boolean b) {
            parameter.put("value", b);
        } else {
            parameter.put("value", String.valueOf(value));
        }
    }

    private ObjectNode sessionInfo(EmulatorSession session) {
        ObjectNode info = JSON.createObjectNode();
        info.put("databaseName", session.database());
        info.put("schemaName", session.schema());
        info.put("warehouseName", session.warehouse());
        info.put("roleName", session.role());
        return info;
    }

    private ObjectNode loginError(String code, String message) {
        return loginError(code, message, "USERNAME_PASSWORD");
    }

    private ObjectNode loginError(String code, String message, String authnMethod) {
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode data = reply.putObject("data");
        data.put("nextAction", "RETRY_LOGIN");
        data.put("authnMethod", authnMethod);
        data.put("loginName", (String) null);
        data.put("errorCode", code);
        reply.put("code", code);
        reply.put("message", message);
        reply.put("success", false);
        reply.putNull("headers");
        return reply;
    }

    private EmulatorSession session(HttpExchange exchange) {
        return account.session(token(exchange)).orElseThrow(() ->
                new SnowflakeError("390111", "08001", "Session no longer exists.  New login required to access the service."));
    }

    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return null;
        }
        int start = header.indexOf("Token=\"");
        if (start < 0) {
            return null;
        }
        int end = header.indexOf('"', start + 7);
        return end < 0 ? null : header.substring(start + 7, end);
    }

    private JsonNode closeSession(HttpExchange exchange, Map<String, String> query) {
        if (!"true".equalsIgnoreCase(query.get("delete"))) {
            return success(JSON.createObjectNode());
        }
        EmulatorSession session = account.removeSession(token(exchange));
        if (session != null) {
            close(session);
        }
        return success(JSON.createObjectNode());
    }

    /** Closing a session rolls back its open transaction and drops its temporary objects, as Snowflake does. */
    void close(EmulatorSession session) {
        cancel(session);
        session.lock.lock();
        try {
            if (session.inTransaction()) {
                NativeStatements.rollbackQuietly(session);
                session.inTransaction(false);
            }
            for (ObjectName temporary : session.temporaryObjects()) {
                for (String kind : List.of("table", "view")) {
                    try (Statement statement = session.duckDb.createStatement()) {
                        statement.execute("drop " + kind + " if exists " + temporary.duckDb());
                    } catch (SQLException ignored) {
                        // it is the other kind, or already gone
                    }
                }
                account.dropped(temporary);
            }
            session.duckDb.close();
        } catch (SQLException ignored) {
            // closing DuckDB's connection of an ending session
        } finally {
            session.lock.unlock();
        }
    }

    private JsonNode renew(HttpExchange exchange) {
        EmulatorSession session = session(exchange);
        ObjectNode data = JSON.createObjectNode();
        data.put("sessionToken", session.token);
        data.put("validityInSecondsST", 86_400);
        data.put("masterToken", "master-" + session.token);
        data.put("validityInSecondsMT", 345_600);
        data.put("sessionId", session.id);
        return success(data);
    }

    /**
     * The driver sends one abort per execution, which may arrive before the query runs on DuckDB, or in
     * the instant before DuckDB starts it (when a DuckDB cancel is lost). So the request is marked
     * aborted (checked before each DuckDB statement) and its running statement cancelled repeatedly until
     * the request ends; a request never seen is forgotten after a minute.
     */
    private JsonNode abort(HttpExchange exchange, JsonNode body) {
        String requestId = body.path("requestId").asText(null);
        account.session(token(exchange)).ifPresent(session -> {
            if (requestId == null) {
                cancel(session);
                return;
            }
            session.abort(requestId);
            if (requestId.equals(session.currentRequest())) {
                cancel(session);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
            task.set(timers.scheduleWithFixedDelay(() -> {
                if (!session.isAborted(requestId) || System.nanoTime() > deadline) {
                    session.endRequestIfIdle(requestId);
                    ScheduledFuture<?> self = task.get();
                    if (self != null) {
                        self.cancel(false);
                    }
                } else if (requestId.equals(session.currentRequest())) {
                    cancel(session);
                }
            }, 25, 25, TimeUnit.MILLISECONDS));
        });
        return success(JSON.createObjectNode());
    }

    static void cancel(EmulatorSession session) {
        Statement running = session.running();
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException ignored) {
                // it finished meanwhile
            }
        }
    }

    /**
     * The request's query_timeout (the driver's setQueryTimeout; the driver also cancels by itself then, and
     * whichever comes first decides between 000630 and 000604), else STATEMENT_TIMEOUT_IN_SECONDS; 0 is none.
     */
    private static int timeoutSeconds(JsonNode body, EmulatorSession session) {
        String value = body.path("parameters").path("query_timeout").asText(null);
        if (value == null) {
            value = body.path("parameters").path("STATEMENT_TIMEOUT_IN_SECONDS").asText(null);
        }
        if (value == null) {
            value = session.parameter("STATEMENT_TIMEOUT_IN_SECONDS");
        }
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- queries

    private JsonNode query(EmulatorSession session, JsonNode body, String requestId) {
        String sqlText = body.path("sqlText").asText("");
        String queryId = account.nextQueryId();
        if (body.path("describeOnly").asBoolean(false)) {
            Reply reply = executor.describe(sqlText);
            ObjectNode data = data(session, reply, queryId);
            data.put("numberOfBinds", StatementExecutor.placeholders(sqlText));
            data.put("arrayBindSupported", reply.type().isDml() || reply.type() == StatementType.SELECT);
            return success(data);
        }
        String queryTag = body.path("parameters").path("QUERY_TAG").asText(null);
        int timeout = timeoutSeconds(body, session);
        AtomicBoolean timedOut = new AtomicBoolean();
        session.lock.lock();
        ScheduledFuture<?> timer = timeout <= 0 ? null : timers.schedule(() -> {
            timedOut.set(true);
            cancel(session);
        }, timeout, TimeUnit.SECONDS);
        try {
            if (!session.beginRequest(requestId)) {
                throw StatementExecutor.canceled();
            }
            Reply reply = executor.execute(session, sqlText, body.get("bindings"), queryTag != null ? queryTag : session.parameter("QUERY_TAG"));
            return success(data(session, reply, queryId));
        } catch (SnowflakeError e) {
            if (timedOut.get()) {
                return error(new SnowflakeError("000630", "57014", "Statement reached its statement or warehouse timeout of "
                        + timeout + " second(s) and was canceled."), queryId);
            }
            return error(e, queryId);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            session.endRequest(requestId);
            session.lock.unlock();
        }
    }

    private ObjectNode data(EmulatorSession session, Reply reply, String queryId) {
        ObjectNode data = JSON.createObjectNode();
        // Like Snowflake, every reply carries the session parameters: the driver formats values of this
        // result with them and keeps its view of AUTOCOMMIT (setAutoCommit sends alter session only on a change).
        data.set("parameters", loginParameters(session));
        ArrayNode rowtype = data.putArray("rowtype");
        for (RowType column : reply.columns()) {
            rowtype.add(JSON.valueToTree(column.json()));
        }
        ArrayNode rowset = data.putArray("rowset");
        for (List<String> row : reply.rows()) {
            ArrayNode values = rowset.addArray();
            for (String value : row) {
                values.add(value);
            }
        }
        data.put("total", reply.rows().size());
        data.put("returned", reply.rows().size());
        data.put("queryId", queryId);
        data.putNull("databaseProvider");
        data.put("finalDatabaseName", session.database());
        data.put("finalSchemaName", session.schema());
        data.put("finalWarehouseName", session.warehouse());
        data.put("finalRoleName", session.role());
        data.put("numberOfBinds", 0);
        data.put("arrayBindSupported", false);
        data.put("statementTypeId", reply.type().id);
        data.put("version", 1);
        data.put("sendResultTime", System.currentTimeMillis());
        data.put("queryResultFormat", "json");
        return data;
    }

    private static ObjectNode success(JsonNode data) {
        ObjectNode reply = JSON.createObjectNode();
        reply.set("data", data);
        reply.putNull("code");
        reply.putNull("message");
        reply.put("success", true);
        return reply;
    }

    private static ObjectNode error(SnowflakeError e, String queryId) {
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode data = reply.putObject("data");
        data.put("internalError", false);
        data.put("errorCode", e.code());
        data.put("age", 0);
        data.put("sqlState", e.sqlState());
        data.put("queryId", queryId);
        data.put("line", -1);
        data.put("pos", -1);
        data.put("type", "COMPILATION");
        reply.put("code", e.code());
        reply.put("message", e.getMessage());
        reply.put("success", false);
        reply.putNull("headers");
        return reply;
    }

    // ---------------------------------------------------------------- HTTP helpers

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (raw.length == 0) {
            return JSON.createObjectNode();
        }
        if (raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            }
        }
        return JSON.readTree(raw);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    /** Connection properties may quote names ("My Db"); unquoted ones fold to upper case. */
    private static String unquote(String name) {
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        server.stop(0);
        timers.shutdownNow();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
