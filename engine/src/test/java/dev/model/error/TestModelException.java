package dev.model.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestModelException {

    @Test
    void describesLocationMessageAndMacroChain() {
        ModelException error = new ModelException(ErrorCategory.PROJECT, "unknown macro 'foo'",
                new SourceLocation(Path.of("models/a.sql"), 3, 7), List.of("outer", "inner"), null);
        assertEquals("models/a.sql:3:7: unknown macro 'foo' (in macro outer > inner)", error.describe());
        assertEquals(2, error.exitCode());
    }

    @Test
    void locatingKeepsAnExistingLocation() {
        ModelException located = ModelException.project("x", SourceLocation.of(Path.of("a.yml"), 2));
        assertEquals("a.yml:2: x", located.locatedAt(SourceLocation.of(Path.of("b.yml"))).describe());
        assertEquals("b.yml: y", ModelException.project("y").locatedAt(SourceLocation.of(Path.of("b.yml"))).describe());
    }

    @Test
    void nodeFailuresExitWithOne() {
        assertEquals(1, ErrorCategory.NODE_FAILURE.exitCode());
    }
}
