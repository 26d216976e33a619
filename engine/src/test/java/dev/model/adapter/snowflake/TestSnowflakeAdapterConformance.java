package dev.model.adapter.snowflake;

import dev.model.adapter.AdapterConformanceSuite;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.snowflake.emulator.TestingSnowflakeEmulator;
import dev.model.log.Log;
import dev.model.project.Target;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;

/**
 * The whole adapter conformance suite on the Snowflake adapter, through the unmodified driver,
 * against the Snowflake protocol emulator (a stand-in for Snowflake, backed by DuckDB).
 */
final class TestSnowflakeAdapterConformance extends AdapterConformanceSuite {

    private TestingSnowflakeEmulator emulator;

    @Override
    protected WarehouseAdapter openAdapter(Path directory) {
        if (emulator == null) {
            emulator = TestingSnowflakeEmulator.start();
        }
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("type", "snowflake"), Map.entry("account", "emulator"), Map.entry("host", emulator.host()),
                Map.entry("port", emulator.port()), Map.entry("protocol", "http"), Map.entry("user", "model_user"),
                Map.entry("password", "model_password"), Map.entry("role", "TRANSFORMER"),
                Map.entry("warehouse", "TRANSFORMING"), Map.entry("database", "ANALYTICS"), Map.entry("schema", "PUBLIC"),
                Map.entry("connect_retries", 0));
        return SnowflakeAdapter.open(new Target("conformance", "emulator", "snowflake", "ANALYTICS", "PUBLIC", 4, settings),
                directory, Log.silent());
    }

    /** A trillion-row cross join, written as Snowflake SQL (the emulator runs it on DuckDB). */
    @Override
    protected String longRunningQuery() {
        return "select count(*) from table(generator(rowcount => 1000000)) a, table(generator(rowcount => 1000000)) b";
    }

    /** Snowflake integers are NUMBER(38,0); the driver reads them as Long, of JDBC type BIGINT. */
    @Override
    protected Object integer(int value) {
        return (long) value;
    }

    @Override
    protected int integerJdbcType() {
        return Types.BIGINT;
    }

    @Override
    protected boolean isIntegerType(String dataType) {
        return dataType.equals("NUMBER(38,0)");
    }

    /** dbt-snowflake's adapter response: the SQL state (SUCCESS) and the row count. */
    @Override
    protected String responseMessage(long rows) {
        return "SUCCESS " + rows;
    }

    /** The Snowflake protocol emulator reports quoted lower-case names upper case (its documented difference). */
    @Override
    protected String oddName(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** The suite closes the adapter after this; closing it first lets its sessions log out before the emulator stops. */
    @AfterEach
    void stopEmulator() {
        adapter.close();
        emulator.close();
    }
}
