package dev.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestCompileCommand {

    @TempDir
    Path dir;

    private TestingProject shop() {
        return TestingProject.create(dir)
                .file("seeds/raw_customers.csv", "id,name\n1,Ana\n2,Ben\n")
                .file("models/staging/stg_customers.sql", "select id as customer_id, name from {{ ref('raw_customers') }}\n")
                .file("models/intermediate/int_customers.sql", """
                        {{ config(materialized='ephemeral') }}
                        select customer_id, upper(name) as name from {{ ref('stg_customers') }}
                        """)
                .file("models/marts/dim_customers.sql", """
                        {{ config(materialized='table', schema='marts', tags=['daily']) }}
                        with base as (select * from {{ ref('int_customers') }})
                        select {% for c in ['customer_id', 'name'] %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %} from base
                        """)
                .file("models/marts/schema.yml", """
                        version: 2
                        models:
                          - name: dim_customers
                            description: One row per customer.
                            columns:
                              - name: customer_id
                                tests: [unique, not_null]
                        """);
    }

    @Test
    void compilesEveryNodeToTargetCompiledAndWritesTheManifest() throws Exception {
        TestingProject project = shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        String staging = project.read("target/compiled/shop/models/staging/stg_customers.sql");
        assertTrue(staging.contains("from \"memory\".\"main\".\"raw_customers\""), staging);
        String mart = project.read("target/compiled/shop/models/marts/dim_customers.sql");
        assertTrue(mart.contains("with __dbt__cte__int_customers as (\n"), mart);
        assertTrue(mart.contains("from \"memory\".\"main\".\"stg_customers\""), mart);
        assertTrue(mart.contains("), base as (select * from __dbt__cte__int_customers)"), mart);
        assertTrue(mart.contains("select customer_id, name from base"), mart);

        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("target/manifest.json").toFile());
        assertEquals("https://schemas.getdbt.com/dbt/manifest/v12.json",
                manifest.at("/metadata/dbt_schema_version").asText());
        JsonNode dim = manifest.at("/nodes/model.shop.dim_customers");
        assertEquals("main_marts", dim.get("schema").asText());
        assertEquals("\"memory\".\"main_marts\".\"dim_customers\"", dim.get("relation_name").asText());
        assertEquals("table", dim.at("/config/materialized").asText());
        assertEquals(List.of("model.shop.int_customers"), strings(manifest.at("/parent_map/model.shop.dim_customers")));
        assertEquals(List.of("model.shop.int_customers"), strings(manifest.at("/child_map/model.shop.stg_customers")));
        assertTrue(manifest.at("/nodes/model.shop.int_customers/relation_name").isNull());
        assertTrue(manifest.at("/nodes").has("seed.shop.raw_customers"));
    }

    @Test
    void compilesOnlyTheSelectedNodes() {
        TestingProject project = shop();

        TestingCli.Outcome outcome = TestingCli.inProject(dir, "compile", "--select", "stg_customers");

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(project.exists("target/compiled/shop/models/staging/stg_customers.sql"));
        assertFalse(project.exists("target/compiled/shop/models/marts/dim_customers.sql"));
    }

    @Test
    void listsNodesAsDbtLsDoes() {
        shop();

        TestingCli.Outcome names = TestingCli.inProject(dir, "ls", "--resource-type", "model", "--output", "name");
        TestingCli.Outcome selectors = TestingCli.inProject(dir, "ls", "-s", "+dim_customers", "--resource-type", "model");
        TestingCli.Outcome paths = TestingCli.inProject(dir, "ls", "-s", "tag:daily", "--resource-type", "model", "--output", "path");

        assertEquals(0, names.exitCode(), names::toString);
        assertEquals(List.of("dim_customers", "int_customers", "stg_customers"), names.out().lines().toList());
        assertEquals(List.of("shop.intermediate.int_customers", "shop.marts.dim_customers", "shop.staging.stg_customers"),
                selectors.out().lines().toList());
        assertEquals(List.of("models/marts/dim_customers.sql"), paths.out().lines().toList());
    }

    @Test
    void listsJsonWithTheKeysAsked() throws Exception {
        shop();

        TestingCli.Outcome json = TestingCli.inProject(dir, "ls", "-s", "dim_customers", "--resource-type", "model",
                "--output", "json", "--output-keys", "name", "resource_type");

        assertEquals(0, json.exitCode(), json::toString);
        JsonNode line = new ObjectMapper().readTree(json.out().lines().findFirst().orElseThrow());
        assertEquals("dim_customers", line.get("name").asText());
        assertEquals("model", line.get("resource_type").asText());
        assertEquals(2, line.size());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
