package dev.model.adapter.snowflake.emulator;

/**
 * An error the emulator answers in Snowflake's shape: {@code success: false}, {@code code},
 * {@code message}, {@code data.sqlState}. The driver turns it into a SQLException with
 * {@code getErrorCode() == Integer.parseInt(code)} and that SQL state.
 */
final class SnowflakeError extends RuntimeException {

    private final String code;
    private final String sqlState;

    SnowflakeError(String code, String sqlState, String message) {
        super(message);
        this.code = code;
        this.sqlState = sqlState;
    }

    String code() {
        return code;
    }

    String sqlState() {
        return sqlState;
    }

    static SnowflakeError compilation(String detail) {
        return new SnowflakeError("001003", "42000", "SQL compilation error:\n" + detail);
    }

    static SnowflakeError notTranslated(String what) {
        return compilation("the Snowflake protocol emulator does not translate " + what);
    }

    static SnowflakeError objectMissing(String kind, String name) {
        return new SnowflakeError("002003", "42S02",
                "SQL compilation error:\n" + kind + " '" + name + "' does not exist or not authorized.");
    }

    static SnowflakeError schemaMissing(String name) {
        return new SnowflakeError("002003", "02000",
                "SQL compilation error:\nSchema '" + name + "' does not exist or not authorized.");
    }

    static SnowflakeError databaseMissing(String name) {
        return new SnowflakeError("002003", "02000",
                "SQL compilation error:\nDatabase '" + name + "' does not exist or not authorized.");
    }

    static SnowflakeError noWarehouse() {
        return new SnowflakeError("000606", "57P03",
                "No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.\n");
    }
}
