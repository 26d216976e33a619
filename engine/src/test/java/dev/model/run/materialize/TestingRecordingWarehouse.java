package dev.model.run.materialize;

import dev.model.adapter.Capability;
import dev.model.adapter.Column;
import dev.model.adapter.CsvOptions;
import dev.model.adapter.IdentifierCase;
import dev.model.adapter.QueryResult;
import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.StatementResult;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.WarehouseVersion;
import dev.model.adapter.snowflake.SnowflakeAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.jinja.QueryRunner;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A recording fixture, NOT Snowflake and not an emulator: a {@link WarehouseAdapter} of type
 * {@code snowflake} with the capabilities the Snowflake adapter declares, which runs nothing. It
 * records every statement the engine sends, in order, so golden tests can assert the exact SQL
 * sequence a strategy emits. What the adapter itself would turn into SQL (describe, drop, rename,
 * bound row loads, query tags) is recorded as a {@code -- adapter:} comment, because that SQL is the
 * adapter's, not the macros'. Catalog questions are answered from what the test declared.
 */
final class TestingRecordingWarehouse implements WarehouseAdapter {

    private final String database;
    private final String schema;
    private final List<String> recorded = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Relation> relations = new LinkedHashMap<>();
    private final Map<String, List<Column>> columns = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private Predicate<String> failing = sql -> false;

    private record Answer(String fragment, QueryResult result) {
    }

