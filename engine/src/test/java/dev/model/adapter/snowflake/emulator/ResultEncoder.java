package dev.model.adapter.snowflake.emulator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a DuckDB result into Snowflake's JSON result format: a {@code rowtype} per column and every
 * value as the string the driver parses for that type.
 *
 * <ul>
 *   <li>integers and decimals: {@code fixed} with precision and scale, plain decimal text</li>
 *   <li>float and double: {@code real}</li>
 *   <li>boolean: {@code boolean}, "1" or "0"</li>
 *   <li>date: {@code date}, days since 1970-01-01</li>
 *   <li>time: {@code time}, seconds since midnight with nine decimals</li>
 *   <li>timestamp: {@code timestamp_ntz}, seconds since the epoch of the wall-clock value read as UTC,
 *       with nine decimals; timestamp with time zone: {@code timestamp_ltz}, the instant</li>
 *   <li>JSON: {@code variant}, the JSON text; everything else {@code text}</li>
 * </ul>
 *
 * Name rule: a result column whose name is all lower case (written unquoted) is reported in upper case,
 * as Snowflake folds unquoted names; any other name is reported as is.
 */
final class ResultEncoder {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private ResultEncoder() {
    }

    static String columnName(String duckDbName) {
        return duckDbName.equals(duckDbName.toLowerCase(Locale.ROOT)) ? duckDbName.toUpperCase(Locale.ROOT) : duckDbName;
    }

    static Reply encode(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int count = meta.getColumnCount();
        List<RowType> columns = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            columns.add(rowType(columnName(meta.getColumnLabel(i)), meta.getColumnTypeName(i)));
        }
        List<List<String>> values = new ArrayList<>();
        while (rows.next()) {
            List<String> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(value(rows, i, columns.get(i - 1).type()));
            }
            values.add(row);
        }
        return Reply.rows(StatementType.SELECT, columns, values);
    }

    static RowType rowType(String name, String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return new RowType(name, "fixed", Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)), 0, true);
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT" ->
                    new RowType(name, "fixed", 38, 0, 0, true);
            case "FLOAT", "DOUBLE" -> new RowType(name, "real", 0, 0, 0, true);
            case "BOOLEAN" -> new RowType(name, "boolean", 0, 0, 0, true);
            case "DATE" -> new RowType(name, "date", 0, 0, 0, true);
            case "TIME" -> new RowType(name, "time", 0, 9, 0, true);
            case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> new RowType(name, "timestamp_ntz", 0, 9, 0, true);
            case "TIMESTAMP WITH TIME ZONE" -> new RowType(name, "timestamp_ltz", 0, 9, 0, true);
            case "JSON" -> new RowType(name, "variant", 0, 0, 16777216, true);
            default -> RowType.text(name);
        };
    }

    private static String value(ResultSet rows, int index, String type) throws SQLException {
        Object raw = rows.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case "fixed" -> raw instanceof BigDecimal d ? d.toPlainString() : raw.toString();
            case "real" -> Double.toString(rows.getDouble(index));
            case "boolean" -> rows.getBoolean(index) ? "1" : "0";
            case "date" -> Long.toString(rows.getObject(index, LocalDate.class).toEpochDay());
            case "time" -> seconds(0, LocalTime.parse(rows.getString(index)).toNanoOfDay());
            case "timestamp_ntz" -> {
                LocalDateTime t = rows.getObject(index, LocalDateTime.class);
                yield seconds(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
            }
            case "timestamp_ltz" -> {
                OffsetDateTime t = rows.getObject(index, OffsetDateTime.class);
                yield seconds(t.toEpochSecond(), t.getNano());
            }
            default -> rows.getString(index);
        };
    }

    /** {@code seconds.nanoseconds} as an exact decimal with nine places (negative before 1970). */
    static String seconds(long seconds, long nanos) {
        return BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9)).setScale(9).toPlainString();
    }
}
