package dev.model.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ModelException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TestTemplateErrorsAndSecurity {

    private final JinjaEngine engine = TestJinjaEngine.engine(
            "\n\n{% macro outer() %}{{ inner() }}{% endmacro %}\n{% macro inner() %}\n{{ exceptions.raise_compiler_error('boom') }}{% endmacro %}");

    private ModelException fails(String template) {
        return assertThrows(ModelException.class, () -> engine.render(template,
                new TemplateSource(Path.of("models/m.sql"), 10), new TestingScope()));
    }

    @Test
    void compilerErrorNamesMacroFileLineAndStack() {
        ModelException e = fails("{{ outer() }}");
        assertEquals("boom", e.getMessage());
        assertEquals("macros/m0.sql:5", e.location().orElseThrow().toString());
        assertEquals(List.of("outer", "inner"), e.macroStack());
    }

    @Test
    void undefinedVariableUnknownFilterAndSyntax() {
        ModelException undefined = fails("select\n{{ my_col }}");
        assertEquals("'my_col' is undefined", undefined.getMessage());
        assertEquals(11, undefined.location().orElseThrow().line());
        ModelException filter = fails("\n{{ 'a' | nofilter }}");
        assertEquals("No filter named 'nofilter'", filter.getMessage());
        assertEquals(11, filter.location().orElseThrow().line());
        assertEquals("", TestJinjaEngine.render(engine, "{% if x is defined %}{{ x }}{% endif %}"));
        assertEquals("a", TestJinjaEngine.render(engine, "{{ x | default('a') }}"));
        ModelException inMacro = fails("{% macro m() %}\n{{ nope_var }}{% endmacro %}{{ m() }}");
        assertEquals("'nope_var' is undefined", inMacro.getMessage());
        assertEquals(11, inMacro.location().orElseThrow().line());
    }

    @Test
    void cachedTreesRenderAgainAndBrokenTemplatesFailEveryTime() {
        String template = "{% for i in range(2) %}{{ i }}{% endfor %}{{ ref('a').identifier }}";
        assertEquals("01a", TestJinjaEngine.render(engine, template));
        assertEquals("01a", TestJinjaEngine.render(engine, template));
        for (int attempt = 0; attempt < 2; attempt++) {
            ModelException e = fails("\n{% if true %}unclosed");
            assertTrue(e.getMessage().contains("Missing end tag"), e.getMessage());
            assertEquals(11, e.location().orElseThrow().line());
        }
    }

    @Test
    void refErrorsGetTheLocation() {
        ModelException e = fails("\n\n{{ ref('missing') }}");
        assertEquals("Model 'missing' was not found", e.getMessage());
        assertEquals("models/m.sql:12", e.location().orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ ''.getClass() }}", "{{ ''.__class__ }}", "{{ config.getClass().forName('java.lang.Runtime') }}",
            "{{ ref('a').getClass() }}", "{{ ref('a').class }}", "{{ adapter.class.classLoader }}",
            "{% include '/etc/passwd' %}", "{% import 'x.sql' as x %}", "{% from '/etc/passwd' import y %}",
            "{{ modules.re.compile('a').pattern.getClass() }}"})
    void escapesFail(String template) {
        ModelException e = fails(template);
        assertTrue(e.getMessage().contains("not allowed") || e.getMessage().contains("not supported")
                || e.getMessage().contains("no attribute") || e.getMessage().contains("cannot"), e.getMessage());
    }

    @Test
    void macroArgumentsWithParenthesesAndQuotedCommas() {
        JinjaEngine withDefaults = TestJinjaEngine.engine(
                "{% macro f(a, order_by='count(*) desc', sep=\"','\") %}{{ a }}|{{ order_by }}|{{ sep }}{% endmacro %}");
        assertEquals("1|count(*) desc|','", TestJinjaEngine.render(withDefaults, "{{ f(1) }}"));
        MacroDefinition def = withDefaults.macros().find("proj", "f").orElseThrow();
        assertEquals(List.of("a", "order_by", "sep"), def.arguments());
    }
}
