package dev.model.adapter;

import java.util.Locale;

/**
 * How a warehouse stores and matches a name part: the per-adapter case hook. It decides the name
 * to look for in the catalog (information_schema) for a name as written in a project.
 */
public enum IdentifierCase {
    /** Names keep their case and match regardless of case, quoted or not (DuckDB). */
    PRESERVE_INSENSITIVE,
    /** Unquoted names fold to upper case; quoted names are exact (H2, Snowflake). */
    FOLD_UPPER,
    /** Unquoted names fold to lower case; quoted names are exact (Postgres). */
    FOLD_LOWER;

    /** The name as the catalog stores it, for a part written as {@code name}. */
    public String stored(String name, boolean quoted) {
        if (name == null || quoted) {
            return name;
        }
        return switch (this) {
            case PRESERVE_INSENSITIVE -> name;
            case FOLD_UPPER -> name.toUpperCase(Locale.ROOT);
            case FOLD_LOWER -> name.toLowerCase(Locale.ROOT);
        };
    }

    /** Whether the catalog's {@code catalogName} is the part written as {@code name}. */
    public boolean matches(String catalogName, String name, boolean quoted) {
        if (this == PRESERVE_INSENSITIVE) {
            return catalogName.equalsIgnoreCase(name);
        }
        return catalogName.equals(stored(name, quoted));
    }
}
