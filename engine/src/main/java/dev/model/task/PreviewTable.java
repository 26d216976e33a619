package dev.model.task;

import dev.model.adapter.QueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Types;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Rows as {@code dbt show} prints them. Text is agate's {@code print_table}: a Markdown table of
 * at most six columns (a {@code ...} column says there are more), values cut to 20 characters,
 * NULL as an empty cell, text left-aligned and everything else right-aligned, decimals with
 * thousands separators and the column's decimal places (at most three).
 */
public final class PreviewTable {

    static final int MAX_COLUMNS = 6;
    static final int MAX_COLUMN_WIDTH = 20;
    static final int MAX_DECIMAL_PLACES = 3;
    private static final String ELLIPSIS = "...";


    private PreviewTable() {
    }

    /** agate's {@code print_table(max_rows=None)}: header, divider, one line per row. */
    public static String text(QueryResult result) {
        List<QueryResult.ResultColumn> columns = result.columns();
        boolean truncated = columns.size() > MAX_COLUMNS;
        int shown = Math.min(columns.size(), MAX_COLUMNS);
        List<String> header = new ArrayList<>();
        List<Boolean> leftAligned = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            header.add(cut(columns.get(c).name()));
            leftAligned.add(isText(columns.get(c)));
        }
        if (truncated) {
            header.add(ELLIPSIS);
            leftAligned.add(isText(columns.get(shown)));
        }
        List<List<String>> cells = new ArrayList<>();
        List<ValueFormat> formats = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            formats.add(ValueFormat.of(columns.get(c), result.rows(), c));
        }
        for (List<Object> row : result.rows()) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < shown; c++) {
                line.add(cut(formats.get(c).format(row.get(c))));
            }
            if (truncated) {
                line.add(ELLIPSIS);
            }
            cells.add(line);
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            for (List<String> line : cells) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(line(header, widths, leftAligned));
        StringJoiner divider = new StringJoiner(" | ", "| ", " |\n");
        for (int width : widths) {
            divider.add("-".repeat(width));
        }
        out.append(divider);
        for (List<String> line : cells) {
            out.append(line(line, widths, leftAligned));
        }
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths, List<Boolean> leftAligned) {
        StringBuilder out = new StringBuilder("|");
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(leftAligned.get(c) ? cell + padding : padding + cell).append(" |");
        }
        return out.append('\n').toString();
    }

    private static String cut(String value) {
        return value.length() > MAX_COLUMN_WIDTH ? value.substring(0, MAX_COLUMN_WIDTH - 3) + ELLIPSIS : value;
    }

    private static boolean isText(QueryResult.ResultColumn column) {
        return switch (column.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> true;
            default -> false;
        };
    }

    private static boolean isDecimal(QueryResult.ResultColumn column) {
        return switch (column.jdbcType()) {
            case Types.DECIMAL, Types.NUMERIC, Types.FLOAT, Types.DOUBLE, Types.REAL -> true;
            default -> false;
        };
    }

    /** How one column's values print: decimals share the column's number of places, as in agate. */
    private record ValueFormat(DecimalFormat decimals, boolean capped) {

        static ValueFormat of(QueryResult.ResultColumn column, List<List<Object>> rows, int index) {
            if (!isDecimal(column)) {
                return new ValueFormat(null, false);
            }
            int places = 0;
            for (List<Object> row : rows) {
                BigDecimal value = decimal(row.get(index));
                if (value != null) {
                    places = Math.max(places, Math.max(0, value.stripTrailingZeros().scale()));
                }
            }
            boolean capped = places > MAX_DECIMAL_PLACES;
            places = Math.min(places, MAX_DECIMAL_PLACES);
            DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
                    DecimalFormatSymbols.getInstance(Locale.US));
            format.setRoundingMode(RoundingMode.HALF_EVEN);
            return new ValueFormat(format, capped);
        }

        String format(Object value) {
            if (value == null) {
                return "";
            }
            BigDecimal number = decimals == null ? null : decimal(value);
            if (number != null) {
                return decimals.format(number) + (capped ? "\u2026" : "");
            }
            return pythonText(value);
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(Double.toString(d));
        }
        if (value instanceof Float f && Float.isFinite(f)) {
            return new BigDecimal(Float.toString(f));
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return null;
    }

    /** What Python's {@code str()} prints for the value dbt's driver would return. */
    static String pythonText(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate() + " " + pythonTime(dateTime.toLocalTime());
        }
        if (value instanceof OffsetDateTime dateTime) {
            String offset = dateTime.getOffset().getId();
            return dateTime.toLocalDate() + " " + pythonTime(dateTime.toLocalTime())
                    + (offset.equals("Z") ? "+00:00" : offset);
        }
        if (value instanceof LocalTime time) {
            return pythonTime(time);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(item instanceof String s ? "'" + s + "'" : pythonText(item)));
            return items.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    static String pythonTime(LocalTime time) {
        String base = String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        return micros == 0 ? base : base + String.format(Locale.ROOT, ".%06d", micros);
    }
}
