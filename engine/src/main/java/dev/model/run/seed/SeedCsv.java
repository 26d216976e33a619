package dev.model.run.seed;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A seed's CSV file: a header row, then rows of exactly as many fields, each row with the line it
 * starts on so that errors can point at it. Read with Commons CSV (RFC 4180 plus the delimiter
 * the seed configures); the file is streamed, never held in memory.
 *
 * @param shownPath the path errors name, relative to the project ({@code seeds/orders.csv})
 */
record SeedCsv(Path file, String shownPath, char delimiter) {

    /** One data row and the 1-based line it starts on. */
    record Row(long line, String[] values) {
    }

    List<String> header() {
        try (Reader reader = open(); CSVParser parser = format().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw ModelException.project("Seed file is empty: it needs a header row", location(0));
            }
            List<String> names = new ArrayList<>();
            records.next().forEach(name -> names.add(name.strip()));
            if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
                names.set(0, names.get(0).substring(1).strip()); // a byte order mark, as spreadsheet exports write
            }
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).isEmpty()) {
                    throw ModelException.project("column " + (i + 1) + " of the header has no name", location(1));
                }
                for (int j = 0; j < i; j++) {
                    if (names.get(j).equalsIgnoreCase(names.get(i))) {
                        throw ModelException.project("column name '" + names.get(i) + "' appears twice in the header",
                                location(1));
                    }
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    /** Streams the data rows to {@code sink}; a row with the wrong number of fields fails with its line. */
    void forEachRow(int width, Consumer<Row> sink) {
        try (RowReader rows = rows(width)) {
            while (rows.hasNext()) {
                sink.accept(rows.next());
            }
        }
    }

    /** An open pass over the data rows; close it when done (also when abandoned half way). */
    RowReader rows(int width) {
        try {
            Reader reader = open();
            return new RowReader(this, reader, format().parse(reader), width);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Data rows in file order, each checked to have {@code width} fields. */
    static final class RowReader implements Iterator<Row>, AutoCloseable {
        private final SeedCsv csv;
        private final Reader reader;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final int width;
        private long nextLine;
        private Row pending;

        private RowReader(SeedCsv csv, Reader reader, CSVParser parser, int width) {
            this.csv = csv;
            this.reader = reader;
            this.parser = parser;
            this.records = parser.iterator();
            this.width = width;
            if (fetch()) {
                records.next(); // the header
            }
            this.nextLine = parser.getCurrentLineNumber() + 1;
        }

        private boolean fetch() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw csv.unreadable(e.getCause());
            }
        }

        @Override
        public boolean hasNext() {
            while (pending == null && fetch()) {
                CSVRecord record = records.next();
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isEmpty() && width != 1) {
                    continue; // a blank line, which Python's csv module (and so dbt) skips
                }
                if (record.size() != width) {
                    throw ModelException.project("expected " + width + " columns, found " + record.size(),
                            csv.location(line));
                }
                pending = new Row(line, record.values());
            }
            return pending != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = pending;
            pending = null;
            return row;
        }

        @Override
        public void close() {
            try {
                parser.close();
                reader.close();
            } catch (IOException e) {
                throw csv.unreadable(e);
            }
        }
    }

    SourceLocation location(long line) {
        return SourceLocation.of(Path.of(shownPath), (int) Math.min(line, Integer.MAX_VALUE));
    }

    private CSVFormat format() {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').setIgnoreEmptyLines(false).get();
    }

    private Reader open() throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ModelException.project("Seed file " + shownPath + " does not exist (was it deleted after parsing?)",
                    location(0));
        }
    }

    private ModelException unreadable(IOException e) {
        return new ModelException(ErrorCategory.PROJECT, "Could not read seed file: " + e.getMessage(), location(0), e);
    }
}
