package dev.model.run.seed;

import dev.model.adapter.IdentifierCase;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.parse.SeedNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed configs that change how the file is read and the table built.
 *
 * @param columnTypes  {@code column_types}: column name (as in the header) to a warehouse type
 * @param quoteColumns {@code quote_columns}; when unset, quoted except where unquoted names fold to upper
 *                     case (Snowflake, H2), so that models can name the columns without quotes there
 */
record SeedConfig(char delimiter, Map<String, String> columnTypes, boolean quoteColumns) {

    SeedConfig {
        columnTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
    }

    static SeedConfig of(SeedNode seed, IdentifierCase identifierCase) {
        String delimiter = seed.config().getString("delimiter");
        if (delimiter != null && delimiter.length() != 1) {
            throw ModelException.project("Seed '" + seed.name() + "': delimiter must be one character, got '"
                    + delimiter + "'", SourceLocation.of(java.nio.file.Path.of(seed.originalFilePath())));
        }
        Map<String, String> types = new LinkedHashMap<>();
        if (seed.config().get("column_types") instanceof Map<?, ?> raw) {
            raw.forEach((column, type) -> types.put(String.valueOf(column), String.valueOf(type)));
        }
        Object quote = seed.config().get("quote_columns");
        boolean quoteColumns = quote == null
                ? identifierCase != IdentifierCase.FOLD_UPPER
                : Boolean.parseBoolean(quote.toString());
        return new SeedConfig(delimiter == null ? ',' : delimiter.charAt(0), types, quoteColumns);
    }

    /** The configured type of a header column, matched without regard to case as dbt's lookup is. */
    String typeOf(String column) {
        String exact = columnTypes.get(column);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : columnTypes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
