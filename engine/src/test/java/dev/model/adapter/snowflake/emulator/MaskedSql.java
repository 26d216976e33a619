package dev.model.adapter.snowflake.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text with its string literals and quoted identifiers replaced by placeholders, and its comments
 * removed, so that the translation rules (regular expressions) never look inside a literal or a quoted
 * name. {@link #unmask} writes the literals back in DuckDB's standard form.
 *
 * <p>Snowflake text may use backslash escapes inside {@code '...'} and {@code $$...$$} quoting, and
 * {@code //} line comments; DuckDB text (used when binding values into an already translated statement)
 * has none of these.
 */
final class MaskedSql {

    static final char STRING_OPEN = '\uE000';
    static final char STRING_CLOSE = '\uE001';
    static final char IDENT_OPEN = '\uE002';
    static final char IDENT_CLOSE = '\uE003';

    /** An unquoted identifier or a masked quoted one. */
    static final String IDENT = "(?:[A-Za-z_][A-Za-z0-9_$]*|" + IDENT_OPEN + "\\d+" + IDENT_CLOSE + ")";
    /** A name of up to three parts, as in {@code db.schema.table}. */
    static final String NAME = IDENT + "(?:\\s*\\.\\s*" + IDENT + "){0,2}";
    /** A masked string literal. */
    static final String STRING = STRING_OPEN + "\\d+" + STRING_CLOSE;

    private static final Pattern PLACEHOLDER = Pattern.compile("([\uE000\uE002])(\\d+)[\uE001\uE003]");

    private final List<String> strings = new ArrayList<>();
    private final List<String> identifiers = new ArrayList<>();
    private final String text;

    private MaskedSql(String sql, boolean snowflake) {
        this.text = mask(sql, snowflake);
    }

    static MaskedSql ofSnowflake(String sql) {
        return new MaskedSql(sql, true);
    }

    static MaskedSql ofDuckDb(String sql) {
        return new MaskedSql(sql, false);
    }

    String text() {
        return text;
    }

    String string(int index) {
        return strings.get(index);
    }

    /** The value of a masked literal such as the one {@link #STRING} matched. */
    String stringAt(String placeholder) {
        return strings.get(Integer.parseInt(placeholder.substring(1, placeholder.length() - 1)));
    }

    /** The name of an identifier matched by {@link #IDENT}: quoted ones as written, unquoted ones as written too. */
    String identifierText(String identOrPlaceholder) {
        if (!identOrPlaceholder.isEmpty() && identOrPlaceholder.charAt(0) == IDENT_OPEN) {
            return identifiers.get(Integer.parseInt(identOrPlaceholder.substring(1, identOrPlaceholder.length() - 1)));
        }
        return identOrPlaceholder;
    }

    boolean isQuoted(String identOrPlaceholder) {
        return !identOrPlaceholder.isEmpty() && identOrPlaceholder.charAt(0) == IDENT_OPEN;
    }

    String addString(String value) {
        strings.add(value);
        return STRING_OPEN + String.valueOf(strings.size() - 1) + STRING_CLOSE;
    }

    String addIdentifier(String name) {
        identifiers.add(name);
        return IDENT_OPEN + String.valueOf(identifiers.size() - 1) + IDENT_CLOSE;
    }

    /** Writes literals back as standard SQL: {@code 'it''s'} and {@code "Name"}. */
    String unmask(String masked) {
        Matcher m = PLACEHOLDER.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(2));
            String replacement = m.group(1).charAt(0) == STRING_OPEN
                    ? "'" + strings.get(index).replace("'", "''") + "'"
                    : "\"" + identifiers.get(index).replace("\"", "\"\"") + "\"";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String mask(String sql, boolean snowflake) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else if (snowflake && d == '\\' && i + 1 < n) {
                        value.append(unescape(sql.charAt(i + 1)));
                        i += 2;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                out.append(addString(value.toString()));
            } else if (snowflake && c == '$' && sql.startsWith("$$", i)) {
                int end = sql.indexOf("$$", i + 2);
                int stop = end < 0 ? n : end;
                out.append(addString(sql.substring(i + 2, stop)));
                i = end < 0 ? n : end + 2;
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n) {
                    char d = sql.charAt(i);
                    if (d == '"' && i + 1 < n && sql.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                    } else if (d == '"') {
                        i++;
                        break;
                    } else {
                        name.append(d);
                        i++;
                    }
                }
                out.append(addIdentifier(name.toString()));
            } else if (sql.startsWith("--", i) || (snowflake && sql.startsWith("//", i))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case '0' -> '\0';
            default -> c;
        };
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    static int closingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits at commas outside parentheses. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
