package dev.model.parse;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TestProjectParser {

    @TempDir
    Path dir;
    TestingProject project;

    @BeforeEach
    void writeProject() {
        project = new TestingProject(dir)
                .file("dbt_project.yml", """
                        name: shop
                        profile: shop
                        vars:
                          audit_schema: audit
                        models:
                          shop:
                            +materialized: view
                            +tags: [shop]
                            staging:
                              +schema: staging
                              materialized: view
                              +pre-hook: "select 1"
                            marts:
                              +materialized: table
                              +meta: {team: core, tier: 2}
                              orders:
                                +tags: orders_leaf
                        seeds:
                          shop:
                            +schema: raw
                        tests:
                          shop:
                            +severity: warn
                        sources:
                          shop:
                            staging:
                              raw:
                                legacy:
                                  +enabled: false
                        """)
                .file("models/staging/stg_orders.sql", "select * from {{ source('raw', 'orders') }}\n")
                .file("models/staging/stg_customers.sql", "select * from {{ ref('customers_seed') }}\n")
                .file("models/marts/orders.sql", """
                        {{ config(materialized='incremental', unique_key='order_id', tags=['daily'],
                                  post_hook=["analyze {{ this }}"], meta={'tier': 1}) }}
                        select o.*, c.name
                        from {{ ref('stg_orders') }} o
                        join {{ ref('stg_customers') }} c using (customer_id)
                        """)
                .file("models/marts/disabled_model.sql", "{{ config(enabled=false) }} select 1")
                .file("models/marts/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            description: "{{ doc('orders_doc') }}"
                            config:
                              tags: [yaml_tag]
                              pre-hook: "delete from {{ this }} where false"
                              meta: {owner: "{{ var('audit_schema') }}"}
                            columns:
                              - name: order_id
                                description: The key
                                data_type: integer
                                tags: [pk]
                                tests:
                                  - not_null
                                  - unique:
                                      config:
                                        severity: error
                              - name: status
                                data_tests:
                                  - accepted_values:
                                      values: ['placed', 'shipped', 'completed']
                                      config:
                                        where: "status_date > '{{ var('audit_schema') }}'"
                              - name: customer_id
                                tests:
                                  - relationships:
                                      to: ref('stg_customers')
                                      field: customer_id
                          - name: disabled_model
                            description: patched but disabled
                          - name: ghost
                            description: no such model
                        """)
                .file("models/staging/sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            schema: "{{ env_var('RAW_SCHEMA', 'raw_data') }}"
                            loader: fivetran
                            loaded_at_field: _loaded_at
                            freshness:
                              warn_after: {count: 12, period: hour}
                            tables:
                              - name: orders
                                identifier: raw_orders
                                columns:
                                  - name: id
                                    tests: [not_null]
                              - name: payments
                                freshness:
                                  error_after: {count: 1, period: day}
                              - name: events
                                freshness: null
                              - name: refunds
                                config:
                                  loaded_at_field: refunded_at
                                  freshness:
                                    warn_after: {count: 1, period: hour}
                              - name: legacy
                        """)
                .file("seeds/customers_seed.csv", "customer_id,name\n1,Ann\n")
                .file("seeds/schema.yml", """
                        version: 2
                        seeds:
                          - name: customers_seed
                            config:
                              column_types: {customer_id: integer}
                        """)
                .file("snapshots/orders_snapshot.sql", """
                        {% snapshot orders_snapshot %}
                        {{ config(unique_key='order_id', strategy='timestamp', updated_at='updated_at') }}
                        select * from {{ ref('orders') }}
                        {% endsnapshot %}
                        """)
                .file("tests/assert_positive.sql", "select * from {{ ref('orders') }} where amount < 0\n")
                .file("tests/generic/is_even.sql", "{% test is_even(model, column_name) %}select 1{% endtest %}\n")
                .file("models/docs.md", "{% docs orders_doc %}\nOne row per order.\n{% enddocs %}\n");
    }

    @Test
    void modelsGetDbtIdentityAndConfigPrecedence() {
        ParsedProject parsed = project.parse();
        ModelNode orders = (ModelNode) parsed.nodes().get("model.shop.orders");
        assertEquals(List.of("shop", "marts", "orders"), orders.fqn());
        assertEquals("models/marts/orders.sql", orders.originalFilePath());
        assertEquals("incremental", orders.config().materialized(), "config() in the file wins over folders");
        assertEquals("order_id", orders.config().get("unique_key"));
        assertEquals(List.of("shop", "orders_leaf", "yaml_tag", "daily"), orders.config().tags(), "tags accumulate");
        assertEquals(Map.of("team", "core", "tier", 1, "owner", "audit"), orders.config().get("meta"),
                "meta merges key by key; YAML values rendered");
        assertEquals(List.of("analyze {{ this }}"), orders.config().get("post_hook"));
        assertEquals(List.of("delete from {{ this }} where false"), orders.config().get("pre_hook"),
                "hooks in YAML are kept for run time");
        assertEquals("One row per order.", orders.description());
        assertEquals("shop://models/marts/schema.yml", orders.patchPath());
        assertEquals("integer", orders.columns().get("order_id").dataType());
        assertEquals(List.of("pk"), orders.columns().get("order_id").tags());
        assertEquals(List.of("stg_orders", "stg_customers"),
                orders.dependsOn().refs().stream().map(RefCall::name).toList());
        assertEquals(5, orders.dependsOn().refs().get(1).location().line());

        ModelNode stgOrders = (ModelNode) parsed.nodes().get("model.shop.stg_orders");
        assertEquals("view", stgOrders.config().materialized());
        assertEquals("staging", stgOrders.config().schema());
        assertEquals(List.of("select 1"), stgOrders.config().get("pre_hook"), "pre-hook normalised to pre_hook");
        assertEquals(List.of(new SourceCall("raw", "orders", SourceLocation.of(project.path("models/staging/stg_orders.sql"), 1))),
                stgOrders.dependsOn().sources());

        assertFalse(parsed.nodes().containsKey("model.shop.disabled_model"));
    }

    @Test
    void nodesAreSortedByUniqueId() {
        List<String> ids = List.copyOf(project.parse().nodes().keySet());
        List<String> sorted = ids.stream().sorted().toList();
        assertEquals(sorted, ids);
    }

    @Test
    void genericTestsMatchDbtNamesAndIds() {
        ParsedProject parsed = project.parse();
        TestNode notNull = test(parsed, "not_null_orders_order_id");
        assertTrue(notNull.uniqueId().matches("test\\.shop\\.not_null_orders_order_id\\.[0-9a-f]{10}"), notNull.uniqueId());
        assertEquals("{{ test_not_null(**_dbt_generic_test_kwargs) }}", notNull.rawCode());
        assertEquals("model.shop.orders", notNull.attachedNode());
        assertEquals("order_id", notNull.columnName());
        assertEquals(List.of("shop", "marts", "not_null_orders_order_id"), notNull.fqn());
        assertEquals("models/marts/schema.yml", notNull.originalFilePath());
        assertEquals(new TestNode.TestMetadata("not_null", null, Map.of("column_name", "order_id",
                "model", "{{ get_where_subquery(ref('orders')) }}")), notNull.testMetadata());
        assertEquals("warn", notNull.config().get("severity"), "tests: tree in dbt_project.yml");
        assertEquals(List.of("pk"), notNull.config().tags(), "column tags are inherited");

        TestNode unique = test(parsed, "unique_orders_order_id");
        assertEquals("error", unique.config().get("severity"), "the test's own config wins");
        assertEquals("{{ test_unique(**_dbt_generic_test_kwargs) }}{{ config(severity=\"error\") }}", unique.rawCode());

        TestNode accepted = test(parsed, "accepted_values_orders_status__placed__shipped__completed");
        assertEquals("status_date > 'audit'", accepted.config().get("where"), "test configs render at parse time");
        TestNode relationships = test(parsed, "relationships_orders_customer_id__customer_id__ref_stg_customers_");
        assertEquals(List.of("orders", "stg_customers"),
                relationships.dependsOn().refs().stream().map(RefCall::name).toList());

        TestNode sourceTest = test(parsed, "source_not_null_raw_orders_id");
        assertEquals(List.of(new SourceCall("raw", "orders", sourceTest.dependsOn().sources().get(0).location())),
                sourceTest.dependsOn().sources());
        assertEquals("{{ get_where_subquery(source('raw', 'orders')) }}", sourceTest.testMetadata().kwargs().get("model"));
    }

    @Test
    void singularTestsSeedsSnapshotsAndDocs() {
        ParsedProject parsed = project.parse();
        TestNode singular = (TestNode) parsed.nodes().get("test.shop.assert_positive");
        assertFalse(singular.isGeneric());
        assertEquals(List.of("orders"), singular.dependsOn().refs().stream().map(RefCall::name).toList());
        assertEquals("test", singular.config().materialized());
        assertFalse(parsed.nodes().keySet().stream().anyMatch(id -> id.contains("is_even")),
                "tests/generic holds macros, not tests");

        SeedNode seed = (SeedNode) parsed.nodes().get("seed.shop.customers_seed");
        assertEquals("seed", seed.config().materialized());
        assertEquals("raw", seed.config().schema());
        assertEquals(Map.of("customer_id", "integer"), seed.config().get("column_types"));

        SnapshotNode snapshot = (SnapshotNode) parsed.nodes().get("snapshot.shop.orders_snapshot");
        assertEquals(List.of("shop", "orders_snapshot", "orders_snapshot"), snapshot.fqn());
        assertEquals("snapshot", snapshot.config().materialized());
        assertEquals("timestamp", snapshot.config().get("strategy"));
        assertEquals(3, snapshot.dependsOn().refs().get(0).location().line());

        assertEquals("One row per order.", parsed.docs().get("doc.shop.orders_doc").blockContents());
    }

    @Test
    void sourcesInheritDefaultsAndFreshness() {
        ParsedProject parsed = project.parse();
        SourceNode orders = (SourceNode) parsed.nodes().get("source.shop.raw.orders");
        assertEquals("raw_data", orders.schema(), "env_var default rendered");
        assertEquals("dev", orders.database(), "the target's database");
        assertEquals("raw_orders", orders.identifier());
        assertEquals("_loaded_at", orders.loadedAtField());
        assertEquals(Map.of("warn_after", Map.of("count", 12, "period", "hour")), orders.freshness());
        assertEquals(List.of("shop", "staging", "raw", "orders"), orders.fqn());
        SourceNode payments = (SourceNode) parsed.nodes().get("source.shop.raw.payments");
        assertEquals(Map.of("warn_after", Map.of("count", 12, "period", "hour"),
                "error_after", Map.of("count", 1, "period", "day")), payments.freshness());
        assertNull(((SourceNode) parsed.nodes().get("source.shop.raw.events")).freshness());
        SourceNode refunds = (SourceNode) parsed.nodes().get("source.shop.raw.refunds");
        assertEquals("refunded_at", refunds.loadedAtField(), "dbt 1.10 config: spelling");
        assertEquals(Map.of("warn_after", Map.of("count", 1, "period", "hour")), refunds.freshness());
        assertFalse(parsed.nodes().containsKey("source.shop.raw.legacy"), "disabled in dbt_project.yml");
    }

    @Test
    void patchForMissingModelWarns() {
        project.parse();
        List<String> warnings = project.log.warnings().stream().map(w -> w.message()).toList();
        assertTrue(warnings.contains("Did not find matching node for patch with name 'ghost' in the 'models' section "
                + "of file 'models/marts/schema.yml'"), warnings.toString());
        assertFalse(warnings.stream().anyMatch(w -> w.contains("disabled_model")), warnings.toString());
        assertEquals(1, warnings.size(), "the fixture has no other problem: " + warnings);
    }

    @Test
    void unknownConfigKeyWarnsWithKeyAndFile() {
        project.file("models/typo.sql", "{{ config(materialised='table') }} select 1").parse();
        List<dev.model.project.TestingLog.Warning> warnings = project.log.warnings().stream()
                .filter(w -> w.message().contains("materialised")).toList();
        assertEquals(1, warnings.size());
        assertEquals("Unknown config key 'materialised' in " + project.path("models/typo.sql"), warnings.get(0).message());
        assertEquals(project.path("models/typo.sql"), warnings.get(0).location().file());
    }

    @Test
    void configKeyOutsideConfigBlockWarns() {
        project.file("models/more.yml", "models:\n  - name: stg_orders\n    materialized: table\n").parse();
        List<dev.model.project.TestingLog.Warning> warnings = project.log.warnings().stream()
                .filter(w -> w.message().contains("materialized")).toList();
        assertEquals(1, warnings.size(), project.log.warnings().toString());
        assertEquals("Unknown property 'materialized' of model 'stg_orders' in models/more.yml is ignored "
                + "(configs go under 'config:')", warnings.get(0).message());
        assertEquals(SourceLocation.of(project.path("models/more.yml"), 3), warnings.get(0).location());
    }

    @Test
    void unknownFolderConfigKeyWarnsOnceForAllNodes() {
        project.file("dbt_project.yml", "name: shop\nvars: {audit_schema: a}\nmodels:\n  shop:\n    +materialzed: table\n").parse();
        List<String> warnings = project.log.warnings().stream().map(w -> w.message())
                .filter(m -> m.contains("materialzed")).toList();
        assertEquals(List.of("Unknown config key 'materialzed' in " + project.path("dbt_project.yml")), warnings);
    }

    @Test
    void duplicateModelNamesNameBothFiles() {
        project.file("models/other/orders.sql", "select 1");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertEquals("Found two resources named 'orders': models/marts/orders.sql and models/other/orders.sql "
                + "(names of models, seeds and snapshots must be unique)", e.getMessage());
        assertEquals(project.path("models/other/orders.sql"), e.location().orElseThrow().file());
    }

    @Test
    void duplicateSourceTablesNameBothFiles() {
        project.file("models/more_sources.yml", "sources:\n  - name: raw\n    tables:\n      - name: orders\n");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals("Found two definitions of source table 'raw.orders': in models/more_sources.yml and "
                + "models/staging/sources.yml", e.getMessage());
    }

    @Test
    void malformedPropertyYamlPointsAtTheLine() {
        project.file("models/bad.yml", "version: 2\nmodels:\n  - name: x\n    description: [unclosed\n");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().startsWith("Malformed YAML in bad.yml"), e.getMessage());
        assertEquals(project.path("models/bad.yml"), e.location().orElseThrow().file());
        assertTrue(e.location().orElseThrow().line() >= 4, e.describe());
    }

    @Test
    void badTestDefinitionPointsAtIt() {
        project.file("models/bad_tests.yml", """
                models:
                  - name: stg_orders
                    tests:
                      - not_null: {}
                        unique: {}
                """);
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertTrue(e.getMessage().startsWith("A test definition must have exactly one key"), e.getMessage());
        assertEquals(SourceLocation.of(project.path("models/bad_tests.yml"), 4), e.location().orElseThrow());
    }

    @Test
    void missingEnvVarInPropertyYamlPointsAtTheEntry() {
        project.file("models/env.yml", "sources:\n  - name: app\n    schema: \"{{ env_var('APP_SCHEMA') }}\"\n");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals("Env var required but not provided: 'APP_SCHEMA'", e.getMessage());
        assertEquals(project.path("models/env.yml"), e.location().orElseThrow().file());
        assertEquals(2, e.location().orElseThrow().line());
    }

    @Test
    void unclosedDocsBlockIsAnError() {
        project.file("models/broken.md", "intro\n{% docs broken %}\nno end");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals("The docs block 'broken' has no {% enddocs %}", e.getMessage());
        assertEquals(SourceLocation.of(project.path("models/broken.md"), 2), e.location().orElseThrow());
    }

    @Test
    void quotedColumnsReachTheirTestsQuoted() {
        ParsedProject parsed = project.file("models/quoted.yml", """
                models:
                  - name: stg_orders
                    columns:
                      - name: Order Id
                        quote: true
                        tests: [not_null]
                """).parse();
        TestNode test = test(parsed, "not_null_stg_orders__Order_Id_");
        assertEquals("\"Order Id\"", test.columnName());
        assertEquals("\"Order Id\"", test.testMetadata().kwargs().get("column_name"));
    }

    @Test
    void singularTestsArePatchedFromDataTestsYaml() {
        ParsedProject parsed = project.file("tests/tests.yml", """
                data_tests:
                  - name: assert_positive
                    description: Amounts are never negative
                    config:
                      severity: warn
                      tags: [finance]
                """).parse();
        TestNode singular = (TestNode) parsed.nodes().get("test.shop.assert_positive");
        assertEquals("Amounts are never negative", singular.description());
        assertEquals("warn", singular.config().get("severity"));
        assertEquals(List.of("finance"), singular.config().tags());
        assertEquals(1, project.log.warnings().size(), project.log.warnings().toString());
    }

    @Test
    void projectConfigTreesMayUseTheTarget() {
        ParsedProject parsed = project.file("dbt_project.yml", """
                name: shop
                vars: {audit_schema: a}
                models:
                  shop:
                    staging:
                      +materialized: "{{ 'table' if target.name == 'dev' else 'view' }}"
                      +post-hook: "grant select on {{ this }} to {{ target.name }}"
                    marts:
                      +enabled: "{{ target.name != 'dev' }}"
                """).parse();
        ModelNode stgOrders = (ModelNode) parsed.nodes().get("model.shop.stg_orders");
        assertEquals("table", stgOrders.config().materialized());
        assertEquals(List.of("grant select on {{ this }} to {{ target.name }}"), stgOrders.config().get("post_hook"));
        assertFalse(parsed.nodes().containsKey("model.shop.orders"), "marts disabled on dev");
    }

    @Test
    void missingDocIsAnError() {
        project.file("models/more.yml", "models:\n  - name: stg_orders\n    description: \"{{ doc('nope') }}\"\n");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals("Documentation for 'model.shop.stg_orders' depends on doc 'nope' which was not found", e.getMessage());
    }

    @Test
    void templatesBeyondTheFastPathRenderWithProjectMacros() {
        ParsedProject parsed = project
                .file("macros/money.sql", "{% macro cents_to_dollars(col) %}({{ col }} / 100.0){% endmacro %}")
                .file("models/marts/revenue.sql", """
                        {% set cols = ['amount', 'tax'] %}
                        {{ config(materialized='table' if target.name == 'dev' else 'view') }}
                        select {% for c in cols %}{{ cents_to_dollars(c) }} as {{ c }}{% if not loop.last %}, {% endif %}{% endfor %}
                        from {{ ref('orders') }}
                        """)
                .file("models/marts/revenue.yml", """
                        models:
                          - name: revenue
                            config:
                              alias: "{{ 'rev_' ~ var('audit_schema') }}"
                        """)
                .parse();
        ModelNode revenue = (ModelNode) parsed.nodes().get("model.shop.revenue");
        assertEquals("table", revenue.config().materialized());
        assertEquals("rev_audit", revenue.config().alias(), "YAML Jinja beyond env_var/var uses the renderer");
        assertEquals(List.of("orders"), revenue.dependsOn().refs().stream().map(RefCall::name).toList());
        assertEquals(4, revenue.dependsOn().refs().get(0).location().line());
        assertTrue(parsed.macros().find("shop", "cents_to_dollars").isPresent());
        assertTrue(parsed.macros().find("shop", "test_is_even").isPresent()
                || parsed.macros().find("shop", "is_even").isPresent(), "tests/generic macros are loaded");
    }

    @Test
    void yamlSnapshotsBuildTheirQueryFromTheRelation() {
        ParsedProject parsed = project.file("snapshots/customers.yml", """
                snapshots:
                  - name: customers_snapshot
                    relation: ref('stg_customers')
                    config:
                      unique_key: customer_id
                      strategy: check
                      check_cols: all
                """).parse();
        SnapshotNode snapshot = (SnapshotNode) parsed.nodes().get("snapshot.shop.customers_snapshot");
        assertEquals("select * from {{ ref('stg_customers') }}", snapshot.rawCode());
        assertEquals(List.of("stg_customers"), snapshot.dependsOn().refs().stream().map(RefCall::name).toList());
        assertEquals("check", snapshot.config().get("strategy"));
    }

    @Test
    void snapshotWithoutStrategyIsAnError() {
        project.file("snapshots/bad.sql", "\n{% snapshot bad %}{{ config(unique_key='id') }} select 1 {% endsnapshot %}");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals("Snapshot 'bad' needs a 'strategy' config (timestamp or check)", e.getMessage());
        assertEquals(SourceLocation.of(project.path("snapshots/bad.sql"), 2), e.location().orElseThrow());
    }

    @Test
    void duplicateMacrosNameBothFiles() {
        project.file("macros/a.sql", "{% macro same() %}1{% endmacro %}")
                .file("macros/b.sql", "{% macro same() %}2{% endmacro %}");
        ModelException e = assertThrows(ModelException.class, () -> project.parse());
        assertEquals(ErrorCategory.PROJECT, e.category());
        assertTrue(e.getMessage().contains("macros/a.sql") && e.getMessage().contains("macros/b.sql"), e.getMessage());
    }

    private static TestNode test(ParsedProject parsed, String name) {
        return parsed.nodes().values().stream()
                .filter(n -> n instanceof TestNode t && t.name().equals(name))
                .map(n -> (TestNode) n)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test " + name + " in " + parsed.nodes().keySet()));
    }
}
