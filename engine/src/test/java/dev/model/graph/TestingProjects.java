package dev.model.graph;

import dev.model.error.SourceLocation;
import dev.model.jinja.MacroLibrary;
import dev.model.parse.Dependencies;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeConfig;
import dev.model.parse.ParsedProject;
import dev.model.parse.RefCall;
import dev.model.parse.SeedNode;
import dev.model.parse.SnapshotNode;
import dev.model.parse.SourceCall;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectPaths;
import dev.model.project.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-built parsed projects, so graph tests need no parser. Dependencies are written as
 * strings, one per line of the node's file: {@code "stg_orders"} is {@code ref('stg_orders')} on
 * line 1, {@code "pkg/name"} is {@code ref('pkg', 'name')}, {@code "source:shop.orders"} is
 * {@code source('shop', 'orders')}.
 */
final class TestingProjects {

    static final Path ROOT = Path.of("/projects/shop");

    private final String packageName;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private TestingProjects(String packageName) {
        this.packageName = packageName;
    }

    static TestingProjects project(String packageName) {
        return new TestingProjects(packageName);
    }

    /**
     * The shop project of the selection tests: a seed, two source tables, staging, intermediate
     * and mart models, a snapshot, four generic tests and a singular one.
     */
    static ProjectGraph shop() {
        return project("shop")
                .seed("seeds/country_codes.csv", Map.of("tags", List.of("reference")))
                .source("shop", "orders", "models/staging/sources.yml")
                .source("shop", "customers", "models/staging/sources.yml")
                .model("models/staging/stg_orders.sql", Map.of("materialized", "view", "tags", List.of("staging")),
                        "source:shop.orders")
                .model("models/staging/stg_customers.sql", Map.of("tags", "staging"), "source:shop.customers")
                .model("models/intermediate/int_orders_enriched.sql", Map.of("materialized", "ephemeral"),
                        "stg_orders", "stg_customers", "country_codes")
                .model("models/marts/orders.sql", Map.of("materialized", "table", "tags", List.of("marts", "finance"),
                        "meta", Map.of("owner", "ana")), "int_orders_enriched")
                .model("models/marts/customers.sql", Map.of("materialized", "table", "tags", List.of("marts")),
                        "stg_customers", "orders")
                .snapshot("snapshots/orders_snapshot.sql", "stg_orders")
                .genericTest("unique", "unique_stg_orders_order_id", "models/staging/schema.yml", "stg_orders")
                .genericTest("not_null", "not_null_orders_order_id", "models/marts/schema.yml", "orders")
                .genericTest("relationships", "relationships_orders_customer_id", "models/marts/schema.yml",
                        "orders", "customers")
                .genericTest("not_null", "source_not_null_shop_orders_id", "models/staging/sources.yml",
                        "source:shop.orders")
                .singularTest("tests/assert_positive_totals.sql", "orders")
                .graph();
    }

    TestingProjects model(String path, String... dependencies) {
        return model(path, Map.of(), dependencies);
    }

    TestingProjects model(String path, Map<String, Object> config, String... dependencies) {
        String name = stem(path);
        return add(new ModelNode("model." + packageName + "." + name, name, packageName, path, ROOT.resolve(path),
                "select 1", new NodeConfig(config), fqn(path, name), "", Map.of(), dependencies(path, dependencies),
                null));
    }

    TestingProjects disabledModel(String path, String... dependencies) {
        return model(path, Map.of("enabled", false), dependencies);
    }

    TestingProjects seed(String path, Map<String, Object> config) {
        String name = stem(path);
        return add(new SeedNode("seed." + packageName + "." + name, name, packageName, path, ROOT.resolve(path),
                new NodeConfig(config), fqn(path, name), "", Map.of(), null));
    }

    TestingProjects snapshot(String path, String... dependencies) {
        String name = stem(path);
        return add(new SnapshotNode("snapshot." + packageName + "." + name, name, packageName, path,
                ROOT.resolve(path), "select 1", new NodeConfig(Map.of("materialized", "snapshot")), fqn(path, name),
                "", Map.of(), dependencies(path, dependencies)));
    }

    TestingProjects source(String sourceName, String table, String path) {
        return source(sourceName, table, path, Map.of());
    }

    TestingProjects source(String sourceName, String table, String path, Map<String, Object> config) {
        List<String> fqn = new ArrayList<>(fqn(path, sourceName));
        fqn.add(table);
        return add(new SourceNode("source." + packageName + "." + sourceName + "." + table, sourceName, table,
                packageName, path, ROOT.resolve(path), "db", "raw", table, null, null, new NodeConfig(config), fqn,
                "", "", Map.of(), Map.of()));
    }

    TestingProjects genericTest(String testName, String name, String ymlPath, String... dependencies) {
        Dependencies deps = dependencies(ymlPath, dependencies);
        String attached = deps.refs().isEmpty() ? null : "model." + packageName + "." + deps.refs().get(0).name();
        return add(new TestNode("test." + packageName + "." + name, name, packageName, ymlPath,
                ROOT.resolve(ymlPath), "{{ test_" + testName + "() }}", new NodeConfig(Map.of()), fqn(ymlPath, name),
                "", deps, "id", new TestNode.TestMetadata(testName, null, Map.of()), attached));
    }

    TestingProjects singularTest(String path, String... dependencies) {
        String name = stem(path);
        return add(new TestNode("test." + packageName + "." + name, name, packageName, path, ROOT.resolve(path),
                "select 1", new NodeConfig(Map.of()), fqn(path, name), "", dependencies(path, dependencies), null,
                null, null));
    }

    /** Adds a node as it is, for nodes of other packages or unusual shapes. */
    TestingProjects add(Node node) {
        nodes.put(node.uniqueId(), node);
        return this;
    }

    ParsedProject parsed() {
        ProjectConfig config = new ProjectConfig(ROOT, ROOT.resolve("dbt_project.yml"), packageName, "1.0.0",
                packageName, ProjectPaths.defaults(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                List.of(), List.of(), Map.of(), Map.of());
        Target target = new Target(packageName, "dev", "duckdb", "db", "main", 1, Map.of());
        return new ParsedProject(config, target, nodes, MacroLibrary.empty(), Map.of());
    }

    ProjectGraph graph() {
        return ProjectGraph.build(parsed());
    }

    /** A dependency list for hand-made nodes, same notation as the builder methods. */
    static Dependencies dependencies(String path, String... dependencies) {
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        for (int i = 0; i < dependencies.length; i++) {
            String dependency = dependencies[i];
            SourceLocation location = SourceLocation.of(Path.of(path), i + 1);
            if (dependency.startsWith("source:")) {
                String[] parts = dependency.substring("source:".length()).split("\\.", 2);
                sources.add(new SourceCall(parts[0], parts[1], location));
            } else if (dependency.contains("/")) {
                String[] parts = dependency.split("/", 2);
                refs.add(new RefCall(parts[0], parts[1], null, location));
            } else {
                refs.add(new RefCall(null, dependency, null, location));
            }
        }
        return new Dependencies(refs, sources, Set.of());
    }

    private List<String> fqn(String path, String name) {
        List<String> folders = new ArrayList<>(Arrays.asList(path.split("/")));
        folders.remove(folders.size() - 1);
        if (!folders.isEmpty()) {
            folders.remove(0); // the resource path itself (models/, seeds/, ...) is not part of the fqn
        }
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(folders);
        fqn.add(name);
        return fqn;
    }

    private static String stem(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.lastIndexOf('.'));
    }
}
