package dev.model.parse;

import dev.model.jinja.JinjaEngine;
import dev.model.jinja.JinjaSettings;
import dev.model.jinja.MacroLibrary;
import dev.model.jinja.TemplateSource;
import dev.model.log.Log;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scanner is only a shortcut: for every file it accepts, Jinja must find the same calls. */
final class TestFastPathMatchesJinja {

    private static final Path FILE = Path.of("models/m.sql");
    private static final JinjaEngine ENGINE = JinjaEngine.create(MacroLibrary.builder().withBuiltins().build(),
            new JinjaSettings("shop", "duckdb", Map.of("name", "dev", "schema", "main"), Map.of(), Map.of(), Map.of(),
                    "test", Instant.EPOCH, Map.of(), Log.silent()));

    private static final List<String> TEMPLATES = List.of(
            "select * from {{ ref('orders') }}",
            "select *\nfrom {{ ref('finance', 'payments') }} p\njoin {{ source('raw', 'customers') }} c on true",
            "{{ config(materialized='table', tags=['a', 'b'], enabled=true, batch=10, ratio=0.25) }}\nselect 1",
            "{{ config(unique_key=['id', 'day'], meta={'owner': 'ops', 'tier': 2}, alias=none) }}\n"
                    + "{{ config(post_hook=\"grant select on {{ this }} to reporter\") }}\nselect 1",
            "{{- ref(\"orders\") -}}\n{# {{ ref('commented_out') }} #}\n{{ source(\"a\", \"b\") }}",
            "select '{' as brace, {{ ref('x') }}.id");

    @Test
    void scannerAndRendererAgree() {
        for (String template : TEMPLATES) {
            FastPathScanner.Extracted scanned = FastPathScanner.scan(template, FILE).orElseThrow(
                    () -> new AssertionError("the scanner should accept: " + template));
            ParseScope scope = new ParseScope("dev", "main", "m", Map.of());
            ENGINE.render(template, TemplateSource.of(FILE), scope);
            assertEquals(scope.refs(), scanned.refs(), template);
            assertEquals(scope.sources(), scanned.sources(), template);
            assertEquals(scope.capturedConfig(), scanned.config(), template);
        }
    }

    @Test
    void filesTheScannerRefusesAreRenderedByTheParser() {
        String template = "{% if target.name == 'dev' %}{{ config(materialized='table') }}{% endif %}\n"
                + "{% for t in ['a', 'b'] %}select * from {{ ref('stg_' ~ t) }}{% if not loop.last %} union all {% endif %}{% endfor %}";
        assertTrue(FastPathScanner.scan(template, FILE).isEmpty());
        TemplateCalls calls = new TemplateCalls(ENGINE, "dev", "main");
        TemplateCalls.Found found = calls.find(template, FILE, 1, "m", Map.of());
        assertFalse(found.scanned());
        assertEquals(List.of("stg_a", "stg_b"), found.dependencies().refs().stream().map(RefCall::name).toList());
        assertEquals(Map.of("materialized", "table"), found.config());
    }
}
