package dev.model.adapter;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.jinja.QueryRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every adapter must do, run against the real warehouse. Each adapter's test class extends
 * it and supplies the adapter; where a warehouse lacks a {@link Capability}, the test asserts the
 * documented fallback behaviour instead of the feature.
 */
public abstract class AdapterConformanceSuite {

    protected static final String SCHEMA = "conformance";

    @TempDir
    protected Path tempDir;
    protected WarehouseAdapter adapter;

    /** A fresh, empty warehouse with 4 threads. */
    protected abstract WarehouseAdapter openAdapter(Path directory);

    /** A query that runs for minutes unless cancelled. */
    protected abstract String longRunningQuery();

    @BeforeEach
    void openWarehouse() {
        adapter = openAdapter(tempDir);
        adapter.createSchemaIfMissing(null, SCHEMA);
    }

    @AfterEach
    void closeWarehouse() {
        adapter.close();
    }

    protected Relation rel(String identifier) {
        return adapter.relation(null, SCHEMA, identifier);
    }

    protected long count(Relation relation) {
        return ((Number) adapter.query("select count(*) from " + relation, 0).rows().get(0).get(0)).longValue();
    }

    // ---- what a warehouse reports by design; Snowflake's conformance test overrides these ----

    /** The name the catalog reports for {@code name} written unquoted in a project (Snowflake folds to upper case). */
    protected String stored(String name) {
        return adapter.identifierCase().stored(name, adapter.quoting().identifier());
    }

    /** A small integer as the driver reads it from an integer column (Snowflake's NUMBER(38,0): a Long). */
    protected Object integer(int value) {
        return value;
    }

    /** The {@link Types} code of an integer result column (Snowflake: BIGINT). */
    protected int integerJdbcType() {
        return Types.INTEGER;
    }

    /** Whether a column's data type is the warehouse's name for an integer (Snowflake: NUMBER(38,0)). */
    protected boolean isIntegerType(String dataType) {
        return dataType.toUpperCase().contains("INT");
    }

    /** dbt's {@code adapter_response._message} for a statement that changed {@code rows} rows (dbt-snowflake: SUCCESS n). */
    protected String responseMessage(long rows) {
        return "OK";
    }

    /**
     * An odd (quoted) name as the test writes it. The Snowflake protocol emulator reports quoted
     * lower-case names upper case (a documented difference from Snowflake), so it is given upper case ones.
     */
    protected String oddName(String name) {
        return name;
    }

    @Test
    void connectsAndReportsVersions() {
        adapter.testConnection();
        WarehouseVersion version = adapter.version();
        assertFalse(version.driver().isBlank());
        assertFalse(version.server().isBlank());
        assertEquals(adapter.type(), Adapters.discover().factory(adapter.type()).type());
    }

    @Test
    void createSchemaIsIdempotent() {
        adapter.createSchemaIfMissing(null, "second_schema");
        adapter.createSchemaIfMissing(null, "second_schema");
        adapter.createSchemaIfMissing(adapter.database(), "second_schema");
        assertEquals(List.of(), adapter.listRelations(null, "second_schema"));
        Relation t = adapter.relation(null, "second_schema", "t");
        adapter.execute("create table " + t + " (id integer)");
        assertEquals(List.of(stored("t")), adapter.listRelations(null, "second_schema").stream().map(Relation::identifier).toList());
    }

    @Test
    void getRelationTellsTablesFromViews() {
        adapter.execute("create table " + rel("orders") + " (id integer, name varchar(20))");
        adapter.execute("create view " + rel("orders_v") + " as select id from " + rel("orders"));

        Relation table = adapter.getRelation(rel("orders")).orElseThrow();
        assertEquals(Relation.RelationType.TABLE, table.type());
        assertEquals(stored("orders"), table.identifier());
        assertEquals(adapter.database(), table.database());
        assertEquals(Relation.RelationType.VIEW, adapter.getRelation(rel("orders_v")).orElseThrow().type());
        assertEquals(Optional.empty(), adapter.getRelation(rel("missing")));
        assertEquals(table, adapter.getRelation(null, SCHEMA, "orders").orElseThrow());
        assertEquals(List.of(stored("orders"), stored("orders_v")),
                adapter.listRelations(null, SCHEMA).stream().map(Relation::identifier).toList());
    }

