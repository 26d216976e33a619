package dev.model.adapter.snowflake.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver's bind values ({@code "1": {"type": "TEXT", "value": "x"}}, or with array binding a list of
 * values per parameter) written into the translated DuckDB statement as literals. With array binding,
 * a {@code values (?, ...)} tuple holding every placeholder is repeated once per row, so a whole batch is
 * one DuckDB statement; any other statement runs once per row.
 *
 * <p>Value encodings the driver uses: FIXED and REAL as decimal text, BOOLEAN as true/false, DATE as
 * milliseconds since the epoch (UTC midnight), TIME as nanoseconds since midnight, TIMESTAMP_* as
 * nanoseconds since the epoch (TIMESTAMP_TZ followed by a space and the offset in minutes + 1440),
 * BINARY as hex.
 */
final class Bindings {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final List<List<String>> rows;

    private Bindings(List<List<String>> rows) {
        this.rows = rows;
    }

    static Bindings of(JsonNode bindings) {
        if (bindings == null || bindings.isNull() || bindings.isEmpty()) {
            return new Bindings(List.of());
        }
        Map<Integer, JsonNode> byPosition = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = bindings.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                byPosition.put(Integer.parseInt(field.getKey()), field.getValue());
            } catch (NumberFormatException e) {
                throw SnowflakeError.notTranslated("named bind variables (:" + field.getKey() + ")");
            }
        }
        int rowCount = 1;
        for (JsonNode binding : byPosition.values()) {
            if (binding.path("value").isArray()) {
                rowCount = binding.path("value").size();
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < rowCount; row++) {
            List<String> literals = new ArrayList<>();
            for (JsonNode binding : byPosition.values()) {
                JsonNode value = binding.path("value");
                JsonNode cell = value.isArray() ? value.get(row) : value;
                literals.add(literal(binding.path("type").asText("TEXT"), cell == null || cell.isNull() ? null : cell.asText()));
            }
            rows.add(literals);
        }
        return new Bindings(rows);
    }

    int rowCount() {
        return rows.size();
    }

    /** The statements to run: the SQL itself without binds, one statement for an expandable batch, else one per row. */
    List<String> bind(String duckDbSql) {
        if (rows.isEmpty()) {
            return List.of(duckDbSql);
        }
        MaskedSql masked = MaskedSql.ofDuckDb(duckDbSql);
        String text = masked.text();
        int placeholders = count(text);
        if (placeholders != rows.get(0).size()) {
            throw new SnowflakeError("002049", "42601", "SQL compilation error: " + rows.get(0).size()
                    + " bind values for " + placeholders + " placeholders");
        }
        if (rows.size() > 1) {
            Matcher values = Pattern.compile("\\bvalues\\s*\\(", Pattern.CASE_INSENSITIVE).matcher(text);
            while (values.find()) {
                int open = values.end() - 1;
                int close = MaskedSql.closingParen(text, open);
                if (close > 0 && count(text.substring(open, close)) == placeholders) {
                    List<String> tuples = new ArrayList<>();
                    for (List<String> row : rows) {
                        tuples.add(substitute(text.substring(open, close + 1), row));
                    }
                    return List.of(masked.unmask(text.substring(0, open) + String.join(", ", tuples) + text.substring(close + 1)));
                }
            }
        }
        List<String> statements = new ArrayList<>();
        for (List<String> row : rows) {
            statements.add(masked.unmask(substitute(text, row)));
        }
        return statements;
    }

    private static int count(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?') {
                n++;
            }
        }
        return n;
    }

    private static String substitute(String text, List<String> literals) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '?' ? literals.get(next++) : String.valueOf(c));
        }
        return out.toString();
    }

    static String literal(String type, String value) {
        if (value == null) {
            return "NULL";
        }
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "FIXED" -> NUMBER.matcher(value).matches() ? value : quote(value);
            case "REAL" -> "CAST(" + quote(value) + " AS DOUBLE)";
            case "BOOLEAN" -> "CAST(" + quote(value) + " AS BOOLEAN)";
            case "DATE" -> "DATE '" + LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(value)), ZoneOffset.UTC) + "'";
            case "TIME" -> "TIME '" + LocalTime.ofNanoOfDay(Long.parseLong(value)) + "'";
            case "TIMESTAMP_NTZ", "TIMESTAMP" -> "TIMESTAMP '" + dateTime(value) + "'";
            case "TIMESTAMP_LTZ" -> "CAST('" + dateTime(value) + "+00' AS TIMESTAMPTZ)";
            case "TIMESTAMP_TZ" -> timestampTz(value);
            case "BINARY" -> "from_hex(" + quote(value) + ")";
            default -> quote(value);
        };
    }

    /** The instant; the offset the driver sends after it is not kept (DuckDB's timestamptz holds instants). */
    private static String timestampTz(String value) {
        String nanos = value.strip().split("\\s+")[0];
        return "CAST('" + dateTime(nanos) + "+00' AS TIMESTAMPTZ)";
    }

    private static LocalDateTime dateTime(String epochNanos) {
        BigInteger[] split = new BigInteger(epochNanos).divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
        long seconds = split[0].longValueExact();
        long nanos = split[1].longValueExact();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000L;
        }
        return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
