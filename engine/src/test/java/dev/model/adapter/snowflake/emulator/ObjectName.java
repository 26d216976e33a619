package dev.model.adapter.snowflake.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fully resolved Snowflake object name. Parts are stored as Snowflake stores them: unquoted
 * identifiers folded to upper case, quoted ones as written.
 */
record ObjectName(String database, String schema, String name) {

    /** {@code DB.SCHEMA.NAME}, the key of grants and dynamic tables and the form of error messages. */
    String qualified() {
        return database + "." + schema + "." + name;
    }

    /** The same object named for DuckDB (quoted, so DuckDB looks it up case-insensitively). */
    String duckDb() {
        return quote(database) + "." + quote(schema) + "." + quote(name);
    }

    static String quote(String part) {
        return "\"" + part.replace("\"", "\"\"") + "\"";
    }

    /**
     * Parses {@code name}, {@code schema.name} or {@code db.schema.name} in masked text and completes it
     * with the session's current database and schema.
     */
    static ObjectName resolve(MaskedSql sql, String maskedName, String currentDatabase, String currentSchema) {
        List<String> parts = parts(sql, maskedName);
        String database = parts.size() == 3 ? parts.get(0) : currentDatabase;
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : currentSchema;
        String name = parts.get(parts.size() - 1);
        if (database == null || schema == null) {
            throw new SnowflakeError("090105", "22000",
                    "Cannot perform operation. This session does not have a current "
                            + (database == null ? "database" : "schema")
                            + ". Call 'USE " + (database == null ? "DATABASE" : "SCHEMA") + "', or use a qualified name.");
        }
        return new ObjectName(database, schema, name);
    }

    /** Splits a dotted masked name into folded parts. */
    static List<String> parts(MaskedSql sql, String maskedName) {
        List<String> parts = new ArrayList<>();
        for (String raw : maskedName.split("\\.")) {
            String part = raw.strip();
            parts.add(sql.isQuoted(part) ? sql.identifierText(part) : part.toUpperCase(Locale.ROOT));
        }
        return parts;
    }
}
