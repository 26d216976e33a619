package dev.model.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.model.adapter.Quoting;
import dev.model.adapter.Relation;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.JinjaSettings;
import dev.model.jinja.MacroLibrary;
import dev.model.jinja.QueryRunner;
import dev.model.jinja.RenderScope;
import dev.model.jinja.TemplateSource;
import dev.model.log.Log;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Jinja-free path of compile must print exactly what Jinja prints for the same file. */
final class TestStaticTemplate {

    private static final Path FILE = Path.of("models/m.sql");

    private final JinjaEngine jinja = JinjaEngine.create(MacroLibrary.builder().withBuiltins().build(),
            new JinjaSettings("shop", "duckdb", Map.of("name", "dev", "schema", "main"), Map.of(), Map.of(), Map.of(),
                    "00000000-0000-0000-0000-000000000000", Instant.parse("2024-01-01T00:00:00Z"), Map.of(), Log.silent()));

    @ParameterizedTest
    @ValueSource(strings = {
            "select * from {{ ref('orders') }}",
            "{{ config(materialized='table', tags=['a', 'b']) }}\nselect id\nfrom {{ ref('shop', 'orders') }} o\njoin {{ source('raw', 'events') }} e on o.id = e.id\n",
            "select 1 as one {# a comment with {{ ref('not_called') }} inside #}\n",
            "{# leading #}\nselect {{ ref(\"orders\") }}.id from {{ ref('orders') }}",
            "-- no jinja at all\nselect 1\n",
            "select '{ not jinja }' as braces, '{' as one from {{ ref('orders') }}",
    })
    void printsWhatJinjaPrints(String template) {
        RecordingScope fast = new RecordingScope();
        RecordingScope slow = new RecordingScope();

        Optional<String> direct = StaticTemplate.render(template, FILE, fast);
        String rendered = jinja.render(template, TemplateSource.of(FILE), slow);

        assertTrue(direct.isPresent(), "should not need Jinja: " + template);
        assertEquals(rendered, direct.get());
        assertEquals(slow.refs, fast.refs);
        assertEquals(slow.sources, fast.sources);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{% if true %}select 1{% endif %}",
            "select {{ var('x') }}",
            "select * from {{ ref('orders') | lower }}",
            "select {{ dbt.type_string() }}",
    })
    void leavesEverythingElseToJinja(String template) {
        assertTrue(StaticTemplate.render(template, FILE, new RecordingScope()).isEmpty(), template);
    }

    /**
     * Whitespace control as Jinja2 (and so dbt) applies it. jinjava 2.7 does not trim around
     * expressions and comments, so here the expectation is Jinja2's output, written out.
     */
    @Test
    void trimsWhitespaceAsJinja2Does() {
        RecordingScope scope = new RecordingScope();
        assertEquals("select a,\"db\".\"main\".\"orders\"as b",
                StaticTemplate.render("select a,\n    {{- ref('orders') -}}\n  as b", FILE, scope).orElseThrow());
        assertEquals("select 1", StaticTemplate.render("{#- trimmed -#}\n\nselect 1", FILE, scope).orElseThrow());
    }

    @Test
    void ephemeralRefsAreRecordedForInjection() {
        RecordingScope scope = new RecordingScope();
        assertEquals("select * from __dbt__cte__eph",
                StaticTemplate.render("select * from {{ ref('eph') }}", FILE, scope).orElseThrow());
    }

    /** Resolves every ref and source to a fixed relation and remembers the calls, in order. */
    private static final class RecordingScope implements RenderScope {
        final List<String> refs = new java.util.ArrayList<>();
        final List<String> sources = new java.util.ArrayList<>();

        @Override
        public Relation ref(RefCall call) {
            refs.add(call.packageName() + "." + call.name() + "@" + call.location().line());
            if (call.name().equals("eph")) {
                return Relation.cte("__dbt__cte__eph");
            }
            return Relation.of("db", "main", call.name(), Quoting.ALL_DOUBLE);
        }

        @Override
        public Relation source(SourceCall call) {
            sources.add(call.sourceName() + "." + call.tableName() + "@" + call.location().line());
            return Relation.of("db", call.sourceName(), call.tableName(), Quoting.ALL_DOUBLE);
        }

        @Override
        public void config(Map<String, Object> kwargs) {
        }

        @Override
        public Object configGet(String key, Object fallback) {
            return fallback;
        }

        @Override
        public Optional<Relation> self() {
            return Optional.empty();
        }

        @Override
        public boolean isIncremental() {
            return false;
        }

        @Override
        public boolean execute() {
            return true;
        }

        @Override
        public Optional<QueryRunner> queries() {
            return Optional.empty();
        }
    }
}
