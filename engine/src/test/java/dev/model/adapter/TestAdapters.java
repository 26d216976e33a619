package dev.model.adapter;

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

final class TestAdapters {

    @Test
    void findsTheBuiltInAdapters() {
        assertEquals(List.of("duckdb", "h2", "snowflake"), Adapters.discover().types());
        assertEquals("h2", Adapters.discover().factory("H2").type());
    }

    @Test
    void unknownTypeNamesTheTypeAndTheKnownOnes() {
        Target target = new Target("demo", "prod", "postgres", null, null, 1, Map.of());
        ModelException error = assertThrows(ModelException.class,
                () -> Adapters.discover().open(target, Path.of("."), Log.silent()));
        assertEquals(ErrorCategory.PROJECT, error.category());
        assertEquals("Unknown adapter type 'postgres' in profiles.yml; known types: duckdb, h2, snowflake", error.getMessage());
    }

    @Test
    void wrongSettingTypeNamesFieldAndTarget() {
        Target target = new Target("demo", "dev", "duckdb", null, null, 1, Map.of("extensions", "httpfs"));
        ModelException error = assertThrows(ModelException.class,
                () -> Adapters.discover().open(target, Path.of("."), Log.silent()));
        assertEquals("profiles.yml: field 'extensions' of target 'dev' (type duckdb) must be a list", error.getMessage());
    }

    @Test
    void identifierCaseFoldsOnlyUnquotedNames() {
        assertEquals("ORDERS", IdentifierCase.FOLD_UPPER.stored("orders", false));
        assertEquals("orders", IdentifierCase.FOLD_UPPER.stored("orders", true));
        assertEquals("orders", IdentifierCase.FOLD_LOWER.stored("ORDERS", false));
        assertEquals(true, IdentifierCase.PRESERVE_INSENSITIVE.matches("Orders", "ORDERS", true));
        assertEquals(false, IdentifierCase.FOLD_UPPER.matches("orders", "ORDERS", true));
    }
}
