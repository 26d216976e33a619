package dev.model.adapter.snowflake.emulator;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps DuckDB errors to the Snowflake error a client would see for the same mistake, so that code
 * matching Snowflake's messages ("does not exist or not authorized") behaves the same. Names in these
 * messages are upper-cased like Snowflake's folded identifiers.
 */
final class DuckDbErrors {

    private static final Pattern TABLE_MISSING = Pattern.compile("(?:Table|View|Table Function) with name \"?([^\"!\\s]+)\"? does not exist");
    private static final Pattern SCHEMA_MISSING = Pattern.compile("Schema with name \"?([^\"!\\s]+)\"? does not exist");
    private static final Pattern CATALOG_MISSING = Pattern.compile("Catalog \"?([^\"!\\s]+)\"? does not exist");
    private static final Pattern ALREADY_EXISTS = Pattern.compile("with name \"?([^\"!\\s]+)\"? already exists");
    private static final Pattern COLUMN_MISSING = Pattern.compile("Referenced column \"?([^\"!\\s]+)\"? not found");
    private static final Pattern FUNCTION_MISSING = Pattern.compile("(?:Scalar|Aggregate|Table) Function with name \"?([^\"!\\s]+)\"? does not exist");

    private DuckDbErrors() {
    }

    static SnowflakeError translate(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String first = message.lines().findFirst().orElse(message).strip();
        Matcher m;
        if ((m = FUNCTION_MISSING.matcher(first)).find()) {
            return new SnowflakeError("002140", "42601", "SQL compilation error:\nUnknown function " + upper(m.group(1)));
        }
        if ((m = TABLE_MISSING.matcher(first)).find()) {
            return SnowflakeError.objectMissing("Object", upper(m.group(1)));
        }
        if ((m = SCHEMA_MISSING.matcher(first)).find()) {
            return SnowflakeError.schemaMissing(upper(m.group(1)));
        }
        if ((m = CATALOG_MISSING.matcher(first)).find()) {
            return SnowflakeError.databaseMissing(upper(m.group(1)));
        }
        if ((m = ALREADY_EXISTS.matcher(first)).find()) {
            return new SnowflakeError("002002", "42710", "SQL compilation error:\nObject '" + upper(m.group(1)) + "' already exists.");
        }
        if ((m = COLUMN_MISSING.matcher(first)).find()) {
            return new SnowflakeError("000904", "42000",
                    "SQL compilation error: error line 1 at position 0\ninvalid identifier '" + upper(m.group(1)) + "'");
        }
        if (first.startsWith("Parser Error") || first.startsWith("Binder Error") || first.startsWith("Catalog Error")) {
            return SnowflakeError.compilation(first);
        }
        if (first.startsWith("Conversion Error")) {
            return new SnowflakeError("100038", "22018", first);
        }
        if (first.startsWith("Constraint Error") && first.contains("NOT NULL")) {
            return new SnowflakeError("100072", "22000", "NULL result in a non-nullable column");
        }
        if (first.startsWith("Constraint Error")) {
            return new SnowflakeError("100090", "23000", first);
        }
        if (first.startsWith("Out of Range Error")) {
            return new SnowflakeError("100035", "22003", first);
        }
        if (first.contains("a single transaction can only write to a single attached database")) {
            return new SnowflakeError("000603", "XX000", "the Snowflake protocol emulator cannot write to two databases in one"
                    + " transaction (a DuckDB limit): " + first);
        }
        if (first.startsWith("TransactionContext Error")) {
            return new SnowflakeError("000625", "57014", first);
        }
        if (first.startsWith("INTERRUPT Error") || first.toLowerCase(Locale.ROOT).contains("interrupted")) {
            return new SnowflakeError("000604", "57014", "SQL execution canceled");
        }
        return new SnowflakeError("100000", "22000", first);
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
