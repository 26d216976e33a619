package dev.model.adapter.h2;

import dev.model.adapter.AdapterConformanceSuite;
import dev.model.adapter.Adapters;
import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.adapter.TestingLockHolder;
import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestH2Adapter extends AdapterConformanceSuite {

    static Target target(Map<String, Object> settings) {
        return new Target("demo", "test", "h2", null, null, 4, settings);
    }

    @Override
    protected WarehouseAdapter openAdapter(Path directory) {
        return Adapters.discover().open(target(Map.of()), directory, Log.silent());
    }

    @Override
    protected String longRunningQuery() {
        return "select sum(a.x * b.x) from system_range(1, 1000000) a, system_range(1, 1000000) b";
    }

    @Test
    void defaultSchemaIsPublic() {
        assertEquals("PUBLIC", adapter.schema());
        adapter.execute("create table plain_t (id integer)");
        assertTrue(adapter.getRelation(adapter.relation(null, "PUBLIC", "PLAIN_T")).isPresent());
    }

    @Test
    void unquotedNamesFoldToUpperCase() {
        adapter.execute("create table lower_t (id integer)");

        Relation found = adapter.getRelation(Relation.of(null, "public", "lower_t", Quoting.NONE)).orElseThrow();

        assertEquals("LOWER_T", found.identifier());
        assertEquals("PUBLIC", found.schema());
        assertTrue(adapter.getRelation(adapter.relation(null, "PUBLIC", "lower_t")).isEmpty(), "quoted names are exact");
        assertEquals("ID", adapter.getColumns(found).get(0).name());
    }

    @Test
    void columnTypesCarryTheirSizes() {
        adapter.execute("create table sized (amount numeric(10,2), code varchar(12), note varchar, n integer)");
        assertEquals(java.util.List.of("NUMERIC(10,2)", "CHARACTER VARYING(12)", "CHARACTER VARYING", "INTEGER"),
                adapter.getColumns(adapter.relation(null, "PUBLIC", "SIZED")).stream().map(c -> c.dataType()).toList());
    }

    @Test
    void memoryDatabaseDisappearsOnClose() {
        Target named = target(Map.of("path", "mem:keep_me"));
        try (WarehouseAdapter first = H2Adapter.open(named, tempDir, Log.silent())) {
            first.execute("create table t (id integer)");
            try (WarehouseAdapter second = H2Adapter.open(named, tempDir, Log.silent())) {
                assertTrue(second.getRelation(second.relation(null, "PUBLIC", "T")).isPresent(), "same JVM, same name");
            }
        }
        try (WarehouseAdapter again = H2Adapter.open(named, tempDir, Log.silent())) {
            assertTrue(again.getRelation(again.relation(null, "PUBLIC", "T")).isEmpty());
        }
    }

    @Test
    void fileDatabasePersistsAcrossAdapters() {
        Target file = target(Map.of("path", "data/warehouse"));
        try {
            Files.createDirectories(tempDir.resolve("data"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try (WarehouseAdapter first = H2Adapter.open(file, tempDir, Log.silent())) {
            assertEquals("WAREHOUSE", first.database());
            first.execute("create table kept as select 5 as id");
        }
        assertTrue(Files.exists(tempDir.resolve("data/warehouse.mv.db")));
        try (WarehouseAdapter second = H2Adapter.open(target(Map.of("path", "data/warehouse.mv.db")), tempDir, Log.silent())) {
            assertEquals(5, ((Number) second.query("select id from kept", 0).rows().get(0).get(0)).intValue());
        }
    }

    @Test
    void fileLockedByAnotherProcessIsAClearError() throws Exception {
        Path file = tempDir.resolve("locked");
        Process holder = TestingLockHolder.start("jdbc:h2:file:" + file);
        try {
            ModelException error = assertThrows(ModelException.class,
                    () -> H2Adapter.open(target(Map.of("path", file.toString())), tempDir, Log.silent()));
            assertEquals(ErrorCategory.WAREHOUSE, error.category());
            assertEquals("H2 database file " + file + ".mv.db is locked by another process; close it and retry",
                    error.getMessage());
        } finally {
            TestingLockHolder.stop(holder);
        }
    }

    @Test
    void connectionOptionsInPathAreRefused() {
        ModelException error = assertThrows(ModelException.class, () -> H2Adapter.open(
                target(Map.of("path", "mem:x;INIT=RUNSCRIPT FROM 'evil.sql'")), tempDir, Log.silent()));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertEquals("profiles.yml: H2 path 'mem:x;INIT=RUNSCRIPT FROM 'evil.sql'' of target 'test' must not contain ';'"
                + " (connection options are not accepted)", error.getMessage());
    }

    @Test
    void missingDirectoryIsAClearError() {
        ModelException error = assertThrows(ModelException.class,
                () -> H2Adapter.open(target(Map.of("path", "nowhere/dev")), tempDir, Log.silent()));
        assertTrue(error.getMessage().startsWith("H2 database directory " + tempDir.resolve("nowhere")), error.getMessage());
    }
}
