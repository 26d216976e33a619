package dev.model.run.seed;

import dev.model.adapter.Relation;
import dev.model.adapter.Session;

/**
 * Creates a new table holding a seed file's rows. The caller hands it a free name and swaps the
 * result in; a loader that fails leaves at most that table behind, which the caller drops.
 */
interface SeedLoader {

    /** Creates {@code table} from the file and returns the number of rows loaded. */
    long createAndLoad(Session session, Relation table);

    /** The loader for a warehouse: DuckDB's own CSV reader where there is one, else rows inferred in Java. */
    static SeedLoader forAdapter(String adapterType, SeedCsv csv, SeedConfig config) {
        return switch (adapterType) {
            case "duckdb" -> new DuckDbCsvLoader(csv, config);
            default -> new RowLoader(csv, config, adapterType);
        };
    }
}
