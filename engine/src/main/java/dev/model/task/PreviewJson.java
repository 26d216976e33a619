package dev.model.task;

import dev.model.adapter.QueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * {@code dbt show --output json}: Python's {@code json.dumps(..., indent=2)} of
 * {@code {"node": name, "show": [one object per row]}}, byte for byte where the values allow.
 */
public final class PreviewJson {

    private PreviewJson() {
    }

    /** {@code {"node": name, "show": [...]}}, or {@code {"show": [...]}} for an inline query (null name). */
    public static String of(String nodeName, QueryResult result) {
        StringBuilder out = new StringBuilder("{\n");
        if (nodeName != null) {
            out.append("  \"node\": ").append(jsonScalar(nodeName)).append(",\n");
        }
        out.append("  \"show\": ");
        if (result.rows().isEmpty()) {
            out.append("[]");
        } else {
            out.append("[\n");
            List<String> names = result.columnNames();
            for (int r = 0; r < result.rows().size(); r++) {
                List<Object> row = result.rows().get(r);
                out.append("    {\n");
                for (int c = 0; c < names.size(); c++) {
                    out.append("      ").append(jsonScalar(names.get(c))).append(": ").append(jsonValue(row.get(c)));
                    out.append(c + 1 < names.size() ? ",\n" : "\n");
                }
                out.append("    }").append(r + 1 < result.rows().size() ? ",\n" : "\n");
            }
            out.append("  ]");
        }
        return out.append("\n}").toString();
    }

    private static String jsonValue(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return String.valueOf(value);
        }
        if (value instanceof BigDecimal decimal) {
            return jsonNumber(decimal.doubleValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return jsonNumber(((Number) value).doubleValue());
        }
        if (value instanceof LocalDateTime dateTime) {
            return jsonScalar(dateTime.toLocalDate() + "T" + PreviewTable.pythonTime(dateTime.toLocalTime()));
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(jsonValue(item)));
            return items.toString();
        }
        return jsonScalar(PreviewTable.pythonText(value));
    }

    /** Python's float repr where it matters: NaN and infinities as Python's json writes them. */
    private static String jsonNumber(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(value);
    }

    /** Python's {@code json.dumps} of a string: ASCII only, with lower-case {@code \\u} escapes. */
    private static String jsonScalar(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
