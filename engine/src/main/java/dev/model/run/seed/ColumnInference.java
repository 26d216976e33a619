package dev.model.run.seed;

import java.util.EnumSet;

/**
 * Narrows one column's possible types as values stream past, as agate's type tester does over
 * the whole file. Also remembers what decides the SQL type: the widest whole number and whether
 * any number has decimals. Not thread-safe; one per column per load.
 */
final class ColumnInference {

    private final EnumSet<InferredType> candidates = EnumSet.allOf(InferredType.class);
    private boolean beyondInt;
    private boolean beyondLong;

    void see(String value) {
        if (value.isEmpty()) {
            return;
        }
        candidates.removeIf(type -> type != InferredType.TEXT && !type.accepts(value));
        if (candidates.contains(InferredType.INTEGER)) {
            String digits = value.strip();
            int length = digits.length() - (digits.startsWith("-") || digits.startsWith("+") ? 1 : 0);
            if (length >= 10) {
                long parsed;
                try {
                    parsed = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    beyondLong = true;
                    return;
                }
                beyondInt |= parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE;
            }
        }
    }

    /** The first type, in dbt's order, that every value fitted. */
    InferredType type() {
        for (InferredType type : InferredType.values()) {
            if (candidates.contains(type)) {
                return type;
            }
        }
        return InferredType.TEXT;
    }

    /** The SQL type for DuckDB, H2 and ANSI warehouses: dbt's integer, float8, boolean, date, timestamp, text. */
    String sqlType(String adapterType) {
        boolean snowflake = "snowflake".equalsIgnoreCase(adapterType);
        return switch (type()) {
            case INTEGER -> beyondLong ? "numeric(38,0)" : beyondInt ? "bigint" : "integer";
            case NUMBER -> snowflake ? "float" : "double precision";
            case DATE -> "date";
            case TIMESTAMP -> snowflake ? "timestamp_ntz" : "timestamp";
            case BOOLEAN -> "boolean";
            case TEXT -> "varchar";
        };
    }
}
