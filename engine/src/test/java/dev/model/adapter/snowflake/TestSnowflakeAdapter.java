package dev.model.adapter.snowflake;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.StatementResult;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.WarehouseVersion;
import dev.model.adapter.snowflake.emulator.Grant;
import dev.model.adapter.snowflake.emulator.ReceivedStatement;
import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Snowflake adapter through the unmodified driver against the Snowflake protocol emulator. */
final class TestSnowflakeAdapter {

    private static final String PASSWORD = "model_password";

    @TempDir
    Path dir;
    private TestingSnowflakeEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TestingSnowflakeEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** A profile for the emulator as a dbt-snowflake user writes it; {@code changes} override fields (null removes). */
    private Target target(Map<String, Object> changes) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("account", "emulator");
        connection.put("host", emulator.host());
        connection.put("port", emulator.port());
        connection.put("protocol", "http");
        connection.put("user", "model_user");
        connection.put("password", PASSWORD);
        connection.put("connect_retries", 0);
        return TestingSnowflakeTarget.of(connection, changes);
    }

    private WarehouseAdapter open(Map<String, Object> changes) {
        return SnowflakeAdapter.open(target(changes), dir, Log.silent());
    }

    private List<String> sent() {
        return emulator.statements().stream().map(ReceivedStatement::sqlText).toList();
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(PASSWORD), text);
    }

    @Test
    void connectsAndReportsDriverAndServerVersions() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            adapter.testConnection();
            WarehouseVersion version = adapter.version();
            assertTrue(version.driver().contains("4.4.1"), version.toString());
            assertTrue(version.server().startsWith("Snowflake"), version.toString());
            assertTrue(sent().contains("select 1"), sent().toString());
            assertEquals(Set.of(Capability.CREATE_OR_REPLACE_TABLE, Capability.CREATE_OR_REPLACE_VIEW, Capability.MERGE,
                    Capability.RENAME_TABLE, Capability.COMMENTS, Capability.TRANSIENT_TABLES, Capability.QUERY_TAG,
                    Capability.GRANTS, Capability.SCHEMAS_IN_DATABASE, Capability.CANCEL), adapter.capabilities());
        }
    }

    @Test
    void schemasRelationsAndColumnsThroughShowAndDescribe() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            assertEquals(List.of(), adapter.listRelations(null, "dbt_ana"), "a missing schema lists as empty");
            adapter.createSchemaIfMissing(null, "dbt_ana");
            Relation orders = adapter.relation(null, "dbt_ana", "orders");
            adapter.execute("create table " + orders + " (id number(38,0), name varchar, amount number(10,2), sold_on date)");
            adapter.execute("create view " + adapter.relation(null, "dbt_ana", "orders_v") + " as select id from " + orders);

            Relation table = adapter.getRelation(orders).orElseThrow();
            assertEquals(new Relation("ANALYTICS", "DBT_ANA", "ORDERS", Relation.RelationType.TABLE, adapter.quoting()), table);
            assertEquals(Relation.RelationType.VIEW, adapter.getRelation(null, "DBT_ANA", "Orders_V").orElseThrow().type());
            assertTrue(adapter.getRelation(null, "dbt_ana", "missing").isEmpty());
            assertEquals(List.of("ORDERS", "ORDERS_V"),
                    adapter.listRelations(null, "dbt_ana").stream().map(Relation::identifier).toList());
            assertEquals(List.of(new Column("ID", "NUMBER(38,0)"), new Column("NAME", "VARCHAR(16777216)"),
                    new Column("AMOUNT", "NUMBER(10,2)"), new Column("SOLD_ON", "DATE")), adapter.getColumns(orders));
            assertEquals(List.of(), adapter.getColumns(adapter.relation(null, "dbt_ana", "missing")));

            List<String> sql = sent();
            assertTrue(sql.contains("create schema if not exists ANALYTICS.dbt_ana"), sql.toString());
            assertTrue(sql.contains("show terse objects in schema ANALYTICS.dbt_ana limit 10000"), sql.toString());
            assertTrue(sql.contains("show terse objects like 'orders' in schema ANALYTICS.dbt_ana limit 10000"), sql.toString());
            assertTrue(sql.contains("describe table ANALYTICS.dbt_ana.orders"), sql.toString());
        }
    }

    @Test
    void aSchemaLargerThanOnePageListsCompletelyInNameOrder() {
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of()), dir, Log.silent(), ConnectRetry.Sleeper.REAL, 3)) {
            adapter.createSchemaIfMissing(null, "big");
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 10; i >= 0; i--) {
                String name = "t_" + (char) ('a' + i);
                adapter.execute("create table " + adapter.relation(null, "big", name) + " (id number)");
                expected.add(0, name.toUpperCase(java.util.Locale.ROOT));
            }
            adapter.execute("create view " + adapter.relation(null, "big", "v_last") + " as select 1 as id");
            expected.add("V_LAST");
            emulator.clearStatements();

            List<Relation> listed = adapter.listRelations(null, "big");
            assertEquals(expected, listed.stream().map(Relation::identifier).toList());
            assertEquals(Relation.RelationType.VIEW, listed.get(listed.size() - 1).type());
            // 12 objects in pages of 3: four full pages and an empty one that ends the listing.
            assertEquals(List.of("show terse objects in schema ANALYTICS.big limit 3",
                    "show terse objects in schema ANALYTICS.big limit 3 from 'T_C'",
                    "show terse objects in schema ANALYTICS.big limit 3 from 'T_F'",
                    "show terse objects in schema ANALYTICS.big limit 3 from 'T_I'",
                    "show terse objects in schema ANALYTICS.big limit 3 from 'V_LAST'"), showStatements());

            adapter.execute("drop view " + adapter.relation(null, "big", "v_last"));
            emulator.clearStatements();
            assertEquals(11, adapter.listRelations(null, "big").size());
            assertEquals(4, showStatements().size(), "a short page ends the listing: " + showStatements());
        }
    }

    @Test
    void getRelationAsksForTheOneNameWithLike() {
        try (WarehouseAdapter adapter = SnowflakeAdapter.open(target(Map.of()), dir, Log.silent(), ConnectRetry.Sleeper.REAL, 2)) {
            adapter.createSchemaIfMissing(null, "one");
            // '_' is a LIKE wildcard: ORDERXITEMS and ORDERYITEMS match 'order_items' too, and sort before it.
            for (String name : List.of("orderxitems", "orderyitems", "order_items", "other")) {
                adapter.execute("create table " + adapter.relation(null, "one", name) + " (id number)");
            }
            emulator.clearStatements();

            Relation found = adapter.getRelation(null, "one", "order_items").orElseThrow();
            assertEquals(new Relation("ANALYTICS", "ONE", "ORDER_ITEMS", Relation.RelationType.TABLE, adapter.quoting()), found);
            assertEquals(List.of("show terse objects like 'order_items' in schema ANALYTICS.one limit 2",
                    "show terse objects like 'order_items' in schema ANALYTICS.one limit 2 from 'ORDERYITEMS'"), showStatements());
            assertEquals("ORDERXITEMS", adapter.getRelation(null, "ONE", "OrderXItems").orElseThrow().identifier());
            assertTrue(adapter.getRelation(null, "one", "order%").isEmpty(), "a wildcard matches, but is no relation's name");
            assertTrue(adapter.getRelation(null, "missing_schema", "order_items").isEmpty());
        }
    }

    private List<String> showStatements() {
        return sent().stream().filter(sql -> sql.startsWith("show terse objects")).toList();
    }

    @Test
    void renameNamesTheTargetFullyQualifiedAndDropCascades() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            adapter.createSchemaIfMissing(null, "dbt_ana");
            adapter.execute("create table " + adapter.relation(null, "dbt_ana", "old_t") + " as select 1 as id");

            Relation renamed = adapter.renameRelation(adapter.relation(null, "dbt_ana", "old_t"), "new_t");
            adapter.dropRelation(renamed);

            List<String> sql = sent();
            assertTrue(sql.contains("alter table ANALYTICS.DBT_ANA.OLD_T rename to ANALYTICS.DBT_ANA.new_t"), sql.toString());
            assertTrue(sql.contains("drop table if exists ANALYTICS.DBT_ANA.new_t cascade"), sql.toString());
            assertEquals(List.of(), adapter.listRelations(null, "dbt_ana"));
        }
    }

    @Test
    void queryTagFromTheProfileIsSetOnEveryConnectionAndRestoredAroundANode() {
        try (WarehouseAdapter adapter = open(Map.of("query_tag", "nightly_run"))) {
            try (Session session = adapter.openSession("model.shop.orders")) {
                try (Session.QueryTagScope tag = session.withQueryTag("model.shop.orders")) {
                    session.query("select 2", 0);
                }
                session.query("select 3", 0);
            }
            List<ReceivedStatement> statements = emulator.statements();
            assertEquals("alter session set query_tag = 'nightly_run'", statements.get(0).sqlText());
            assertEquals("model.shop.orders", tagOf(statements, "select 2"));
            assertEquals("nightly_run", tagOf(statements, "select 3"));
            List<String> sql = sent();
            assertTrue(sql.contains("show parameters like 'QUERY_TAG' in session"), sql.toString());
            assertTrue(sql.contains("alter session set query_tag = 'model.shop.orders'"), sql.toString());
        }
        emulator.clearStatements();
        try (WarehouseAdapter adapter = open(Map.of()); Session session = adapter.openSession("node")) {
            try (Session.QueryTagScope tag = session.withQueryTag("it's a \\ tag")) {
                session.query("select 4", 0);
            }
            session.query("select 5", 0);
            assertEquals("it's a \\ tag", tagOf(emulator.statements(), "select 4"));
            assertNull(tagOf(emulator.statements(), "select 5"));
            assertTrue(sent().contains("alter session unset query_tag"), sent().toString());
        }
    }

    private static String tagOf(List<ReceivedStatement> statements, String sql) {
        return statements.stream().filter(s -> s.sqlText().equals(sql)).findFirst().orElseThrow().queryTag();
    }

    @Test
    void grantsAreReadAsDbtSnowflakeStandardizesThem() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            adapter.createSchemaIfMissing(null, "dbt_ana");
            Relation table = adapter.relation(null, "dbt_ana", "granted");
            adapter.execute("create table " + table + " (id integer)");
            adapter.execute("grant select on table " + table + " to role SYSADMIN");
            adapter.execute("grant select on table " + table + " to role PUBLIC");
            adapter.execute("grant insert on table " + table + " to role SYSADMIN");

            Map<String, Set<String>> grants = adapter.showGrants(table);

            assertEquals(Map.of("SELECT", Set.of("SYSADMIN", "PUBLIC"), "INSERT", Set.of("SYSADMIN")), grants);
            assertEquals(Set.of(new Grant("SELECT", "SYSADMIN"), new Grant("SELECT", "PUBLIC"), new Grant("INSERT", "SYSADMIN")),
                    emulator.grants().get("ANALYTICS.DBT_ANA.GRANTED"));
            assertTrue(sent().contains("show grants on table ANALYTICS.DBT_ANA.GRANTED"), sent().toString());
        }
    }

    @Test
    void wrongPasswordIsSnowflakesErrorWithoutThePassword() {
        String wrong = "not-the-password-123";
        try (WarehouseAdapter adapter = open(Map.of("password", wrong))) {
            ModelException error = assertThrows(ModelException.class, adapter::testConnection);
            assertEquals(ErrorCategory.WAREHOUSE, error.category());
            assertEquals("Snowflake error 390100: Incorrect username or password was specified."
                    + " (target 'dev', user 'model_user', account 'emulator')", error.getMessage());
            assertFalse(error.getMessage().contains(wrong));
            assertFalse(String.valueOf(error.getCause().getMessage()).contains(wrong), "the driver's own text");
        }
    }

    @Test
    void unknownRoleIsSnowflakesError() {
        try (WarehouseAdapter adapter = open(Map.of("role", "ANALYST"))) {
            ModelException error = assertThrows(ModelException.class, adapter::testConnection);
            assertTrue(error.getMessage().startsWith("Snowflake error 390189: Role 'ANALYST' specified in the connect"
                    + " string does not exist or not authorized."), error.getMessage());
            assertTrue(error.getMessage().endsWith("(target 'dev', user 'model_user', account 'emulator')"), error.getMessage());
            assertNoSecret(error.getMessage());
        }
    }

    @Test
    void missingWarehouseFailsAtConnectWithSnowflakesError() {
        try (WarehouseAdapter adapter = open(Map.of("warehouse", "NO_SUCH_WH"))) {
            ModelException error = assertThrows(ModelException.class, adapter::testConnection);
            assertEquals(ErrorCategory.WAREHOUSE, error.category());
            assertTrue(error.getMessage().startsWith("Could not use warehouse 'NO_SUCH_WH' (it does not exist, or role"
                    + " 'TRANSFORMER' may not use it): Snowflake error 002043: SQL compilation error: Object does not exist,"
                    + " or operation cannot be performed."), error.getMessage());
            assertTrue(error.getMessage().endsWith("(target 'dev', user 'model_user', account 'emulator')"), error.getMessage());
            assertTrue(sent().contains("use warehouse NO_SUCH_WH"), sent().toString());
        }
    }

    @Test
    void aRejectedStatementNamesSnowflakesCodeAndTheStatement() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            ModelException missing = assertThrows(ModelException.class, () -> adapter.query("select * from no_such_table", 0));
            assertTrue(missing.getMessage().startsWith("Database error (snowflake): Snowflake error 002003: SQL compilation"
                    + " error: Object 'NO_SUCH_TABLE' does not exist or not authorized."), missing.getMessage());
            assertTrue(missing.getMessage().endsWith("[statement: select * from no_such_table]"), missing.getMessage());

            emulator.failNext(sql -> sql.startsWith("merge into"), 100090, "42P18",
                    "Duplicate row detected during DML action\nRow Values: [1, \"x\"]");
            ModelException injected = assertThrows(ModelException.class, () -> adapter.execute("merge into t using s on 1 = 1"
                    + " when matched then update set a = 1"));
            assertTrue(injected.getMessage().startsWith("Database error (snowflake): Snowflake error 100090: Duplicate row"
                    + " detected during DML action Row Values: [1, \"x\"]"), injected.getMessage());
            assertFalse(injected.getMessage().contains("\n"));
        }
    }

    @Test
    void rowsLoadAsArrayBoundBatchesWithTheirTypes() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            adapter.createSchemaIfMissing(null, "dbt_ana");
            Relation table = adapter.relation(null, "dbt_ana", "seeded");
            adapter.execute("create table " + table + " (id number(38,0), name varchar, amount number(10,2), sold_on date,"
                    + " flag boolean)");
            emulator.clearStatements();

            long loaded = adapter.loadRows(table, adapter.getColumns(table), java.util.stream.IntStream.range(0, 2500)
                    .mapToObj(i -> new Object[] {i, "n" + i, i % 10 == 0 ? null : new java.math.BigDecimal(i).movePointLeft(2),
                            LocalDate.of(2024, 1, 1).plusDays(i % 31), i % 2 == 0})
                    .toList());

            assertEquals(2500, loaded);
            List<ReceivedStatement> inserts = emulator.statements().stream()
                    .filter(s -> s.sqlText().startsWith("insert into")).toList();
            assertEquals(1, inserts.size(), "one array-bound request for the batch");
            assertEquals("insert into ANALYTICS.dbt_ana.seeded (\"ID\", \"NAME\", \"AMOUNT\", \"SOLD_ON\", \"FLAG\")"
                    + " values (?, ?, ?, ?, ?)", inserts.get(0).sqlText());
            assertEquals(2500, inserts.get(0).bindRows());
            assertEquals(List.of(List.of(2500L, 250L, LocalDate.of(2024, 1, 31), 1250L)), adapter.query(
                    "select count(*), count(*) - count(amount), max(sold_on), sum(iff(flag, 1, 0)) from " + table, 0)
                    .rows().stream().map(r -> r.stream().map(TestSnowflakeAdapter::plainNumber).toList()).toList());
        }
    }

    private static Object plainNumber(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? n.longValue() : value;
    }

    @Test
    void adapterResponseIsDbtSnowflakes() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            adapter.createSchemaIfMissing(null, "dbt_ana");
            adapter.execute("create table " + adapter.relation(null, "dbt_ana", "t") + " (id integer)");
            StatementResult result = adapter.execute("insert into " + adapter.relation(null, "dbt_ana", "t") + " values (1), (2)");
            assertEquals("SUCCESS 2", result.message());
            assertEquals(2, result.rowsAffected());
            assertFalse(result.queryId() == null || result.queryId().isBlank());
        }
    }

    @Test
    void connectionsAreReusedUnlessTheProfileSaysNot() {
        try (WarehouseAdapter adapter = open(Map.of())) {
            adapter.query("select 1", 0);
            adapter.query("select 2", 0);
            List<ReceivedStatement> s = emulator.statements();
            assertEquals(sessionOf(s, "select 1"), sessionOf(s, "select 2"));
        }
        emulator.clearStatements();
        try (WarehouseAdapter adapter = open(Map.of("reuse_connections", false))) {
            adapter.query("select 1", 0);
            adapter.query("select 2", 0);
            List<ReceivedStatement> s = emulator.statements();
            assertNotEquals(sessionOf(s, "select 1"), sessionOf(s, "select 2"));
            assertEquals(0, emulator.openSessions(), "each released connection logged out");
        }
    }

    @Test
    void cancelReachesTheRunningQueryOnTheServerAsDbtSnowflakeDoes() throws Exception {
        String longQuery = "select count(*) from table(generator(rowcount => 1000000)) a,"
                + " table(generator(rowcount => 1000000)) b";
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (WarehouseAdapter adapter = open(Map.of()); Session session = adapter.openSession("long")) {
            var running = worker.submit(() -> session.query(longQuery, 0));
            while (emulator.statements().stream().noneMatch(s -> s.sqlText().equals(longQuery))) {
                Thread.sleep(20);
            }
            session.cancel();

            Exception error = assertThrows(Exception.class, () -> running.get(2, java.util.concurrent.TimeUnit.MINUTES));
            assertTrue(error.getCause().getMessage().startsWith("Statement cancelled (snowflake): Snowflake error 000604"),
                    error.getCause().getMessage());
            long sessionId = sessionOf(emulator.statements(), longQuery);
            assertTrue(sent().contains("select system$cancel_all_queries(" + sessionId + ")"), sent().toString());
        } finally {
            worker.shutdownNow();
        }
    }

    private static long sessionOf(List<ReceivedStatement> statements, String sql) {
        return statements.stream().filter(s -> s.sqlText().equals(sql)).findFirst().orElseThrow().sessionId();
    }
}
