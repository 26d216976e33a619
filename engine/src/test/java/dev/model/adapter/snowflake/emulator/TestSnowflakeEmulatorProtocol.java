package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Snowflake protocol emulator through the real snowflake-jdbc driver: login, errors, value encoding. */
final class TestSnowflakeEmulatorProtocol {

    private static TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TestingSnowflakeEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect(Properties properties) throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), properties);
    }

    private static Connection connect() throws SQLException {
        return connect(emulator.connectionProperties("model_user", "model_password"));
    }

    @Test
    void loginReportsTheSessionsDatabaseSchemaWarehouseAndRole() throws SQLException {
        try (Connection connection = connect()) {
            assertEquals("ANALYTICS", connection.getCatalog());
            assertEquals("PUBLIC", connection.getSchema());
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select current_warehouse()")) {
                assertTrue(rows.next());
                assertEquals("TRANSFORMING", rows.getString(1));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select current_role()")) {
                assertTrue(rows.next());
                assertEquals("TRANSFORMER", rows.getString(1));
            }
        }
    }

    @Test
    void wrongPasswordIsSnowflakesIncorrectUsernameOrPassword() {
        SQLException error = assertThrows(SQLException.class,
                () -> connect(emulator.connectionProperties("model_user", "not-the-password")).close());
        assertEquals(390100, error.getErrorCode());
        assertTrue(error.getMessage().contains("Incorrect username or password was specified."), error.getMessage());
        assertFalse(error.getMessage().contains("not-the-password"), "the password must not be echoed");
    }

    @Test
    void unknownUserIsTheSameErrorAsAWrongPassword() {
        SQLException error = assertThrows(SQLException.class,
                () -> connect(emulator.connectionProperties("someone_else", "model_password")).close());
        assertEquals(390100, error.getErrorCode());
    }

    @Test
    void unknownRoleFailsLoginWith390189() {
        Properties properties = emulator.connectionProperties("model_user", "model_password");
        properties.setProperty("role", "analyst");
        SQLException error = assertThrows(SQLException.class, () -> connect(properties).close());
        assertEquals(390189, error.getErrorCode());
        assertTrue(error.getMessage().contains("Role 'ANALYST' specified in the connect string does not exist or not authorized."),
                error.getMessage());
    }

    @Test
    void missingWarehouseLetsLoginSucceedButQueriesNeedingComputeFail() throws SQLException {
        Properties properties = emulator.connectionProperties("model_user", "model_password");
        properties.setProperty("warehouse", "NO_SUCH_WAREHOUSE");
        try (Connection connection = connect(properties); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("select 1"));
            assertEquals(606, error.getErrorCode());
            assertEquals("57P03", error.getSQLState());
            assertTrue(error.getMessage().startsWith("No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command."),
                    error.getMessage());
            // metadata needs no warehouse, as in Snowflake
            statement.execute("create schema if not exists ANALYTICS.NO_WAREHOUSE");
            statement.execute("create or replace table ANALYTICS.NO_WAREHOUSE.T (ID number)");
            try (ResultSet rows = statement.executeQuery("show terse objects in schema ANALYTICS.NO_WAREHOUSE")) {
                assertTrue(rows.next());
                assertEquals("T", rows.getString("name"));
            }
            try (ResultSet rows = statement.executeQuery("describe table ANALYTICS.NO_WAREHOUSE.T")) {
                assertTrue(rows.next());
            }
            statement.execute("alter session set query_tag = 'no warehouse'");
            assertThrows(SQLException.class, () -> statement.execute("insert into ANALYTICS.NO_WAREHOUSE.T values (1)"));
            statement.execute("use warehouse transforming");
            assertEquals(1, statement.executeUpdate("insert into ANALYTICS.NO_WAREHOUSE.T values (1)"));
        }
    }

    @Test
    void eachTypeReadsBackThroughTheDriver() throws SQLException {
        String sql = "select 42 as int_col, 12345678901234 as big_col, 123.45::number(10,2) as dec_col, 1.5::float as float_col,"
                + " 'text' as text_col, true as bool_col, false as false_col, '2024-02-29'::date as date_col,"
                + " '2024-02-29 13:14:15.123456'::timestamp_ntz as ts_col, '1969-12-31 23:59:58.5'::timestamp_ntz as old_ts,"
                + " parse_json('{\"a\": [1, 2]}') as json_col, '1900-01-01'::date as old_date, '13:14:15.5'::time as time_col";
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals("INT_COL", meta.getColumnName(1));
            assertEquals("NUMBER", meta.getColumnTypeName(3));
            assertEquals(2, meta.getScale(3));
            assertEquals("VARIANT", meta.getColumnTypeName(11));
            assertTrue(rows.next());
            assertEquals(42L, rows.getLong("INT_COL"));
            assertEquals(42, rows.getInt(1));
            assertEquals(12345678901234L, rows.getLong("BIG_COL"));
            assertEquals(new BigDecimal("123.45"), rows.getBigDecimal("DEC_COL"));
            assertEquals(1.5, rows.getDouble("FLOAT_COL"));
            assertEquals("text", rows.getString("TEXT_COL"));
            assertTrue(rows.getBoolean("BOOL_COL"));
            assertFalse(rows.getBoolean("FALSE_COL"));
            assertEquals("TRUE", rows.getString("BOOL_COL"));
            assertEquals(LocalDate.of(2024, 2, 29), rows.getDate("DATE_COL").toLocalDate());
            assertEquals("2024-02-29", rows.getString("DATE_COL"));
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000), rows.getTimestamp("TS_COL").toLocalDateTime());
            assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 58, 500_000_000), rows.getTimestamp("OLD_TS").toLocalDateTime());
            assertEquals("{\"a\":[1,2]}", rows.getString("JSON_COL").replaceAll("\\s", ""));
            assertEquals(LocalDate.of(1900, 1, 1), rows.getDate("OLD_DATE").toLocalDate());
            assertEquals(java.time.LocalTime.of(13, 14, 15), rows.getTime("TIME_COL").toLocalTime());
            assertEquals("TIME", meta.getColumnTypeName(13));
            assertFalse(rows.next());
        }
    }

    @Test
    void nullsOfEveryTypeAreNull() throws SQLException {
        String sql = "select null::number as n, null::varchar as s, null::boolean as b, null::date as d,"
                + " null::timestamp_ntz as t, null::float as f, null::variant as v";
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            assertEquals(0L, rows.getLong("N"));
            assertTrue(rows.wasNull());
            assertNull(rows.getBigDecimal("N"));
            assertNull(rows.getString("S"));
            assertFalse(rows.getBoolean("B"));
            assertTrue(rows.wasNull());
            assertNull(rows.getDate("D"));
            assertNull(rows.getTimestamp("T"));
            assertEquals(0.0, rows.getDouble("F"));
            assertTrue(rows.wasNull());
            assertNull(rows.getString("V"));
        }
    }

    @Test
    void resultColumnNamesFoldLikeSnowflakes() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1 as lower_name, 2 as \"Mixed\", 3 as \"UPPER\"")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals("LOWER_NAME", meta.getColumnName(1));
            assertEquals("Mixed", meta.getColumnName(2));
            assertEquals("UPPER", meta.getColumnName(3));
        }
    }

    @Test
    void injectedErrorSurfacesWithItsCodeAndStateOnce() throws SQLException {
        emulator.failNext(sql -> sql.contains("injected_target"), 90_001, "08006", "The connection was lost (injected).");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("select 1 as injected_target"));
            assertEquals(90001, error.getErrorCode());
            assertEquals("08006", error.getSQLState());
            assertTrue(error.getMessage().contains("The connection was lost (injected)."), error.getMessage());
            try (ResultSet rows = statement.executeQuery("select 1 as injected_target")) {
                assertTrue(rows.next(), "the fault fires once");
            }
        }
    }

    @Test
    void missingTableIsSnowflakesObjectDoesNotExist() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("select * from no_such_table"));
            assertEquals(2003, error.getErrorCode());
            assertEquals("42S02", error.getSQLState());
            assertTrue(error.getMessage().contains("Object 'NO_SUCH_TABLE' does not exist or not authorized."), error.getMessage());
        }
    }

    @Test
    void untranslatableSqlIsACompilationErrorNotAWrongResult() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("select object_construct('a', 1)"));
            assertEquals(1003, error.getErrorCode());
            assertEquals("42000", error.getSQLState());
            assertTrue(error.getMessage().startsWith("SQL compilation error:"), error.getMessage());
        }
    }

    @Test
    void moreThanOneStatementIsRejectedLikeSnowflakesDefault() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.execute("select 1; select 2"));
            assertEquals(8, error.getErrorCode());
        }
    }

    @Test
    void closingTheConnectionEndsTheSession() throws SQLException {
        int before = emulator.openSessions();
        Connection connection = connect();
        assertEquals(before + 1, emulator.openSessions());
        connection.close();
        assertEquals(before, emulator.openSessions());
    }

    @Test
    void currentVersionAndTestConnectionQuery() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select current_version()")) {
                assertTrue(rows.next());
                assertEquals(emulator.options().serverVersion(), rows.getString(1));
            }
            try (ResultSet rows = statement.executeQuery("select 1")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
            }
        }
        List<ReceivedStatement> received = emulator.statements();
        ReceivedStatement version = received.stream().filter(s -> s.sqlText().equals("select current_version()")).findFirst().orElseThrow();
        assertNull(version.translatedSql(), "answered by the emulator itself");
    }
}
