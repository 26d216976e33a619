package dev.model.project;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestCliVars {

    @Test
    void acceptsYamlFlowMapping() {
        assertEquals(Map.of("start", "2024-01-01", "limit", 10, "flag", true),
                CliVars.parse("{start: '2024-01-01', limit: 10, flag: true}"));
    }

    @Test
    void acceptsJson() {
        assertEquals(Map.of("regions", List.of("eu", "us"), "nested", Map.of("a", 1)),
                CliVars.parse("{\"regions\": [\"eu\", \"us\"], \"nested\": {\"a\": 1}}"));
    }

    @Test
    void acceptsBlockYamlAndEmpty() {
        assertEquals(Map.of("key", "value"), CliVars.parse("key: value"));
        assertEquals(Map.of(), CliVars.parse("  "));
    }

    @Test
    void rejectsMalformedText() {
        ModelException e = assertThrows(ModelException.class, () -> CliVars.parse("{key: [unclosed}"));
        assertEquals(ErrorCategory.USAGE, e.category());
        assertTrue(e.getMessage().startsWith("--vars is not valid YAML or JSON: "), e.getMessage());
    }

    @Test
    void rejectsANonMapping() {
        ModelException e = assertThrows(ModelException.class, () -> CliVars.parse("[1, 2]"));
        assertEquals(ErrorCategory.USAGE, e.category());
        assertEquals("--vars must be a mapping such as '{key: value}', got: [1, 2]", e.getMessage());
    }
}
