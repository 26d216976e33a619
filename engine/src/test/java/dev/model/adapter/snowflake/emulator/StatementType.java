package dev.model.adapter.snowflake.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snowflake's statement type ids ({@code statementTypeId} in a reply); the driver decides from them
 * whether a statement returns a result set or an update count.
 */
enum StatementType {
    SELECT(0x1000),
    INSERT(0x3100),
    UPDATE(0x3200),
    DELETE(0x3300),
    MERGE(0x3400),
    ALTER_SESSION(0x4100),
    USE(0x4300),
    SHOW(0x4400),
    DESCRIBE(0x4500),
    TCL(0x5000),
    DDL(0x6000);

    private static final Pattern FIRST_WORDS = Pattern.compile("^[\\s(]*([A-Za-z]+)(?:\\s+([A-Za-z]+))?");

    final long id;

    StatementType(long id) {
        this.id = id;
    }

    boolean isDml() {
        return this == INSERT || this == UPDATE || this == DELETE || this == MERGE;
    }

    /** Classifies masked Snowflake text by its leading keywords. */
    static StatementType of(String maskedSql) {
        Matcher m = FIRST_WORDS.matcher(maskedSql);
        if (!m.find()) {
            return SELECT;
        }
        String first = m.group(1).toLowerCase(Locale.ROOT);
        String second = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (first) {
            case "select", "with", "values", "from", "table" -> SELECT;
            case "insert" -> INSERT;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            case "merge" -> MERGE;
            case "show" -> SHOW;
            case "describe", "desc" -> DESCRIBE;
            case "use" -> USE;
            case "begin", "start", "commit", "rollback" -> TCL;
            case "alter" -> second.equals("session") ? ALTER_SESSION : DDL;
            default -> DDL;
        };
    }
}
