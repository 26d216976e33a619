package dev.model.adapter.snowflake.emulator;

import java.util.Map;

/** One column of a reply's {@code rowtype}: the Snowflake type name and its size. */
record RowType(String name, String type, int precision, int scale, long length, boolean nullable) {

    static RowType text(String name) {
        return new RowType(name, "text", 0, 0, 16777216, true);
    }

    static RowType fixed(String name) {
        return new RowType(name, "fixed", 38, 0, 0, true);
    }

    static RowType bool(String name) {
        return new RowType(name, "boolean", 0, 0, 0, true);
    }

    static RowType timestampLtz(String name) {
        return new RowType(name, "timestamp_ltz", 0, 9, 0, true);
    }

    Map<String, Object> json() {
        return Map.of(
                "name", name,
                "database", "", "schema", "", "table", "",
                "type", type,
                "precision", precision,
                "scale", scale,
                "length", length,
                "byteLength", length,
                "nullable", nullable);
    }
}
