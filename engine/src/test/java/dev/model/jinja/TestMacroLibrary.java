package dev.model.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ModelException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestMacroLibrary {

    private static final Path FILE = Path.of("macros/things.sql");

    @Test
    void parsesMacrosTestsAndMaterializationsWithLines() {
        String content = "{# {% macro commented() %}{% endmacro %} #}\n"
                + "{% macro one(a, b='x, )') %}{{ a }}{% endmacro %}\n"
                + "\n"
                + "{% test is_even(model, column_name) %}select 1{% endtest %}\n"
                + "{% materialization my_table, default %}{% endmaterialization %}\n"
                + "{% materialization my_table, adapter='duckdb' %}{% endmaterialization %}\n";
        MacroLibrary library = MacroLibrary.builder().addFile("proj", FILE, "macros/things.sql", content).build();
        List<MacroDefinition> macros = library.macros();
        assertEquals(List.of("one", "test_is_even", "materialization_my_table_default", "materialization_my_table_duckdb"),
                macros.stream().map(MacroDefinition::name).toList());
        MacroDefinition one = macros.get(0);
        assertEquals("macro.proj.one", one.uniqueId());
        assertEquals(List.of("a", "b"), one.arguments());
        assertEquals(2, one.line());
        assertEquals("{% macro one(a, b='x, )') %}{{ a }}{% endmacro %}", one.source());
        assertEquals(MacroDefinition.Kind.TEST, macros.get(1).kind());
        assertEquals(4, macros.get(1).line());
        assertEquals(List.of("model", "column_name"), macros.get(1).arguments());
        assertEquals(MacroDefinition.Kind.MATERIALIZATION, macros.get(3).kind());
    }

    @Test
    void unclosedBlockAndBadSignatureNameTheLine() {
        ModelException unclosed = assertThrows(ModelException.class, () -> MacroLibrary.builder()
                .addFile("proj", FILE, "macros/things.sql", "\n\n{% macro broken() %}select 1"));
        assertEquals("Unclosed '{% macro %}' block: missing '{% endmacro %}'", unclosed.getMessage());
        assertEquals("macros/things.sql:3", unclosed.location().orElseThrow().toString());
        ModelException bad = assertThrows(ModelException.class, () -> MacroLibrary.builder()
                .addFile("proj", FILE, "macros/things.sql", "{% macro 1bad() %}{% endmacro %}"));
        assertTrue(bad.getMessage().startsWith("Invalid macro definition"), bad.getMessage());
    }

    @Test
    void syntaxErrorInsideMacroPointsAtMacroFileLine() {
        MacroLibrary unknownTag = MacroLibrary.builder()
                .addFile("proj", FILE, "macros/things.sql", "\n{% macro m() %}\n{% bogus %}\n{% endmacro %}").build();
        ModelException e = assertThrows(ModelException.class, () -> JinjaEngine.create(unknownTag, TestJinjaEngine.settings()));
        assertTrue(e.getMessage().contains("Unknown tag: bogus"), e.getMessage());
        assertEquals("macros/things.sql:3", e.location().orElseThrow().toString());
        MacroLibrary badIf = MacroLibrary.builder()
                .addFile("proj", FILE, "macros/things.sql", "\n{% macro m() %}\n\n{% if %}{% endif %}\n{% endmacro %}").build();
        JinjaEngine engine = JinjaEngine.create(badIf, TestJinjaEngine.settings());
        ModelException call = assertThrows(ModelException.class, () -> TestJinjaEngine.render(engine, "{{ m() }}"));
        assertTrue(call.getMessage().startsWith("Jinja syntax error"), call.getMessage());
        assertEquals("macros/things.sql:4", call.location().orElseThrow().toString());
        assertEquals(List.of("m"), call.macroStack());
    }

    @Test
    void builtinsAreInTheDbtPackage() {
        MacroLibrary library = MacroLibrary.builder().withBuiltins().build();
        assertTrue(library.find("dbt", "generate_schema_name").isPresent());
        assertTrue(library.find("dbt", "test_not_null").isPresent());
        assertTrue(library.find("dbt", "duckdb__listagg").isPresent());
    }

    @Test
    void packageMacrosSeeSiblingsByBareNameAndDispatchSearchOrder() {
        MacroLibrary library = MacroLibrary.builder().withBuiltins()
                .addFile("utils", Path.of("dbt_packages/utils/macros/u.sql"), "macros/u.sql",
                        "{% macro outer() %}[{{ helper() }}]{% endmacro %}{% macro helper() %}pkg{% endmacro %}"
                                + "{% macro default__thing() %}utils-default{% endmacro %}")
                .addFile("proj", Path.of("macros/p.sql"), "macros/p.sql", "{% macro default__thing() %}root-default{% endmacro %}")
                .build();
        JinjaEngine engine = JinjaEngine.create(library, TestJinjaEngine.settings());
        assertEquals("[pkg]", TestJinjaEngine.render(engine, "{{ utils.outer() }}"));
        assertEquals("root-default", TestJinjaEngine.render(engine, "{{ adapter.dispatch('thing', 'utils')() }}"));
        JinjaSettings pinned = new JinjaSettings("proj", "duckdb", Map.of(), Map.of(), Map.of(),
                Map.of("utils", List.of("utils")), "i", java.time.Instant.EPOCH, Map.of(), dev.model.log.Log.silent());
        assertEquals("utils-default", TestJinjaEngine.render(JinjaEngine.create(library, pinned),
                "{{ adapter.dispatch('thing', 'utils')() }}"));
        ModelException e = assertThrows(ModelException.class, () -> TestJinjaEngine.render(engine, "{{ utils.nothing() }}"));
        assertEquals("'utils.nothing' is undefined: package 'utils' has no macro 'nothing'", e.getMessage());
    }
}
