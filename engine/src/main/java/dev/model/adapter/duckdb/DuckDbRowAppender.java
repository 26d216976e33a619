package dev.model.adapter.duckdb;

import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends rows through DuckDB's Appender. The Appender rejects a value whose Java type is not the
 * column's exact type (a Long into an INTEGER, 1.5 into DECIMAL(10,2)), so each column gets a
 * converter chosen once from its declared type.
 */
final class DuckDbRowAppender {

    private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\((\\d+),\\s*(\\d+)\\)");

    private interface Put {
        void put(DuckDBAppender appender, Object value) throws SQLException;
    }

    private final DuckDBConnection connection;
    private final Relation table;
    private final Put[] puts;
    private final String[] types;

    DuckDbRowAppender(DuckDBConnection connection, Relation table, List<Column> columns) {
        this.connection = connection;
        this.table = table;
        this.puts = columns.stream().map(c -> converter(c.dataType())).toArray(Put[]::new);
        this.types = columns.stream().map(Column::dataType).toArray(String[]::new);
    }

    static boolean supports(List<Column> columns) {
        return columns.stream().allMatch(c -> converter(c.dataType()) != null);
    }

    long append(Iterable<Object[]> rows) throws SQLException {
        long count = 0;
        try (DuckDBAppender appender = connection.createAppender(table.database(), table.schema(), table.identifier())) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (int i = 0; i < puts.length; i++) {
                    Object value = i < row.length ? row[i] : null;
                    if (value == null) {
                        appender.appendNull();
                    } else {
                        put(appender, i, value, count + 1);
                    }
                }
                appender.endRow();
                count++;
            }
            appender.flush();
        }
        return count;
    }

    private void put(DuckDBAppender appender, int column, Object value, long row) throws SQLException {
        try {
            puts[column].put(appender, value);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new SQLException("row " + row + ", column " + (column + 1) + ": cannot convert '" + value
                    + "' to " + types[column], e);
        }
    }

    private static Put converter(String dataType) {
        String type = dataType.toUpperCase(Locale.ROOT).trim();
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            int scale = Integer.parseInt(decimal.group(2));
            return (a, v) -> a.append(decimalOf(v).setScale(scale, RoundingMode.HALF_UP));
        }
        return switch (type) {
            case "BOOLEAN" -> (a, v) -> a.append(booleanOf(v));
            case "TINYINT" -> (a, v) -> a.append((byte) longOf(v));
            case "SMALLINT" -> (a, v) -> a.append((short) longOf(v));
            case "INTEGER" -> (a, v) -> a.append((int) longOf(v));
            case "BIGINT" -> (a, v) -> a.append(longOf(v));
            case "HUGEINT" -> (a, v) -> a.append(v instanceof BigInteger b ? b : decimalOf(v).toBigIntegerExact());
            case "FLOAT" -> (a, v) -> a.append((float) doubleOf(v));
            case "DOUBLE" -> (a, v) -> a.append(doubleOf(v));
            case "VARCHAR" -> (a, v) -> a.append(v.toString());
            case "DATE" -> (a, v) -> a.append(v instanceof LocalDate d ? d : LocalDate.parse(v.toString().trim()));
            case "TIME" -> (a, v) -> a.append(v instanceof LocalTime t ? t : LocalTime.parse(v.toString().trim()));
            case "TIMESTAMP" -> (a, v) -> a.append(v instanceof LocalDateTime t ? t
                    : LocalDateTime.parse(v.toString().trim().replace(' ', 'T')));
            default -> null;
        };
    }

    private static boolean booleanOf(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static long longOf(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof Double)
                && !(value instanceof Float)) {
            return n.longValue();
        }
        return decimalOf(value).longValueExact();
    }

    private static double doubleOf(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
    }

    private static BigDecimal decimalOf(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString().trim());
    }
}
