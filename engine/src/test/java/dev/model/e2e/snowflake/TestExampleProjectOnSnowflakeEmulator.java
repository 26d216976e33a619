package dev.model.e2e.snowflake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The example project built through the Snowflake JDBC driver against the Snowflake protocol
 * emulator (a local stand-in for Snowflake, executing on DuckDB), with the same results as its
 * DuckDB build. The project runs unchanged: the default vars, RAW in {@code ANALYTICS.raw}.
 */
final class TestExampleProjectOnSnowflakeEmulator extends TestingExampleProjectOnSnowflake {

    private static final String USER = "model_user";
    private static final String PASSWORD = "model_password";

    private TestingSnowflakeEmulator emulator;

    @Override
    protected SnowflakeUnderTest openSnowflake(Path workspace) throws Exception {
        emulator = TestingSnowflakeEmulator.start();
        Path profiles = workspace.resolve("emulator-profiles");
        Files.createDirectories(profiles);
        Files.writeString(profiles.resolve("profiles.yml"), emulator.profileYaml("shop", "emulator", "SHOP", 4));
        return new SnowflakeUnderTest("the Snowflake protocol emulator",
                List.of("--profiles-dir", profiles.toString(), "--target", "emulator"), Map.of(), null,
                "ANALYTICS", "SHOP", "raw", "snapshots",
                () -> DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties(USER, PASSWORD)));
    }

    @Override
    protected void closeSnowflake() {
        emulator.close();
    }

    @Test
    @Order(4)
    void theModelsWereBuiltWithDbtSnowflakesStatements() {
        List<String> sent = emulator.statements().stream().map(s -> s.sqlText().replaceAll("\\s+", " ").trim()).toList();
        assertTrue(sent.stream().anyMatch(sql -> sql.startsWith("create or replace transient table ANALYTICS.SHOP.dim_customers")),
                () -> "no transient table for dim_customers among:\n" + String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(sql -> sql.startsWith("create or replace view ANALYTICS.SHOP.stg_stream__order_lines")),
                () -> "no view for stg_stream__order_lines among:\n" + String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(sql -> sql.startsWith("merge into ANALYTICS.SHOP.fct_orders")),
                () -> "no merge into fct_orders among:\n" + String.join("\n", sent));
        assertTrue(sent.stream().anyMatch(sql -> sql.contains("lateral flatten(input => events.payload:lines)")),
                () -> "no lateral flatten among:\n" + String.join("\n", sent));
    }
}