    @Test
    void getColumnsInTableOrder() {
        adapter.execute("create table " + rel("typed") + " (id integer, name varchar(20), amount decimal(10,2))");
        List<Column> columns = adapter.getColumns(rel("typed"));
        assertEquals(List.of("id", "name", "amount"), columns.stream().map(c -> c.name().toLowerCase()).toList());
        assertTrue(isIntegerType(columns.get(0).dataType()), columns.toString());
        assertTrue(columns.get(1).dataType().toUpperCase().contains("CHAR"), columns.toString());
        assertEquals(List.of(), adapter.getColumns(rel("missing")));
    }

    @Test
    void renamesTablesAndViews() {
        adapter.execute("create table " + rel("old_t") + " as select 7 as id");
        adapter.execute("create view " + rel("old_v") + " as select 8 as id");

        Relation renamed = adapter.renameRelation(rel("old_t"), "new_t");
        adapter.renameRelation(adapter.getRelation(rel("old_v")).orElseThrow(), "new_v");

        assertEquals("new_t", renamed.identifier());
        assertTrue(adapter.getRelation(rel("old_t")).isEmpty());
        assertEquals(1, count(rel("new_t")));
        assertEquals(Relation.RelationType.VIEW, adapter.getRelation(rel("new_v")).orElseThrow().type());
        ModelException missing = assertThrows(ModelException.class, () -> adapter.renameRelation(rel("nothing"), "x"));
        assertTrue(missing.getMessage().contains("nothing"), missing.getMessage());
    }

    @Test
    void dropsTablesAndViewsAndIgnoresMissing() {
        adapter.execute("create table " + rel("t") + " as select 1 as id");
        adapter.execute("create view " + rel("v") + " as select 1 as id");

        adapter.dropRelation(rel("v"));
        adapter.dropRelation(adapter.getRelation(rel("t")).orElseThrow());
        adapter.dropRelation(rel("never_existed"));

        assertEquals(List.of(), adapter.listRelations(null, SCHEMA));
    }

    @Test
    void failedTransactionKeepsTheOldTableWhereDdlIsTransactional() {
        adapter.execute("create table " + rel("swap") + " as select 1 as version");
        List<String> swap = List.of(
                "drop table " + rel("swap"),
                "create table " + rel("swap") + " as select 2 as version",
                "select * from " + rel("no_such_table"));

        ModelException error = assertThrows(ModelException.class, () -> adapter.executeInTransaction(swap));

        assertTrue(error.getMessage().contains("no_such_table"), error.getMessage());
        Object version = adapter.query("select version from " + rel("swap"), 0).rows().get(0).get(0);
        int expected = adapter.supports(Capability.TRANSACTIONAL_DDL) ? 1 : 2;
        assertEquals(expected, ((Number) version).intValue());
    }

    @Test
    void failedTransactionRollsBackRows() {
        adapter.execute("create table " + rel("rows_t") + " (id integer)");
        assertThrows(ModelException.class, () -> adapter.executeInTransaction(List.of(
                "insert into " + rel("rows_t") + " values (1)",
                "insert into " + rel("no_such_table") + " values (2)")));
        assertEquals(0, count(rel("rows_t")));

        List<StatementResult> done = adapter.executeInTransaction(List.of(
                "insert into " + rel("rows_t") + " values (1)",
                "insert into " + rel("rows_t") + " values (2), (3)"));
        assertEquals(List.of(1L, 2L), done.stream().map(StatementResult::rowsAffected).toList());
        assertEquals(3, count(rel("rows_t")));
    }

