package dev.model.run.materialize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text a macro or hook rendered into statements at top-level semicolons, as dbt's
 * adapters do before sending them: semicolons inside quotes, quoted names, {@code $$...$$} strings
 * (Snowflake's comments, Postgres' bodies) and comments stay.
 * Empty statements (only blanks and comments) are dropped.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = closing(sql, i, c);
                hasCode = true;
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                int close = sql.indexOf("$$", i + 2);
                end = close < 0 ? n : close + 2;
                hasCode = true;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                end = eol < 0 ? n : eol;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            } else if (c == ';') {
                if (hasCode) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                hasCode = false;
                i++;
                continue;
            } else if (!Character.isWhitespace(c)) {
                hasCode = true;
            }
            current.append(sql, i, end);
            i = end;
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Index after the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
