package dev.model.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.log.Log;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestBlocksAndHelpers {

    private final List<String> logged = new ArrayList<>();
    private final JinjaEngine engine = JinjaEngine.create(MacroLibrary.builder().withBuiltins()
            .addFile("proj", Path.of("macros/m.sql"), "macros/m.sql",
                    "{% macro fact(n) %}{% if n <= 1 %}{{ return(1) }}{% endif %}{{ return(n * fact(n - 1)) }}{% endmacro %}"
                            + "{% macro first_big(xs) %}{% for x in xs %}{% if x > 2 %}{{ return(x) }}{% endif %}{% endfor %}{{ return(none) }}{% endmacro %}"
                            + "{% macro flags() %}{{ return({'a': true}) }}{% endmacro %}")
            .build(), new JinjaSettings("proj", "duckdb", Map.of("schema", "main"), Map.of(), Map.of(), Map.of(), "inv",
            Instant.parse("2024-01-01T00:00:00Z"), Map.of("DBT_ENV_SECRET_TOKEN", "s3cr3t"), new Log() {
                @Override public void info(String message) { logged.add("info:" + message); }
                @Override public void warn(String message, SourceLocation location) { logged.add("warn:" + message + "@" + location); }
                @Override public void debug(String message) { logged.add("debug:" + message); }
            }));

    private String render(String template) {
        return TestJinjaEngine.render(engine, template);
    }

    @Test
    void docsTestAndMaterializationBlocksRenderNothingSnapshotRendersBody() {
        assertEquals("a  b", render("a {% docs d %}doc{% enddocs %}{% test t(model) %}x{% endtest %} b"));
        assertEquals("x ", render("x {% materialization m, default %}y{% endmaterialization %}"));
        assertEquals("select 1", render("{% snapshot s %}select 1{% endsnapshot %}"));
    }

    @Test
    void docBlocksAndSnapshotBlocksParse() {
        Map<String, String> docs = DocBlocks.parse("{% docs orders %}\n# Orders\nOne row per order.\n{% enddocs %}\n{% docs other %}x{% enddocs %}");
        assertEquals(Map.of("orders", "# Orders\nOne row per order.", "other", "x"), docs);
        List<SnapshotBlocks.Block> snaps = SnapshotBlocks.parse("\n{% snapshot orders_snap %}\n{{ config(unique_key='id') }}\nselect 1\n{% endsnapshot %}");
        assertEquals(1, snaps.size());
        assertEquals("orders_snap", snaps.get(0).name());
        assertEquals(2, snaps.get(0).line());
        assertTrue(snaps.get(0).body().contains("select 1"));
    }

    @Test
    void returnsFromRecursionLoopsAndDicts() {
        assertEquals("120", render("{{ fact(5) }}"));
        assertEquals("3", render("{{ first_big([1, 3, 5]) }}"));
        assertEquals("yes", render("{% if flags()['a'] %}yes{% endif %}"));
        assertEquals(Map.of("a", true), engine.callMacro("flags", List.of(), Map.of(), new TestingScope()));
    }

    @Test
    void configGetRequireAndVersionedRef() {
        TestingScope scope = new TestingScope();
        String out = engine.render("{{ config(materialized='view') }}{{ config.get('materialized') }} {{ config.get('nope', 'd') }}"
                + " {{ ref('orders', v=2).identifier }}", TemplateSource.of(Path.of("models/m.sql")), scope);
        assertEquals("view d orders", out);
        assertEquals(2, scope.refs.get(0).version());
        assertEquals(Path.of("models/m.sql"), scope.refs.get(0).location().file());
        ModelException e = assertThrows(ModelException.class, () -> render("\n{{ config.require('unique_key') }}"));
        assertEquals("Required config 'unique_key' was not set", e.getMessage());
        assertEquals(2, e.location().orElseThrow().line());
    }

    @Test
    void logPrintAndWarnGoToTheLogWithoutSecrets() {
        render("{{ log('hello', info=true) }}{{ log('quiet') }}{{ print('p') }}{{ exceptions.warn('careful ' ~ env_var('DBT_ENV_SECRET_TOKEN')) }}");
        assertEquals(List.of("info:hello", "debug:quiet", "info:p", "warn:careful *****@models/m.sql:1"), logged);
    }

    @Test
    void thisIsUndefinedOutsideANode() {
        TestingScope noNode = new TestingScope();
        noNode.isNode = false;
        ModelException e = assertThrows(ModelException.class,
                () -> engine.render("{{ this }}", TemplateSource.of(Path.of("hooks.yml")), noNode));
        assertEquals("'this' is undefined", e.getMessage());
    }

    @Test
    void dbtPrefixReachesBuiltinAndBuiltinsReachRef() {
        assertEquals("main_x", engine.callMacro("dbt.generate_schema_name", java.util.Arrays.asList("x", null), Map.of(), new TestingScope()));
        assertEquals("\"db\".\"main\".\"a\"", render("{{ builtins.ref('a') }}"));
    }
}