    @Test
    void sqlErrorsNameStatementAndWarehouseMessage() {
        ModelException error = assertThrows(ModelException.class,
                () -> adapter.execute("select *\n  from no_such_table_x"));

        assertEquals(ErrorCategory.WAREHOUSE, error.category());
        assertTrue(error.getMessage().startsWith("Database error (" + adapter.type() + ")"), error.getMessage());
        assertTrue(error.getMessage().endsWith("[statement: select * from no_such_table_x]"), error.getMessage());
        assertTrue(error.getMessage().contains(SqlErrors.oneLine(error.getCause().getMessage())), error.getMessage());
        assertFalse(error.getMessage().contains("\n"));

        String longSql = "select 1 as a" + ", 1 as b".repeat(100) + " from no_such_table_y";
        ModelException longError = assertThrows(ModelException.class, () -> adapter.query(longSql, 0));
        assertTrue(longError.getMessage().contains("[statement: " + longSql.substring(0, 200) + "...]"), longError.getMessage());
    }

    @Test
    void loadErrorsNameTheRelation() {
        Path csv = tempDir.resolve("rows.csv");
        writeCsv(csv, "id\n1\n");
        ModelException error = assertThrows(ModelException.class,
                () -> adapter.loadCsv(rel("not_created"), csv, CsvOptions.DBT_SEED));
        assertEquals(ErrorCategory.WAREHOUSE, error.category());
        assertTrue(error.getMessage().contains(" on " + rel("not_created").render()), error.getMessage());
    }

    @Test
    void queryReturnsColumnsTypesAndCapsRows() {
        QueryResult result = adapter.query("select cast(x as integer) as n, 'a' as s from (values (1), (2), (3)) as v(x)", 2);
        assertEquals(List.of("n", "s"), result.columnNames().stream().map(String::toLowerCase).toList());
        assertEquals(integerJdbcType(), result.columns().get(0).jdbcType());
        assertEquals(2, result.rows().size());
        assertTrue(result.truncated());
        assertEquals("a", result.rows().get(0).get(1));

        QueryRunner.QueryTable table = adapter.withSession("runner", s -> s.queryRunner().execute("select 42 as answer", true));
        assertEquals(42, ((Number) table.rows().get(0).get(0)).intValue());
    }