    TestingRecordingWarehouse(String database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /** Declares a table as the catalog stores it (upper case) with its columns. */
    TestingRecordingWarehouse table(String name, Column... cols) {
        return relation(name, Relation.RelationType.TABLE, cols);
    }

    TestingRecordingWarehouse view(String name, Column... cols) {
        return relation(name, Relation.RelationType.VIEW, cols);
    }

    private TestingRecordingWarehouse relation(String name, Relation.RelationType type, Column... cols) {
        String stored = name.toUpperCase(Locale.ROOT);
        relations.put(stored, new Relation(database.toUpperCase(Locale.ROOT), schema.toUpperCase(Locale.ROOT), stored,
                type, Quoting.NONE));
        columns.put(stored, List.of(cols));
        return this;
    }

    /** Columns a relation that the run creates (a temporary one) will report. */
    TestingRecordingWarehouse columnsOf(String name, Column... cols) {
        columns.put(name.toUpperCase(Locale.ROOT), List.of(cols));
        return this;
    }

    /** Rows for a query whose text contains {@code fragment}. */
    TestingRecordingWarehouse answer(String fragment, List<String> names, List<List<Object>> rows) {
        List<QueryResult.ResultColumn> cols = names.stream()
                .map(n -> new QueryResult.ResultColumn(n, Types.VARCHAR, "VARCHAR")).toList();
        answers.add(new Answer(fragment, new QueryResult(cols, rows, -1, false)));
        return this;
    }

    /** Statements matching {@code sql} fail as Snowflake would reject them. */
    TestingRecordingWarehouse failing(Predicate<String> sql) {
        this.failing = sql;
        return this;
    }

    List<String> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    void clear() {
        recorded.clear();
    }

    /** The recording as a golden file: statements end with ';', adapter notes are comments. */
    String transcript() {
        StringBuilder out = new StringBuilder();
        for (String entry : recorded()) {
            out.append(entry);
            out.append(entry.startsWith("-- ") ? "\n" : ";\n");
        }
        return out.toString();
    }

    private static String key(Relation relation) {
        return relation.identifier().toUpperCase(Locale.ROOT);
    }

    @Override
    public String type() {
        return "snowflake";
    }

    @Override
    public Set<Capability> capabilities() {
        return SnowflakeAdapter.CAPABILITIES;
    }

    @Override
    public Quoting quoting() {
        return Quoting.NONE;
    }

    @Override
    public IdentifierCase identifierCase() {
        return IdentifierCase.FOLD_UPPER;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Session openSession(String label) {
        return new RecordingSession(label);
    }

    @Override
    public void testConnection() {
    }

    @Override
    public WarehouseVersion version() {
        return new WarehouseVersion("recording fixture", "none");
    }

    @Override
    public void cancelAll() {
    }

    @Override
    public void close() {
    }

    // the adapter-level operations are only used through sessions in these tests
    @Override
    public StatementResult execute(String sql) {
        return withSession("adapter", s -> s.execute(sql));
    }

    @Override
    public QueryResult query(String sql, int maxRows) {
        return withSession("adapter", s -> s.query(sql, maxRows));
    }

    @Override
    public List<StatementResult> executeInTransaction(List<String> statements) {
        return withSession("adapter", s -> s.executeInTransaction(statements));
    }

    @Override
    public void createSchemaIfMissing(String db, String schemaName) {
        withSession("adapter", s -> {
            s.createSchemaIfMissing(db, schemaName);
            return null;
        });
    }

    @Override
    public Optional<Relation> getRelation(Relation wanted) {
        return withSession("adapter", s -> s.getRelation(wanted));
    }

    @Override
    public List<Relation> listRelations(String db, String schemaName) {
        return withSession("adapter", s -> s.listRelations(db, schemaName));
    }

    @Override
    public List<Column> getColumns(Relation relation) {
        return withSession("adapter", s -> s.getColumns(relation));
    }

    @Override
    public void dropRelation(Relation relation) {
        withSession("adapter", s -> {
            s.dropRelation(relation);
            return null;
        });
    }

    @Override
    public Relation renameRelation(Relation from, String newIdentifier) {
        return withSession("adapter", s -> s.renameRelation(from, newIdentifier));
    }

    @Override
    public long loadRows(Relation table, List<Column> cols, Iterable<Object[]> rows) {
        return withSession("adapter", s -> s.loadRows(table, cols, rows));
    }

    @Override
    public long loadCsv(Relation table, Path csvFile, CsvOptions options) {
        return withSession("adapter", s -> s.loadCsv(table, csvFile, options));
    }

    @Override
    public Map<String, Set<String>> showGrants(Relation relation) {
        return withSession("adapter", s -> s.showGrants(relation));
    }

    private final class RecordingSession implements Session {

        private final String label;

        RecordingSession(String label) {
            this.label = label;
        }

        private void send(String sql) {
            recorded.add(sql);
            if (failing.test(sql)) {
                throw new ModelException(ErrorCategory.WAREHOUSE, "002003 (02000): SQL compilation error: rejected by"
                        + " the recording fixture: " + sql.lines().findFirst().orElse(""));
            }
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public StatementResult execute(String sql) {
            send(sql);
            return StatementResult.ok(sql.startsWith("begin") || sql.startsWith("commit") ? -1 : 1);
        }

        @Override
        public QueryResult query(String sql, int maxRows) {
            send(sql);
            for (Answer answer : answers) {
                if (sql.contains(answer.fragment())) {
                    return answer.result();
                }
            }
            return new QueryResult(List.of(), List.of(), -1, false);
        }

        @Override
        public List<StatementResult> executeInTransaction(List<String> statements) {
            recorded.add("-- adapter: JDBC transaction (auto-commit off)");
            List<StatementResult> results = new ArrayList<>();
            for (String sql : statements) {
                results.add(execute(sql));
            }
            recorded.add("-- adapter: JDBC commit");
            return results;
        }

        @Override
        public void createSchemaIfMissing(String db, String schemaName) {
            recorded.add("-- adapter: create schema if missing " + db + "." + schemaName);
        }

        @Override
        public Optional<Relation> getRelation(Relation wanted) {
            return Optional.ofNullable(relations.get(key(wanted)))
                    .map(found -> wanted.withType(found.type()));
        }

        @Override
        public List<Relation> listRelations(String db, String schemaName) {
            return List.copyOf(relations.values());
        }

        @Override
        public List<Column> getColumns(Relation relation) {
            recorded.add("-- adapter: describe table " + relation.render());
            return columns.getOrDefault(key(relation), List.of());
        }

        @Override
        public void dropRelation(Relation relation) {
            recorded.add("-- adapter: drop " + relation.type().name().toLowerCase(Locale.ROOT) + " if exists "
                    + relation.render());
        }

        @Override
        public Relation renameRelation(Relation from, String newIdentifier) {
            Relation renamed = from.withIdentifier(newIdentifier);
            recorded.add("-- adapter: rename " + from.render() + " to " + renamed.render());
            return renamed;
        }

        @Override
        public long loadRows(Relation table, List<Column> cols, Iterable<Object[]> rows) {
            recorded.add("-- adapter: bound batch insert into " + table.render() + " ("
                    + String.join(", ", cols.stream().map(Column::name).toList()) + ")");
            long n = 0;
            for (Object[] row : rows) {
                List<String> values = new ArrayList<>();
                for (Object value : row) {
                    values.add(value == null ? "null" : value.getClass().getSimpleName() + " " + value);
                }
                recorded.add("-- adapter:   row " + values);
                n++;
            }
            return n;
        }

        @Override
        public long loadCsv(Relation table, Path csvFile, CsvOptions options) {
            throw new AssertionError("the recording fixture has no bulk CSV load");
        }

        @Override
        public Map<String, Set<String>> showGrants(Relation relation) {
            throw new AssertionError("grants are read through get_show_grant_sql");
        }

        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public QueryTagScope withQueryTag(String tag) {
            recorded.add("-- adapter: set query tag '" + tag + "'");
            return () -> recorded.add("-- adapter: restore the previous query tag");
        }

        @Override
        public QueryRunner queryRunner() {
            return (sql, fetch) -> {
                if (!fetch) {
                    return QueryRunner.QueryTable.empty(execute(sql).rowsAffected());
                }
                QueryResult result = query(sql, 0);
                return new QueryRunner.QueryTable(result.columnNames(), result.rows(), result.rowsAffected());
            };
        }

        @Override
        public void close() {
        }
    }
}
