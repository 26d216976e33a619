package dev.model.adapter;

import java.sql.Array;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads result values as plain JDK types. Driver classes (DuckDB structs, H2 values) become
 * strings, so templates never hold an object of the driver.
 */
final class JdbcValues {

    private JdbcValues() {
    }

    static Object read(ResultSet rs, int column) throws SQLException {
        return plain(rs.getObject(column));
    }

    static Object plain(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Array array) {
            Object[] items = (Object[]) array.getArray();
            List<Object> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(plain(item));
            }
            return out;
        }
        if (value.getClass().getName().startsWith("java.")) {
            return value;
        }
        return value.toString();
    }
}
