package dev.model.run.seed;

import java.util.Locale;

/**
 * A {@code column_types} entry: the warehouse type the user named, and which of the inferred
 * kinds its values must read as. Types this engine does not know (e.g. {@code variant}) are left
 * for the warehouse to cast from text.
 */
record DeclaredType(String sqlType, InferredType kind) {

    static DeclaredType of(String sqlType) {
        String base = sqlType.strip().toLowerCase(Locale.ROOT);
        int paren = base.indexOf('(');
        if (paren >= 0) {
            base = base.substring(0, paren).strip();
        }
        InferredType kind = switch (base) {
            case "int", "integer", "bigint", "smallint", "tinyint", "hugeint", "int2", "int4", "int8", "long",
                 "ubigint", "uinteger", "usmallint", "utinyint" -> InferredType.INTEGER;
            case "decimal", "numeric", "number", "double", "double precision", "float", "float4", "float8", "real" ->
                    InferredType.NUMBER;
            case "date" -> InferredType.DATE;
            case "timestamp", "datetime", "timestamp_ntz", "timestamp without time zone" -> InferredType.TIMESTAMP;
            case "bool", "boolean" -> InferredType.BOOLEAN;
            default -> InferredType.TEXT;
        };
        return new DeclaredType(sqlType.strip(), kind);
    }

    /** What the value must look like, for the error naming a value that does not fit. */
    String describe() {
        return switch (kind) {
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case DATE -> "a date (YYYY-MM-DD)";
            case TIMESTAMP -> "a timestamp (YYYY-MM-DD hh:mm:ss)";
            case BOOLEAN -> "true or false";
            case TEXT -> "text";
        };
    }
}
