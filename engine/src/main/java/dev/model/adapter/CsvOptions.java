package dev.model.adapter;

/**
 * How a CSV file is written, for {@link WarehouseOperations#loadCsv}. dbt's seeds: comma,
 * double quote, a header row, and an empty field read as null.
 */
public record CsvOptions(char delimiter, char quote, boolean header, String nullString) {

    public static final CsvOptions DBT_SEED = new CsvOptions(',', '"', true, "");

    public CsvOptions {
        if (nullString == null) {
            nullString = "";
        }
    }

    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, quote, header, nullString);
    }
}
