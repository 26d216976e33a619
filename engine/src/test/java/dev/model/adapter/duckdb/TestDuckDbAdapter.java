package dev.model.adapter.duckdb;

import dev.model.adapter.AdapterConformanceSuite;
import dev.model.adapter.Adapters;
import dev.model.adapter.Column;
import dev.model.adapter.Relation;
import dev.model.adapter.TestingLockHolder;
import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestDuckDbAdapter extends AdapterConformanceSuite {

    static Target target(Map<String, Object> settings) {
        return new Target("demo", "dev", "duckdb", null, null, 4, settings);
    }

    @Override
    protected WarehouseAdapter openAdapter(Path directory) {
        return Adapters.discover().open(target(Map.of("path", "warehouse.duckdb")), directory, Log.silent());
    }

    @Override
    protected String longRunningQuery() {
        return "select sum(a.range * b.range) from range(1000000) a, range(1000000) b";
    }

    @Test
    void databaseIsTheFileStemAndSchemaDefaultsToMain() {
        assertEquals("warehouse", adapter.database());
        assertEquals("main", adapter.schema());
        assertEquals("\"warehouse\".\"main\".\"t\"", adapter.relation(null, "main", "t").render());
    }

    @Test
    void databaseNameIsWhatDuckDbCallsTheFile() {
        try (WarehouseAdapter dotted = DuckDbAdapter.open(target(Map.of("path", "my.data.duckdb")), tempDir, Log.silent())) {
            assertEquals("my", dotted.database());
            dotted.execute("create table " + dotted.relation(null, "main", "t") + " (id integer)");
        }
    }

    @Test
    void profileDatabaseMustMatchTheFile() {
        Target mismatched = new Target("demo", "dev", "duckdb", "analytics", null, 1, Map.of("path", "dev.duckdb"));
        ModelException error = assertThrows(ModelException.class, () -> DuckDbAdapter.open(mismatched, tempDir, Log.silent()));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertEquals("profiles.yml: database 'analytics' of target 'dev' does not match the DuckDB path 'dev.duckdb';"
                + " omit 'database' or set it to 'dev'", error.getMessage());
        try (WarehouseAdapter matched = DuckDbAdapter.open(new Target("demo", "dev", "duckdb", "DEV", null, 1,
                Map.of("path", "dev.duckdb")), tempDir, Log.silent())) {
            assertEquals("dev", matched.database());
        }
    }

    @Test
    void memoryDatabaseIsNamedMemoryAndPrivateToItsAdapter() {
        try (WarehouseAdapter first = DuckDbAdapter.open(target(Map.of()), tempDir, Log.silent());
             WarehouseAdapter second = DuckDbAdapter.open(target(Map.of("path", ":memory:")), tempDir, Log.silent())) {
            assertEquals("memory", first.database());
            first.execute("create table only_here (id integer)");
            assertTrue(first.getRelation(first.relation(null, "main", "only_here")).isPresent());
            assertTrue(second.getRelation(second.relation(null, "main", "only_here")).isEmpty());
        }
    }

    @Test
    void namesMatchRegardlessOfCase() {
        adapter.execute("create table " + rel("MixedCase") + " (Id integer)");
        Relation found = adapter.getRelation(rel("mixedcase")).orElseThrow();
        assertEquals("MixedCase", found.identifier());
        assertEquals(List.of(new Column("Id", "INTEGER")), adapter.getColumns(rel("MIXEDCASE")));
    }

    @Test
    void twoAdaptersInOneProcessShareTheFile() {
        adapter.execute("create table " + rel("shared") + " as select 1 as id");
        try (WarehouseAdapter other = openAdapter(tempDir)) {
            assertEquals(1L, ((Number) other.query("select count(*) from " + rel("shared"), 0).rows().get(0).get(0)).longValue());
        }
    }

    @Test
    void fileLockedByAnotherProcessIsAClearError() throws Exception {
        Path file = tempDir.resolve("locked.duckdb");
        Process holder = TestingLockHolder.start("jdbc:duckdb:" + file);
        try {
            ModelException error = assertThrows(ModelException.class,
                    () -> DuckDbAdapter.open(target(Map.of("path", file.toString())), tempDir, Log.silent()));

            assertEquals(ErrorCategory.WAREHOUSE, error.category());
            assertTrue(error.getMessage().startsWith("DuckDB database file " + file + " is locked by another process"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("PID " + holder.pid()), error.getMessage());
        } finally {
            TestingLockHolder.stop(holder);
        }
    }

    @Test
    void missingDirectoryIsAClearError() {
        ModelException error = assertThrows(ModelException.class,
                () -> DuckDbAdapter.open(target(Map.of("path", "no/such/dir/dev.duckdb")), tempDir, Log.silent()));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertEquals("DuckDB database directory " + tempDir.resolve("no/such/dir") + " does not exist (path "
                + "'no/such/dir/dev.duckdb' of target 'dev'); create it or change the path", error.getMessage());
    }

    @Test
    void extensionNamesMustBePlain() {
        ModelException error = assertThrows(ModelException.class, () -> DuckDbAdapter.open(
                target(Map.of("extensions", List.of("httpfs; drop table x"))), tempDir, Log.silent()));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertTrue(error.getMessage().contains("'httpfs; drop table x'"), error.getMessage());
    }

    @Test
    void settingsReachDuckDb() {
        try (WarehouseAdapter tuned = DuckDbAdapter.open(target(Map.of("settings", Map.of("threads", 1))), tempDir, Log.silent())) {
            assertEquals("1", String.valueOf(tuned.query("select current_setting('threads')", 0).rows().get(0).get(0)));
        }
    }

    @Test
    void appenderConversionErrorNamesRowAndColumn() {
        adapter.execute("create table " + rel("typed") + " (id integer, day date)");
        List<Column> columns = adapter.getColumns(rel("typed"));
        ModelException error = assertThrows(ModelException.class, () -> adapter.loadRows(rel("typed"), columns,
                List.of(new Object[] {1, "2024-01-01"}, new Object[] {2, "not a date"})));
        assertTrue(error.getMessage().contains("row 2, column 2: cannot convert 'not a date' to DATE"), error.getMessage());
        assertEquals(0L, ((Number) adapter.query("select count(*) from " + rel("typed"), 0).rows().get(0).get(0)).longValue());
    }
}
