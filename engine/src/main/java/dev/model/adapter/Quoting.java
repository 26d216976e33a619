package dev.model.adapter;

/**
 * How a warehouse quotes the three parts of a relation name, as dbt's {@code quote_policy}.
 * DuckDB and H2 quote everything by default; Snowflake quotes nothing so names fold to upper case.
 */
public record Quoting(boolean database, boolean schema, boolean identifier, char quoteChar) {

    public static final Quoting ALL_DOUBLE = new Quoting(true, true, true, '"');
    public static final Quoting NONE = new Quoting(false, false, false, '"');

    public String quote(String part) {
        String q = String.valueOf(quoteChar);
        return q + part.replace(q, q + q) + q;
    }
}
