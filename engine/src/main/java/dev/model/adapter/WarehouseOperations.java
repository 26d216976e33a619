package dev.model.adapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a materialization asks of the warehouse. A {@link Session} runs them on the connection it
 * holds; a {@link WarehouseAdapter} runs each on a connection borrowed for that call. Every failure
 * is a {@link dev.model.error.ModelException} of category WAREHOUSE naming the statement.
 */
public interface WarehouseOperations {

    /** Runs one statement; rows of a query are read and dropped. */
    StatementResult execute(String sql);

    /** Runs one statement and returns at most {@code maxRows} rows (0 = all). */
    QueryResult query(String sql, int maxRows);

    /**
     * Runs the statements as one transaction: all or nothing where the warehouse has
     * {@link Capability#TRANSACTIONAL_DDL}; elsewhere DDL commits as it runs and a failure
     * stops at the failing statement.
     */
    List<StatementResult> executeInTransaction(List<String> statements);

    /** Creates the schema unless it exists; a null database means the adapter's own. */
    void createSchemaIfMissing(String database, String schema);

    /** The relation with its TABLE or VIEW type, or empty; names match per {@link IdentifierCase}. */
    Optional<Relation> getRelation(Relation wanted);

    /** Tables and views of a schema, names as the catalog stores them. */
    List<Relation> listRelations(String database, String schema);

    /** Columns in table order; empty when the relation does not exist. */
    List<Column> getColumns(Relation relation);

    /** Drops a table or view if it exists (an UNKNOWN type is looked up first). */
    void dropRelation(Relation relation);

    /** Renames within the same schema; returns the renamed relation. */
    Relation renameRelation(Relation from, String newIdentifier);

    /**
     * Appends rows to an existing table, all or nothing. Values are positional: {@code columns} are
     * the table's columns in table order (as {@link #getColumns} returns them) and each row holds
     * one value per column, plain Java (Number, String, Boolean, LocalDate, LocalDateTime, null),
     * converted to the column's type. Returns the number of rows loaded.
     */
    long loadRows(Relation table, List<Column> columns, Iterable<Object[]> rows);

    /** Appends a CSV file to an existing table, columns by position, all or nothing; returns rows loaded. */
    long loadCsv(Relation table, Path csvFile, CsvOptions options);

    /** Privilege -> grantees on a relation, as dbt's {@code standardize_grants_dict}; needs {@link Capability#GRANTS}. */
    Map<String, Set<String>> showGrants(Relation relation);
}
