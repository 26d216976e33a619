package dev.model.adapter.snowflake;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The driver logs through java.util.logging to the console (a SEVERE line per failed HTTP attempt,
 * with request URLs). model reports each failure once, as a clear error, so the driver's own
 * console lines are switched off, as dbt-snowflake keeps the connector at ERROR in files only.
 */
final class SnowflakeDriverLogging {

    /** Held so the configured logger is not collected and its level lost; the same for every run. */
    private static final Logger DRIVER = Logger.getLogger("net.snowflake");

    private SnowflakeDriverLogging() {
    }

    static void quiet() {
        DRIVER.setLevel(Level.OFF);
    }
}
