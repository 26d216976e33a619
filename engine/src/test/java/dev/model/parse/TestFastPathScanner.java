package dev.model.parse;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestFastPathScanner {

    private static final Path FILE = Path.of("models/orders.sql");

    @Test
    void extractsRefsSourcesAndConfigWithLines() {
        String sql = """
                {{ config(materialized='incremental', unique_key=['id', 'day'], tags=["a"], enabled=true,
                          batch=500, ratio=0.5, meta={'owner': 'ops'}, alias=none,
                          post_hook="grant select on {{ this }} to reporter") }}
                select *
                from {{ ref('stg_orders') }} o
                join {{- ref("finance", 'payments', v=2) -}} p on p.id = o.id
                join {{ source('raw', 'customers') }} c on true
                {# a comment with {{ anything }} #}
                """;
        FastPathScanner.Extracted found = FastPathScanner.scan(sql, FILE).orElseThrow();
        assertEquals(List.of(new RefCall(null, "stg_orders", null, dev.model.error.SourceLocation.of(FILE, 5)),
                        new RefCall("finance", "payments", 2, dev.model.error.SourceLocation.of(FILE, 6))),
                found.refs());
        assertEquals(List.of(new SourceCall("raw", "customers", dev.model.error.SourceLocation.of(FILE, 7))),
                found.sources());
        Map<String, Object> config = found.config();
        assertEquals("incremental", config.get("materialized"));
        assertEquals(List.of("id", "day"), config.get("unique_key"));
        assertEquals(List.of("a"), config.get("tags"));
        assertEquals(true, config.get("enabled"));
        assertEquals(500, config.get("batch"));
        assertEquals(0.5, config.get("ratio"));
        assertEquals(Map.of("owner", "ops"), config.get("meta"));
        assertTrue(config.containsKey("alias") && config.get("alias") == null);
        assertEquals("grant select on {{ this }} to reporter", config.get("post_hook"), "kept as written, rendered later");
    }

    @Test
    void fileWithoutJinjaHasNoCalls() {
        FastPathScanner.Extracted found = FastPathScanner.scan("select 1 as {x}", FILE).orElseThrow();
        assertTrue(found.refs().isEmpty() && found.sources().isEmpty() && found.config().isEmpty());
    }

    @Test
    void anythingElseNeedsTheRenderer() {
        for (String sql : List.of(
                "{% if true %}select 1{% endif %}",
                "select {{ var('x') }}",
                "select * from {{ ref('a' ~ 'b') }}",
                "select * from {{ ref(name) }}",
                "{{ config(materialized=var('m')) }}",
                "{{ config({'materialized': 'table'}) }}",
                "select '{{ ref(\"a\") }}' || {{ ref('b').identifier }}",
                "select * from {{ source('only_one') }}",
                "{{ ref('a', unknown=1) }}",
                "select * from {{ ref('unclosed') ")) {
            assertTrue(FastPathScanner.scan(sql, FILE).isEmpty(), sql);
        }
    }
}
