package dev.model.adapter.snowflake.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code alter dynamic table R set target_lag = '..' [warehouse = X]}, as the dynamic_table
 * materialization sends it when only those settings changed, on the Snowflake protocol emulator.
 */
final class TestSnowflakeEmulatorDynamicTableSet {

    private static TestingSnowflakeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TestingSnowflakeEmulator.start(TestingSnowflakeEmulator.Options.defaults()
                .withWarehouses(List.of("TRANSFORMING", "BIG_WH")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties());
    }

    /** target_lag and warehouse of the one dynamic table named {@code name} in ANALYTICS.DT. */
    private static List<String> settings(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("show dynamic tables like '" + name + "' in schema analytics.dt")) {
            assertTrue(rows.next(), name + " is listed");
            List<String> settings = List.of(rows.getString("target_lag"), rows.getString("warehouse"), rows.getString("refresh_mode"));
            assertFalse(rows.next());
            return settings;
        }
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    @Test
    void setTargetLagAndWarehouseKeepTheQueryAndTheRows() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.dt");
            statement.execute("create or replace table analytics.dt.source_rows as (select 1 as id)");
            statement.execute("create or replace dynamic table analytics.dt.orders\n  target_lag = '1 hour'\n  warehouse = transforming\n"
                    + "  refresh_mode = incremental\n  as (\n    select count(*) as n from analytics.dt.source_rows\n  )");
            assertEquals(List.of("1 hour", "TRANSFORMING", "INCREMENTAL"), settings(statement, "ORDERS"));

            // The materialization's shape when only target_lag changed (snowflake-golden/dynamic_table_alter.sql).
            statement.execute("alter dynamic table analytics.dt.orders set target_lag = '5 minutes'");
            assertEquals(List.of("5 minutes", "TRANSFORMING", "INCREMENTAL"), settings(statement, "ORDERS"));
            assertEquals("1", value(statement, "select n from analytics.dt.orders"), "altering settings does not refresh");

            statement.execute("alter dynamic table analytics.dt.orders set target_lag = 'DOWNSTREAM' warehouse = big_wh");
            assertEquals(List.of("DOWNSTREAM", "BIG_WH", "INCREMENTAL"), settings(statement, "ORDERS"));
            statement.execute("alter dynamic table ANALYTICS.DT.ORDERS set warehouse = transforming");
            assertEquals(List.of("DOWNSTREAM", "TRANSFORMING", "INCREMENTAL"), settings(statement, "ORDERS"));

            statement.execute("insert into analytics.dt.source_rows values (2)");
            statement.execute("alter dynamic table analytics.dt.orders refresh");
            assertEquals("2", value(statement, "select n from analytics.dt.orders"), "the recorded query still refreshes it");
        }
    }

    @Test
    void aPlainTableOrAMissingOneIsSnowflakesObjectDoesNotExist() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists analytics.dt");
            statement.execute("create or replace table analytics.dt.plain (id number)");
            SQLException plain = assertThrows(SQLException.class,
                    () -> statement.execute("alter dynamic table analytics.dt.plain set target_lag = '5 minutes'"));
            assertEquals(2003, plain.getErrorCode());
            assertTrue(plain.getMessage().contains("Dynamic table 'ANALYTICS.DT.PLAIN' does not exist or not authorized."),
                    plain.getMessage());
            SQLException missing = assertThrows(SQLException.class,
                    () -> statement.execute("alter dynamic table analytics.dt.nothing set target_lag = '5 minutes'"));
            assertEquals(2003, missing.getErrorCode());
        }
    }
}
