/**
 * {@code model seed}: {@link dev.model.run.seed.SeedExecutor} loads one CSV seed into its table.
 *
 * <p>On DuckDB the file is read by DuckDB's own parallel CSV reader ({@code read_csv} with its
 * type sniffer; {@code column_types} become the reader's {@code types}); elsewhere Commons CSV
 * reads it, types are inferred in Java with dbt's agate rules over every value (integer, number,
 * date, timestamp, boolean, text; empty is null) and rows go through
 * {@link dev.model.adapter.WarehouseOperations#loadRows}. Either way the rows land in
 * {@code <name>__dbt_tmp} first and are swapped in (see {@code SeedTable}), so a bad file leaves
 * the previous table intact. Bad input names the file and line:
 * {@code seeds/orders.csv:17: expected 5 columns, found 4}.
 */
package dev.model.run.seed;
