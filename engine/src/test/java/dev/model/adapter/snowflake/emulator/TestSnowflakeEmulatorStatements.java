package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DDL, DML, binds, batches and transactions on the Snowflake protocol emulator, through the real driver. */
final class TestSnowflakeEmulatorStatements {

    private static TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void start() throws SQLException {
        emulator = TestingSnowflakeEmulator.start();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.stmts");
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties("model_user", "model_password"));
    }

    private static long count(Statement statement, String relation) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select count(*) from " + relation)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    @Test
    void ddlAndDmlReturnSnowflakesUpdateCounts() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertEquals(0, statement.executeUpdate("create or replace table analytics.stmts.counts (id number, name varchar)"));
            assertEquals(3, statement.executeUpdate("insert into analytics.stmts.counts (id, name) values (1, 'a'), (2, 'b'), (3, 'c')"));
            assertEquals(2, statement.executeUpdate("update analytics.stmts.counts set name = 'x' where id >= 2"));
            assertEquals(1, statement.executeUpdate("delete from analytics.stmts.counts where id = 1"));
            assertFalse(statement.execute("insert into analytics.stmts.counts (id, name) select id + 10, name from analytics.stmts.counts"));
            assertEquals(2, statement.getUpdateCount());
            assertEquals(4, count(statement, "analytics.stmts.counts"));
            assertEquals(0, statement.executeUpdate("drop table analytics.stmts.counts"));
        }
    }

    @Test
    void mergeInDbtSnowflakesShapeUpdatesAndInserts() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.target as (select 1 as id, 'old' as name union all select 2, 'keep')");
            statement.execute("create or replace temporary view analytics.stmts.target__dbt_tmp as (select 1 as id, 'new' as name union all select 3, 'added')");
            int merged = statement.executeUpdate("merge into analytics.stmts.target as DBT_INTERNAL_DEST\n"
                    + "        using analytics.stmts.target__dbt_tmp as DBT_INTERNAL_SOURCE\n"
                    + "        on (\n                DBT_INTERNAL_SOURCE.id = DBT_INTERNAL_DEST.id\n            )\n"
                    + "    when matched then update set\n        \"ID\" = DBT_INTERNAL_SOURCE.\"ID\",\"NAME\" = DBT_INTERNAL_SOURCE.\"NAME\"\n"
                    + "    when not matched then insert\n        (\"ID\", \"NAME\")\n    values\n        (\"ID\", \"NAME\")\n");
            assertEquals(2, merged);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select id, name from analytics.stmts.target order by id")) {
                while (rows.next()) {
                    names.add(rows.getLong(1) + ":" + rows.getString(2));
                }
            }
            assertEquals(List.of("1:new", "2:keep", "3:added"), names);
        }
    }

    @Test
    void deleteUsingAndInsertOverwrite() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.events as (select 1 as id union all select 2 union all select 3)");
            statement.execute("create or replace table analytics.stmts.events__dbt_tmp as (select 2 as id)");
            assertEquals(1, statement.executeUpdate("delete from analytics.stmts.events using analytics.stmts.events__dbt_tmp"
                    + " where (analytics.stmts.events__dbt_tmp.id = analytics.stmts.events.id)"));
            assertEquals(2, count(statement, "analytics.stmts.events"));
            assertEquals(1, statement.executeUpdate("insert overwrite into analytics.stmts.events select id from analytics.stmts.events__dbt_tmp"));
            assertEquals(1, count(statement, "analytics.stmts.events"));
        }
    }

    @Test
    void preparedStatementsBindEachType() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.bound (id number, name varchar, amount number(10,2), ratio float,"
                    + " active boolean, day date, seen timestamp_ntz)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into analytics.stmts.bound (id, name, amount, ratio, active, day, seen) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, 7);
                insert.setString(2, "it's");
                insert.setBigDecimal(3, new BigDecimal("12.34"));
                insert.setDouble(4, 0.25);
                insert.setBoolean(5, true);
                insert.setDate(6, java.sql.Date.valueOf(LocalDate.of(2024, 3, 1)));
                insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.of(2024, 3, 1, 10, 11, 12)));
                assertEquals(1, insert.executeUpdate());
                insert.setLong(1, 8);
                insert.setNull(2, java.sql.Types.VARCHAR);
                insert.setNull(3, java.sql.Types.DECIMAL);
                insert.setNull(4, java.sql.Types.DOUBLE);
                insert.setNull(5, java.sql.Types.BOOLEAN);
                insert.setNull(6, java.sql.Types.DATE);
                insert.setNull(7, java.sql.Types.TIMESTAMP);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select = connection.prepareStatement("select name, amount, ratio, active, day from analytics.stmts.bound where id = ?")) {
                select.setLong(1, 7);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals("it's", rows.getString(1));
                    assertEquals(new BigDecimal("12.34"), rows.getBigDecimal(2));
                    assertEquals(0.25, rows.getDouble(3));
                    assertTrue(rows.getBoolean(4));
                    assertEquals(LocalDate.of(2024, 3, 1), rows.getDate(5).toLocalDate());
                    assertFalse(rows.next());
                }
                select.setLong(1, 8);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                    assertNull(rows.getString(1));
                    assertNull(rows.getBigDecimal(2));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update analytics.stmts.bound set name = ? where id = ?")) {
                update.setString(1, "renamed");
                update.setLong(2, 8);
                assertEquals(1, update.executeUpdate());
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from analytics.stmts.bound where name = ?")) {
                delete.setString(1, "renamed");
                assertEquals(1, delete.executeUpdate());
            }
            assertEquals(1, count(statement, "analytics.stmts.bound"));
        }
    }

    @Test
    void executeBatchArrivesAsOneRequestWithArrayBinding() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.seed (id number, name varchar)");
            emulator.clearStatements();
            try (PreparedStatement insert = connection.prepareStatement("insert into analytics.stmts.seed (id, name) values (?, ?)")) {
                for (int i = 1; i <= 250; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "name " + i);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertEquals(250, counts.length);
            }
            List<ReceivedStatement> inserts = emulator.statements().stream().filter(s -> s.sqlText().startsWith("insert")).toList();
            assertEquals(1, inserts.size(), "one request for the whole batch");
            assertEquals(250, inserts.get(0).bindRows());
            assertEquals(250, count(statement, "analytics.stmts.seed"));
        }
    }

    @Test
    void ingestShapedBatchParsesJsonFromAValuesList() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists raw.kafka");
            statement.execute("create or replace table raw.kafka.events (record_metadata variant, record_content variant, topic varchar, kafka_offset number)");
            emulator.clearStatements();
            String sql = "insert into raw.kafka.events (topic, kafka_offset, record_metadata, record_content)"
                    + " select column1, column2, parse_json(column3), parse_json(column4) from values (?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int offset = 0; offset < 3; offset++) {
                    insert.setString(1, "orders");
                    insert.setLong(2, offset);
                    insert.setString(3, "{\"partition\": 0, \"offset\": " + offset + "}");
                    insert.setString(4, "{\"order\": {\"id\": " + (100 + offset) + ", \"tags\": [\"a\", \"b\"]}}");
                    insert.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, insert.executeBatch());
            }
            assertEquals(1, emulator.statements().stream().filter(s -> s.sqlText().startsWith("insert")).count());
            try (ResultSet rows = statement.executeQuery("select record_content:order.id::number as order_id, record_metadata:offset::number as o,"
                    + " record_content:order.tags[1]::varchar as tag from raw.kafka.events order by o")) {
                for (int offset = 0; offset < 3; offset++) {
                    assertTrue(rows.next());
                    assertEquals(100 + offset, rows.getLong("ORDER_ID"));
                    assertEquals(offset, rows.getLong("O"));
                    assertEquals("b", rows.getString("TAG"));
                }
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void explicitTransactionRollsBack() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.tx (id number)");
            statement.execute("begin");
            statement.execute("insert into analytics.stmts.tx values (1)");
            assertEquals(1, count(statement, "analytics.stmts.tx"));
            statement.execute("rollback");
            assertEquals(0, count(statement, "analytics.stmts.tx"));
            statement.execute("begin transaction");
            statement.execute("insert into analytics.stmts.tx values (2)");
            statement.execute("commit");
            assertEquals(1, count(statement, "analytics.stmts.tx"));
        }
    }

    @Test
    void autoCommitOffKeepsWorkInvisibleToOtherSessionsUntilCommit() throws SQLException {
        try (Connection writer = connect(); Connection reader = connect();
             Statement write = writer.createStatement(); Statement read = reader.createStatement()) {
            write.execute("create or replace table analytics.stmts.offsets (topic varchar, part number, next_offset number)");
            write.execute("create or replace table analytics.stmts.landing (payload variant)");
            writer.setAutoCommit(false);
            write.execute("insert into analytics.stmts.landing select parse_json('{\"a\": 1}')");
            write.execute("insert into analytics.stmts.offsets values ('orders', 0, 1)");
            assertEquals(0, count(read, "analytics.stmts.landing"), "uncommitted rows are not visible to another session");
            writer.rollback();
            assertEquals(0, count(write, "analytics.stmts.landing"));
            write.execute("insert into analytics.stmts.landing select parse_json('{\"a\": 2}')");
            write.execute("merge into analytics.stmts.offsets t using (select 'orders' as topic, 0 as part, 2 as next_offset) s"
                    + " on t.topic = s.topic and t.part = s.part when matched then update set next_offset = s.next_offset"
                    + " when not matched then insert (topic, part, next_offset) values (s.topic, s.part, s.next_offset)");
            writer.commit();
            writer.setAutoCommit(true);
            assertEquals(1, count(read, "analytics.stmts.landing"));
            assertEquals(1, count(read, "analytics.stmts.offsets"));
        }
    }

    @Test
    void closingASessionDropsItsTemporaryObjects() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace temporary table analytics.stmts.scratch as (select 1 as id)");
            statement.execute("create or replace temporary view analytics.stmts.scratch_view as (select * from analytics.stmts.scratch)");
            assertEquals(1, count(statement, "analytics.stmts.scratch_view"));
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show terse objects like 'SCRATCH%' in schema analytics.stmts")) {
            assertFalse(rows.next(), "temporary objects end with their session");
        }
    }

    @Test
    void cancelStopsARunningQuery() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            Thread canceller = new Thread(() -> {
                try {
                    while (emulator.statements().stream().noneMatch(s -> s.sqlText().contains("cancel_me"))) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(200);
                    statement.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(
                    "select sum(a.range * b.range) as cancel_me from range(1000000) a, range(1000000) b"));
            canceller.join();
            assertTrue(error.getMessage().toLowerCase().contains("cancel"), error.getMessage());
        }
    }

    @Test
    @Timeout(120)
    void cancelsSentFromTheStartStopParallelQueries() throws Exception {
        // the driver sends one abort per execution: it may overtake its query or reach it before DuckDB runs it
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            Statement[] statements = new Statement[2];
            List<java.util.concurrent.Future<SQLException>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                        statements[index] = statement;
                        statement.executeQuery("select sum(a.range * b.range) from range(1000000) a, range(1000000) b");
                        return null;
                    } catch (SQLException e) {
                        return e;
                    }
                }));
            }
            while (results.stream().anyMatch(f -> !f.isDone())) {
                for (Statement statement : statements) {
                    if (statement != null && !statement.isClosed()) {
                        try {
                            statement.cancel();
                        } catch (SQLException e) {
                            // closed in between
                        }
                    }
                }
                Thread.sleep(50);
            }
            for (java.util.concurrent.Future<SQLException> result : results) {
                SQLException error = result.get();
                assertTrue(error != null && error.getErrorCode() == 604, String.valueOf(error));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queryTimeoutCancelsTheQuery() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(
                    "select sum(a.range * b.range) as too_slow from range(1000000) a, range(1000000) b"));
            // the driver cancels on its own timer (000604) unless the server's timeout (000630) came first
            assertTrue(error.getErrorCode() == 604 || error.getErrorCode() == 630, error.getErrorCode() + " " + error.getMessage());
            assertEquals("57014", error.getSQLState());
        }
    }

    @Test
    void sessionStatementTimeoutIsSnowflakesTimeoutError() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter session set statement_timeout_in_seconds = 1");
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery(
                    "select sum(a.range * b.range) as too_slow from range(1000000) a, range(1000000) b"));
            assertEquals(630, error.getErrorCode(), error.getMessage());
            assertTrue(error.getMessage().contains("Statement reached its statement or warehouse timeout of 1 second(s) and was canceled."),
                    error.getMessage());
        }
    }

    @Test
    void writingTwoDatabasesInOneTransactionIsAClearEmulatorLimit() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.one (id number)");
            statement.execute("create or replace table raw.public.two (id number)");
            statement.execute("begin");
            statement.execute("insert into analytics.stmts.one values (1)");
            SQLException error = assertThrows(SQLException.class, () -> statement.execute("insert into raw.public.two values (1)"));
            assertTrue(error.getMessage().contains("the Snowflake protocol emulator cannot write to two databases in one transaction"),
                    error.getMessage());
            statement.execute("rollback");
        }
    }

    @Test
    void ddlCommitsAnOpenTransactionFirstAsSnowflakeDoes() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table analytics.stmts.implicit (id number)");
            statement.execute("begin");
            statement.execute("insert into analytics.stmts.implicit values (1)");
            statement.execute("create or replace table analytics.stmts.other (id number)");
            statement.execute("rollback");
            assertEquals(1, count(statement, "analytics.stmts.implicit"));
        }
    }
}
