package dev.model.run.seed;

import dev.model.adapter.Column;
import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The portable path: types inferred in Java over the whole file (dbt's agate rules), a
 * {@code create table} with them, then the rows through the adapter's batched row loader.
 */
final class RowLoader implements SeedLoader {

    private final SeedCsv csv;
    private final SeedConfig config;
    private final String adapterType;

    RowLoader(SeedCsv csv, SeedConfig config, String adapterType) {
        this.csv = csv;
        this.config = config;
        this.adapterType = adapterType;
    }

    @Override
    public long createAndLoad(Session session, Relation table) {
        SeedSchema schema = SeedSchema.infer(csv, config, adapterType);
        session.execute(createTableSql(table, schema, config.quoteColumns()));
        List<Column> columns = session.getColumns(table);
        List<SeedCsv.RowReader> opened = new ArrayList<>();
        try {
            Iterable<Object[]> rows = () -> {
                SeedCsv.RowReader reader = csv.rows(schema.columns().size());
                opened.add(reader);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return reader.hasNext();
                    }

                    @Override
                    public Object[] next() {
                        return schema.convert(reader.next());
                    }
                };
            };
            return session.loadRows(table, columns, rows);
        } finally {
            opened.forEach(SeedCsv.RowReader::close);
        }
    }

    static String createTableSql(Relation table, SeedSchema schema, boolean quoteColumns) {
        Quoting quoting = table.quoting();
        StringBuilder sql = new StringBuilder("create table ").append(table.render()).append(" (");
        for (int i = 0; i < schema.columns().size(); i++) {
            SeedSchema.SeedColumn column = schema.columns().get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append(quoteColumns ? quoting.quote(column.name()) : column.name())
                    .append(' ').append(column.sqlType());
        }
        return sql.append(')').toString();
    }
}