    @Test
    void executeReportsRowsAffectedAsAdapterResponse() {
        adapter.execute("create table " + rel("t") + " (id integer)");
        StatementResult result = adapter.execute("insert into " + rel("t") + " values (1), (2)");
        assertEquals(2, result.rowsAffected());
        assertEquals(responseMessage(2), result.adapterResponse().get("_message"));
        assertEquals(2L, result.adapterResponse().get("rows_affected"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void cancelStopsALongQueryFromAnotherThread() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (Session session = adapter.openSession("long")) {
            Future<QueryResult> running = worker.submit(() -> session.query(longRunningQuery(), 0));
            if (!adapter.supports(Capability.CANCEL)) {
                session.cancel();
                return;
            }
            // Repeat: the first cancel may land before the statement starts; the flag stops it then.
            while (!running.isDone()) {
                session.cancel();
                Thread.sleep(50);
            }
            Exception error = assertThrows(Exception.class, running::get);
            ModelException cancelled = (ModelException) error.getCause();
            assertEquals(ErrorCategory.WAREHOUSE, cancelled.category());
            assertTrue(cancelled.getMessage().startsWith("Statement cancelled"), cancelled.getMessage());
            assertTrue(session.isCancelled());
            ModelException refused = assertThrows(ModelException.class, () -> session.execute("select 1"));
            assertTrue(refused.getMessage().contains("cancelled"), refused.getMessage());
        } finally {
            worker.shutdownNow();
        }
        adapter.testConnection();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void cancelAllStopsEverySession() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<QueryResult>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(workers.submit(() -> {
                    try (Session session = adapter.openSession("long")) {
                        return session.query(longRunningQuery(), 0);
                    }
                }));
            }
            while (running.stream().anyMatch(f -> !f.isDone())) {
                adapter.cancelAll();
                Thread.sleep(50);
            }
            for (Future<QueryResult> future : running) {
                Exception error = assertThrows(Exception.class, future::get);
                assertTrue(error.getCause().getMessage().contains("cancelled"), error.getCause().getMessage());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void bulkLoadsOneHundredThousandRows() {
        Relation table = rel("bulk");
        adapter.execute("create table " + table + " (id bigint, name varchar(40), amount decimal(10,2), sold_on date, flag boolean)");
        List<Column> columns = adapter.getColumns(table);
        int rows = 100_000;
        Iterable<Object[]> generated = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Object[] next() {
                int n = i++;
                return new Object[] {n, "name " + n, n % 100 == 0 ? null : n / 4.0, LocalDate.of(2024, 1, 1).plusDays(n % 365),
                        n % 2 == 0};
            }
        };

        long loaded = adapter.loadRows(table, columns, generated);

        assertEquals(rows, loaded);
        List<Object> stats = adapter.query("select count(*), sum(id), count(amount), sum(case when flag then 1 else 0 end), "
                + "max(sold_on) from " + table, 0).rows().get(0);
        assertEquals(100_000L, ((Number) stats.get(0)).longValue());
        assertEquals(4_999_950_000L, ((Number) stats.get(1)).longValue());
        assertEquals(99_000L, ((Number) stats.get(2)).longValue());
        assertEquals(50_000L, ((Number) stats.get(3)).longValue());
        assertEquals(LocalDate.of(2024, 12, 30), stats.get(4));
        Object amount = adapter.query("select amount from " + table + " where id = 3", 0).rows().get(0).get(0);
        assertEquals(new BigDecimal("0.75"), amount);
    }

    @Test
    void loadsCsvWithQuotesAndNulls() {
        Relation table = rel("seed");
        adapter.execute("create table " + table + " (id integer, name varchar(40), amount decimal(10,2))");
        Path csv = tempDir.resolve("seed.csv");
        writeCsv(csv, "id,name,amount\n1,\"Smith, Jane\",1.50\n2,,2\n3,\"say \"\"hi\"\"\",\n");

        assertEquals(3, adapter.loadCsv(table, csv, CsvOptions.DBT_SEED));

        List<List<Object>> rows = adapter.query("select id, name, amount from " + table + " order by id", 0).rows();
        assertEquals("Smith, Jane", rows.get(0).get(1));
        assertEquals(new BigDecimal("1.50"), rows.get(0).get(2));
        assertEquals(null, rows.get(1).get(1));
        assertEquals("say \"hi\"", rows.get(2).get(1));
        assertEquals(null, rows.get(2).get(2));
    }

    @Test
    void loadsCsvWithoutHeaderAndOtherDelimiter() {
        Relation table = rel("headless");
        adapter.execute("create table " + table + " (id integer, name varchar(40))");
        Path csv = tempDir.resolve("headless.csv");
        writeCsv(csv, "1;one\n2;'two; too'\n");

        assertEquals(2, adapter.loadCsv(table, csv, new CsvOptions(';', '\'', false, "")));

        assertEquals(List.of(List.of(integer(1), "one"), List.of(integer(2), "two; too")), adapter.query(
                "select cast(id as integer), name from " + table + " order by id", 0).rows());
    }

    @Test
    void queryRunnerServesRunQueryAndStatements() {
        adapter.execute("create table " + rel("runner") + " (id integer)");
        QueryRunner.QueryTable inserted = adapter.withSession("node", s -> s.queryRunner()
                .execute("insert into " + rel("runner") + " values (1), (2), (3)", false));
        QueryRunner.QueryTable rows = adapter.withSession("node", s -> s.queryRunner()
                .execute("select id from " + rel("runner") + " order by id", true));

        assertEquals(3, inserted.rowsAffected());
        assertEquals(List.of(), inserted.rows());
        assertEquals(List.of("id"), rows.columnNames().stream().map(String::toLowerCase).toList());
        assertEquals(List.of(List.of(integer(1)), List.of(integer(2)), List.of(integer(3))), rows.rows());
    }

    @Test
    void quotesOddIdentifiers() {
        // Where names are unquoted by default (Snowflake), a project quotes odd names itself (dbt's quoting config).
        Quoting quoted = new Quoting(true, true, true, adapter.quoting().quoteChar());
        String schema = oddName("odd schema");
        if (adapter.quoting().schema()) {
            adapter.createSchemaIfMissing(null, schema);
        } else {
            adapter.execute("create schema if not exists " + quoted.quote(adapter.database()) + "." + quoted.quote(schema));
        }
        Relation odd = Relation.of(adapter.database(), schema, oddName("my \"quoted\" table"), quoted);
        adapter.execute("create table " + odd + " (" + quoted.quote(oddName("select")) + " integer, "
                + quoted.quote(oddName("Mixed Case")) + " varchar(10))");

        Relation found = adapter.getRelation(odd).orElseThrow();
        assertEquals(oddName("my \"quoted\" table"), found.identifier());
        assertEquals(List.of(oddName("select"), oddName("Mixed Case")), adapter.getColumns(odd).stream().map(Column::name).toList());
        assertEquals(2, adapter.loadRows(odd, adapter.getColumns(odd), List.of(new Object[] {1, "a"}, new Object[] {2, "b"})));
        Relation renamed = adapter.renameRelation(found, oddName("order"));
        assertEquals(2, count(renamed));
        adapter.dropRelation(renamed);
        assertTrue(adapter.getRelation(renamed).isEmpty());
    }

    @Test
    void parallelSessionsFromFourThreads() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Relation table = rel("parallel_" + t);
                int rows = 100 * (t + 1);
                results.add(workers.submit(() -> {
                    try (Session session = adapter.openSession("worker")) {
                        session.execute("create table " + table + " (id integer)");
                        session.execute("insert into " + table + " select * from (values (1)) v(x)");
                        session.loadRows(table, session.getColumns(table), () -> java.util.stream.IntStream.range(1, rows)
                                .mapToObj(i -> new Object[] {i}).iterator());
                        return ((Number) session.query("select count(*) from " + table, 0).rows().get(0).get(0)).longValue();
                    }
                }));
            }
            for (int t = 0; t < 4; t++) {
                assertEquals(100L * (t + 1), results.get(t).get(5, TimeUnit.MINUTES));
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(4, adapter.listRelations(null, SCHEMA).size());
    }

    @Test
    void queryTagScopeAndGrantsFollowCapabilities() {
        try (Session session = adapter.openSession("tag")) {
            try (Session.QueryTagScope scope = session.withQueryTag("model.demo.orders")) {
                assertEquals(1, ((Number) session.query("select 1", 0).rows().get(0).get(0)).intValue());
            }
            adapter.execute("create table " + rel("granted") + " (id integer)");
            if (adapter.supports(Capability.GRANTS)) {
                session.showGrants(rel("granted"));
            } else {
                ModelException error = assertThrows(ModelException.class, () -> session.showGrants(rel("granted")));
                assertTrue(error.getMessage().contains("not supported by the " + adapter.type()), error.getMessage());
            }
        }
    }

    @Test
    void closingTheAdapterEndsSessionsStillLeased() {
        Session forgotten = adapter.openSession("forgotten");
        adapter.close();
        ModelException error = assertThrows(ModelException.class, () -> forgotten.execute("select 1"));
        assertEquals(ErrorCategory.WAREHOUSE, error.category());
        forgotten.close();
        adapter = openAdapter(tempDir);
    }

    @Test
    void closedSessionReturnsItsConnectionAndRefusesWork() {
        Session session = adapter.openSession("once");
        session.close();
        session.close();
        assertThrows(ModelException.class, () -> session.execute("select 1"));
        for (int i = 0; i < 20; i++) {
            try (Session again = adapter.openSession("again")) {
                again.execute("select 1");
            }
        }
    }

    protected static void writeCsv(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            fail(e);
        }
    }
}
