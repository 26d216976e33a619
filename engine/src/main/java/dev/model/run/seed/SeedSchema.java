package dev.model.run.seed;

import dev.model.error.ModelException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a seed's table gets: header names with their SQL types, inferred from every value
 * of the file (as dbt's agate does) unless {@code column_types} names one. Inference reads the
 * whole file once, which also checks its shape and that configured types fit.
 */
record SeedSchema(List<SeedColumn> columns, long rows) {

    /** One column: its header name, SQL type, and how its text values become Java values. */
    record SeedColumn(String name, String sqlType, InferredType kind) {
    }

    SeedSchema {
        columns = List.copyOf(columns);
    }

    static SeedSchema infer(SeedCsv csv, SeedConfig config, String adapterType) {
        List<String> header = csv.header();
        int width = header.size();
        DeclaredType[] declared = new DeclaredType[width];
        ColumnInference[] inferred = new ColumnInference[width];
        for (int i = 0; i < width; i++) {
            String type = config.typeOf(header.get(i));
            if (type != null) {
                declared[i] = DeclaredType.of(type);
            } else {
                inferred[i] = new ColumnInference();
            }
        }
        long[] rows = {0};
        csv.forEachRow(width, row -> {
            rows[0]++;
            String[] values = row.values();
            for (int i = 0; i < width; i++) {
                String value = values[i];
                if (declared[i] != null) {
                    if (!value.isEmpty() && !declared[i].kind().accepts(value)) {
                        throw ModelException.project("value '" + value + "' in column '" + header.get(i)
                                + "' is not " + declared[i].describe() + " as column_types '" + declared[i].sqlType()
                                + "' requires", csv.location(row.line()));
                    }
                } else {
                    inferred[i].see(value);
                }
            }
        });
        List<SeedColumn> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(declared[i] != null
                    ? new SeedColumn(header.get(i), declared[i].sqlType(), declared[i].kind())
                    : new SeedColumn(header.get(i), inferred[i].sqlType(adapterType), inferred[i].type()));
        }
        return new SeedSchema(columns, rows[0]);
    }

    /** A CSV row as the Java values the adapter's row loader takes; empty fields are null. */
    Object[] convert(SeedCsv.Row row) {
        String[] values = row.values();
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].isEmpty() ? null : columns.get(i).kind().convert(values[i]);
        }
        return out;
    }
}
