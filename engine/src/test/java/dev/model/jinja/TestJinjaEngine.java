package dev.model.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ModelException;
import dev.model.log.Log;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestJinjaEngine {

    static final Path FILE = Path.of("models/m.sql");

    static JinjaSettings settings() {
        return new JinjaSettings("proj", "duckdb",
                Map.of("name", "dev", "schema", "main", "type", "duckdb", "database", "db", "threads", 4),
                Map.of("x", 1, "proj", Map.of("scoped", "s")), Map.of("cli", "c"), Map.of(),
                "inv-1", Instant.parse("2024-03-04T05:06:07Z"), Map.of("HOME_DIR", "/h", "DBT_ENV_SECRET_PW", "hunter2"),
                Log.silent());
    }

    static JinjaEngine engine(String... projectMacros) {
        MacroLibrary.Builder builder = MacroLibrary.builder().withBuiltins();
        for (int i = 0; i < projectMacros.length; i++) {
            builder.addFile("proj", Path.of("macros/m" + i + ".sql"), "macros/m" + i + ".sql", projectMacros[i]);
        }
        return JinjaEngine.create(builder.build(), settings());
    }

    static String render(JinjaEngine engine, String template) {
        return engine.render(template, TemplateSource.of(FILE), new TestingScope());
    }

    @Test
    void rendersRefsConfigAndLoops() {
        TestingScope scope = new TestingScope();
        String out = engine().render("{{ config(materialized='table') }}select * from {{ ref('a') }}"
                + "{% for c in ['x', 'y'] %} {{ c }}{% endfor %}", TemplateSource.of(FILE), scope);
        assertEquals("select * from \"db\".\"main\".\"a\" x y", out);
        assertEquals("table", scope.config.get("materialized"));
        assertEquals("a", scope.refs.get(0).name());
    }

    @Test
    void returnGivesNonStringValues() {
        JinjaEngine engine = engine("{% macro f() %}{% if true %}{{ return([1, 2]) }}{% endif %}after{% endmacro %}");
        assertEquals("2", render(engine, "{% set r = f() %}{{ r[1] }}"));
        assertEquals(List.of(1L, 2L), engine.callMacro("f", List.of(), Map.of(), new TestingScope()));
    }

    @Test
    void generateSchemaNameMatchesDbt() {
        JinjaEngine engine = engine();
        assertEquals("main_staging", engine.callMacro("generate_schema_name", java.util.Arrays.asList("staging", null), Map.of(), new TestingScope()));
        assertEquals("main", engine.callMacro("generate_schema_name", java.util.Arrays.asList(null, null), Map.of(), new TestingScope()));
    }

    @Test
    void unknownFunctionFailsWithLine() {
        ModelException e = assertThrows(ModelException.class, () -> render(engine(), "select\n{{ nope(1) }}"));
        assertEquals("'nope' is undefined: no macro or function of that name", e.getMessage());
        assertEquals(2, e.location().orElseThrow().line());
    }
}
