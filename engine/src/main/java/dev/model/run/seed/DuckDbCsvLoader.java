package dev.model.run.seed;

import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.util.List;
import java.util.StringJoiner;

/**
 * DuckDB's own parallel CSV reader: {@code create table ... as select * from read_csv(...)} with
 * its type sniffer, and {@code column_types} passed as the reader's {@code types}. When DuckDB
 * refuses the file, the Java reader reads it again to name the file, line and column of the
 * problem; when the sniffer guessed a type from its sample that a later row breaks, the load is
 * retried with the whole file sampled, as agate looks at every value.
 */
final class DuckDbCsvLoader implements SeedLoader {

    private final SeedCsv csv;
    private final SeedConfig config;

    DuckDbCsvLoader(SeedCsv csv, SeedConfig config) {
        this.csv = csv;
        this.config = config;
    }

    @Override
    public long createAndLoad(Session session, Relation table) {
        List<String> header = csv.header();
        try {
            return create(session, table, header, false);
        } catch (ModelException first) {
            if (first.category() != ErrorCategory.WAREHOUSE) {
                throw first;
            }
            // Names the file, line and column where DuckDB's message may not; throws when it finds one.
            SeedSchema.infer(csv, config, "duckdb");
            if (String.valueOf(first.getMessage()).contains("sample_size")) {
                return create(session, table, header, true);
            }
            throw new ModelException(ErrorCategory.WAREHOUSE, "DuckDB could not load the seed file: "
                    + first.getMessage(), csv.location(0), first);
        }
    }

    private long create(Session session, Relation table, List<String> header, boolean sampleAll) {
        session.execute("create table " + table.render() + " as select * from " + readCsv(header, sampleAll));
        Object count = session.query("select count(*) from " + table.render(), 1).rows().get(0).get(0);
        return ((Number) count).longValue();
    }

    String readCsv(List<String> header, boolean sampleAll) {
        StringBuilder sql = new StringBuilder("read_csv(").append(literal(csv.file().toAbsolutePath().toString()))
                .append(", header = true, auto_detect = true, delim = ").append(literal(String.valueOf(config.delimiter())))
                .append(", quote = '\"', escape = '\"', strict_mode = true, null_padding = false")
                .append(", normalize_names = false, encoding = 'utf-8'");
        if (sampleAll) {
            sql.append(", sample_size = -1");
        }
        StringJoiner types = new StringJoiner(", ", "{", "}");
        for (String column : header) {
            String type = config.typeOf(column);
            if (type != null) {
                types.add(literal(column) + ": " + literal(type));
            }
        }
        if (types.length() > 2) {
            sql.append(", types = ").append(types);
        }
        return sql.append(')').toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
