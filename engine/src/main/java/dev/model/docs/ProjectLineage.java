package dev.model.docs;

import dev.model.adapter.Relation;
import dev.model.compile.CompiledNode;
import dev.model.compile.CompiledProject;
import dev.model.graph.ProjectGraph;
import dev.model.parse.ColumnInfo;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.SeedNode;
import dev.model.parse.TestNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Column lineage of a whole compiled project: which relation names mean which node, and what columns each node has. */
final class ProjectLineage {

    private ProjectLineage() {
    }

    /**
     * Column lineage of every model and snapshot. A node's {@code select *} expands through its
     * parents' lineage, so nodes go depth by depth (parents first), each depth in parallel.
     */
    static Map<String, ColumnLineage.Result> of(ProjectGraph graph, CompiledProject compiled, Catalog catalog) {
        Map<String, String> tables = relationIndex(graph, compiled.relations());
        Map<String, ColumnLineage.Result> results = new ConcurrentHashMap<>();
        Map<String, ColumnLineage.Known> columns = new ConcurrentHashMap<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        try (ColumnLineage analyzer = new ColumnLineage(name -> Optional.ofNullable(tables.get(name)),
                id -> columns.computeIfAbsent(id, key -> knownColumns(graph.node(key), catalog, results)), threads)) {
            for (List<String> depth : depths(graph)) {
                depth.parallelStream().forEach(id -> {
                    Node node = graph.node(id);
                    CompiledNode compiledNode = compiled.nodes().get(id);
                    if (!(node instanceof TestNode) && compiledNode != null && compiledNode.hasCode()) {
                        results.put(id, analyzer.analyze(compiledNode.compiledCode()));
                    }
                });
            }
        }
        Map<String, ColumnLineage.Result> ordered = new LinkedHashMap<>();
        graph.topologicalOrder().forEach(id -> {
            if (results.containsKey(id)) {
                ordered.put(id, results.get(id));
            }
        });
        return ordered;
    }

    /** Nodes grouped by longest path from a root: every parent is in an earlier group. */
    private static List<List<String>> depths(ProjectGraph graph) {
        Map<String, Integer> depth = new HashMap<>();
        List<List<String>> out = new ArrayList<>();
        for (String id : graph.topologicalOrder()) {
            int d = 0;
            for (String parent : graph.parents(id)) {
                d = Math.max(d, depth.get(parent) + 1);
            }
            depth.put(id, d);
            while (out.size() <= d) {
                out.add(new ArrayList<>());
            }
            out.get(d).add(id);
        }
        return out;
    }

    /**
     * What is known of a node's columns, best source first: the catalog, the node's own lineage
     * (when every {@code *} in it expanded), a seed's CSV header, then the YAML (which may list
     * only some columns, so it is never complete).
     */
    private static ColumnLineage.Known knownColumns(Node node, Catalog catalog,
                                                    Map<String, ColumnLineage.Result> lineage) {
        Optional<Catalog.Table> table = catalog.table(node.uniqueId());
        if (table.isPresent() && !table.get().columns().isEmpty()) {
            return new ColumnLineage.Known(table.get().columns().stream().map(Catalog.CatalogColumn::name).toList(),
                    true);
        }
        ColumnLineage.Result own = lineage.get(node.uniqueId());
        if (own != null && own.note().isEmpty()) {
            return new ColumnLineage.Known(List.copyOf(own.columns().keySet()), true);
        }
        if (node instanceof SeedNode seed) {
            List<String> header = SeedHeader.read(seed.file());
            if (!header.isEmpty()) {
                return new ColumnLineage.Known(header, true);
            }
        }
        Map<String, ColumnInfo> declared = DeclaredColumns.of(node);
        return new ColumnLineage.Known(declared.values().stream().map(ColumnInfo::name).toList(), false);
    }

    /** SQL names of every relation, lower case: database.schema.identifier, schema.identifier, and a unique identifier. */
    static Map<String, String> relationIndex(ProjectGraph graph, Map<String, Relation> relations) {
        Map<String, String> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, String> short_ = new HashMap<>();
        relations.forEach((id, relation) -> {
            Optional<Node> node = graph.find(id);
            if (node.isEmpty() || node.get() instanceof TestNode) {
                return;
            }
            String identifier = relation.identifier().toLowerCase(Locale.ROOT);
            if (node.get() instanceof ModelNode model && "ephemeral".equals(model.config().materialized())) {
                String cte = identifier.startsWith("__dbt__cte__") ? identifier : "__dbt__cte__" + identifier;
                out.put(cte, id);
                return;
            }
            String schema = relation.schema() == null ? "" : relation.schema().toLowerCase(Locale.ROOT);
            String database = relation.database() == null ? "" : relation.database().toLowerCase(Locale.ROOT);
            if (!database.isEmpty()) {
                out.put(database + "." + schema + "." + identifier, id);
            }
            out.put(schema + "." + identifier, id);
            if (short_.putIfAbsent(identifier, id) != null) {
                ambiguous.add(identifier);
            }
        });
        short_.forEach((identifier, id) -> {
            if (!ambiguous.contains(identifier)) {
                out.putIfAbsent(identifier, id);
            }
        });
        return out;
    }
}
