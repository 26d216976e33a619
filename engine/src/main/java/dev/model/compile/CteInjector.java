package dev.model.compile;

import java.util.List;
import java.util.Locale;

/**
 * Puts ephemeral models into a query as CTEs, where dbt puts them: right after the query's own
 * leading {@code with} (or {@code with recursive}), found past any leading comments; or in a new
 * {@code with} before the first non-blank character, comments included, as sqlparse does for dbt.
 */
final class CteInjector {

    static final String PREFIX = "__dbt__cte__";

    private CteInjector() {
    }

    /** {@code ctes} are complete {@code " __dbt__cte__x as (\n...\n)"} texts, innermost first. */
    static String inject(String sql, List<String> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        String joined = String.join(", ", ctes);
        int first = skipSpaceAndComments(sql, 0);
        int afterWith = first < 0 ? -1 : keywordEnd(sql, first, "with");
        if (afterWith < 0) {
            // sqlparse's first token skips whitespace but not comments: a new with goes before them.
            int start = firstNonWhitespace(sql);
            return sql.substring(0, start) + "with" + joined + " " + sql.substring(start);
        }
        int insertAt = afterWith;
        int next = skipSpaceAndComments(sql, afterWith);
        int afterRecursive = next < 0 ? -1 : keywordEnd(sql, next, "recursive");
        if (afterRecursive >= 0) {
            insertAt = afterRecursive;
        }
        return sql.substring(0, insertAt) + joined + "," + sql.substring(insertAt);
    }

    static String cteFor(String ephemeralIdentifier, String compiledSql) {
        return " " + PREFIX + ephemeralIdentifier + " as (\n" + compiledSql + "\n)";
    }

    private static int firstNonWhitespace(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaceAndComments(String sql, int from) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                return i;
            }
        }
        return -1;
    }

    /** End index of {@code keyword} at {@code at} when it stands there as a whole word, else -1. */
    private static int keywordEnd(String sql, int at, String keyword) {
        int end = at + keyword.length();
        if (end > sql.length() || !sql.substring(at, end).toLowerCase(Locale.ROOT).equals(keyword)) {
            return -1;
        }
        if (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            return -1;
        }
        return end;
    }
}
