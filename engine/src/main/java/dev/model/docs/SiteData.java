package dev.model.docs;

import dev.model.adapter.Relation;
import dev.model.compile.CompiledNode;
import dev.model.compile.CompiledProject;
import dev.model.graph.ProjectGraph;
import dev.model.parse.ColumnInfo;
import dev.model.parse.ModelNode;
import dev.model.parse.Node;
import dev.model.parse.NodeVisitor;
import dev.model.parse.SeedNode;
import dev.model.parse.SnapshotNode;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data the page embeds: every node with what its page shows, the graph as index pairs, the
 * layout, column lineage and notes. Built as plain maps and lists for Jackson; node references
 * are indexes into {@code nodes}, which keeps a ten-thousand-node project's page small.
 */
public final class SiteData {

    /** CSS colours a {@code docs.node_color} may name: a hex value or a colour keyword. */
    private static final Pattern SAFE_COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}");

    /** Everything the page is built from. {@code testStatuses} come from the last run_results.json. */
    public record Inputs(String projectName, ProjectGraph graph, CompiledProject compiled, Catalog catalog,
                         Map<String, String> testStatuses, Map<String, ColumnLineage.Result> lineage,
                         List<Exposure> exposures, List<String> notes, String generatedAt) {
    }

    private SiteData() {
    }

    public static Map<String, Object> build(Inputs in) {
        ProjectGraph graph = in.graph();
        List<String> ids = new ArrayList<>(graph.topologicalOrder());
        in.exposures().forEach(exposure -> ids.add(exposure.uniqueId()));
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        List<int[]> edgeList = new ArrayList<>();
        for (String id : graph.topologicalOrder()) {
            for (String parent : graph.parents(id)) {
                edgeList.add(new int[] {index.get(parent), index.get(id)});
            }
        }
        for (Exposure exposure : in.exposures()) {
            for (String parent : exposure.parents()) {
                edgeList.add(new int[] {index.get(parent), index.get(exposure.uniqueId())});
            }
        }
        int[][] edges = edgeList.toArray(int[][]::new);
        LayeredLayout.Result layout = LayeredLayout.layout(ids.size(), edges);

        Map<String, List<Integer>> testsByColumn = testsByColumn(graph, index);
        Map<String, List<Integer>> exposuresOf = new HashMap<>();
        for (Exposure exposure : in.exposures()) {
            exposure.parents().forEach(parent -> exposuresOf.computeIfAbsent(parent, p -> new ArrayList<>())
                    .add(index.get(exposure.uniqueId())));
        }
        List<Object> nodes = new ArrayList<>(ids.size());
        for (int i = 0; i < graph.size(); i++) {
            Map<String, Object> node = node(graph.node(ids.get(i)), i, in, index, layout, testsByColumn);
            List<Integer> downstreamExposures = exposuresOf.get(ids.get(i));
            if (downstreamExposures != null) {
                List<Integer> children = new ArrayList<>(castList(node.get("children")));
                children.addAll(downstreamExposures);
                node.put("children", children);
            }
            nodes.add(node);
        }
        for (Exposure exposure : in.exposures()) {
            int i = index.get(exposure.uniqueId());
            nodes.add(exposure(exposure, i, index, layout));
        }
        List<Object> edgeOut = new ArrayList<>(edges.length);
        for (int e = 0; e < edges.length; e++) {
            List<Object> edge = new ArrayList<>();
            edge.add(edges[e][0]);
            edge.add(edges[e][1]);
            for (int dummy : layout.edgePaths()[e]) {
                edge.add(round(layout.y()[dummy]));
            }
            edgeOut.add(edge);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("project", in.projectName());
        out.put("generatedAt", in.generatedAt());
        out.put("notes", in.notes());
        out.put("nodes", nodes);
        out.put("edges", edgeOut);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> castList(Object list) {
        return (List<Integer>) list;
    }

    private static Map<String, Object> exposure(Exposure exposure, int i, Map<String, Integer> index,
                                                LayeredLayout.Result layout) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", exposure.uniqueId());
        out.put("name", exposure.name());
        out.put("type", "exposure");
        out.put("package", exposure.uniqueId().split("\\.")[1]);
        out.put("path", exposure.originalFilePath());
        out.put("folder", folder(exposure.originalFilePath()));
        out.put("fqn", List.of(exposure.uniqueId().split("\\.")[1], exposure.name()));
        out.put("tags", exposure.tags());
        out.put("materialized", "exposure");
        out.put("hidden", false);
        out.put("description", Markdown.toHtml(exposure.description()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("label", exposure.label());
        facts.put("type", exposure.type());
        facts.put("maturity", exposure.maturity());
        facts.put("url", exposure.url());
        facts.put("owner", exposure.owner());
        if (!exposure.unresolved().isEmpty()) {
            facts.put("depends_on not found", exposure.unresolved());
        }
        out.put("config", facts);
        if (exposure.url() != null && Markdown.isSafeUrl(exposure.url())) {
            out.put("url", exposure.url());
        }
        out.put("raw", "");
        out.put("parents", exposure.parents().stream().map(index::get).toList());
        out.put("children", List.of());
        out.put("layer", layout.layer()[i]);
        out.put("y", round(layout.y()[i]));
        out.put("columns", List.of());
        return out;
    }

    private static Map<String, List<Integer>> testsByColumn(ProjectGraph graph, Map<String, Integer> index) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (Node node : graph.nodes().values()) {
            if (node instanceof TestNode test && test.attachedNode() != null) {
                String key = test.attachedNode() + "|" + (test.columnName() == null ? ""
                        : test.columnName().toLowerCase(Locale.ROOT));
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(index.get(test.uniqueId()));
            }
        }
        return out;
    }

    private static Map<String, Object> node(Node node, int i, Inputs in, Map<String, Integer> index,
                                            LayeredLayout.Result layout, Map<String, List<Integer>> testsByColumn) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", node.uniqueId());
        out.put("name", node.name());
        out.put("type", node.resourceType().dbtName());
        out.put("package", node.packageName());
        out.put("path", node.originalFilePath());
        out.put("folder", folder(node.originalFilePath()));
        out.put("fqn", node.fqn());
        out.put("tags", node.config().tags());
        out.put("materialized", materialized(node));
        docsConfig(node).ifPresent(color -> out.put("color", color));
        out.put("hidden", !docsShown(node));
        out.put("description", Markdown.toHtml(node.description()));
        if (node instanceof SourceNode source) {
            out.put("sourceName", source.sourceName());
            out.put("sourceDescription", Markdown.toHtml(source.sourceDescription()));
        }
        Relation relation = in.compiled().relations().get(node.uniqueId());
        if (relation != null && node.resourceType() != dev.model.parse.ResourceType.TEST) {
            out.put("relation", relation.render());
        }
        out.put("config", node.config().values());
        out.put("raw", node.rawCode());
        CompiledNode compiled = in.compiled().nodes().get(node.uniqueId());
        if (compiled != null && compiled.hasCode()) {
            out.put("compiled", compiled.compiledCode());
        }
        out.put("parents", in.graph().parents(node.uniqueId()).stream().map(index::get).toList());
        out.put("children", in.graph().children(node.uniqueId()).stream().map(index::get).toList());
        out.put("layer", layout.layer()[i]);
        out.put("y", round(layout.y()[i]));
        out.put("columns", columns(node, in, testsByColumn));
        if (node instanceof TestNode test) {
            out.put("test", test(test, index));
            String status = in.testStatuses().get(node.uniqueId());
            if (status != null) {
                out.put("status", status);
            }
        }
        ColumnLineage.Result lineage = in.lineage().get(node.uniqueId());
        if (lineage != null) {
            Map<String, Object> columns = new LinkedHashMap<>();
            lineage.columns().forEach((column, refs) -> columns.put(column, refs.stream()
                    .filter(ref -> index.containsKey(ref.nodeId()))
                    .map(ref -> List.of(index.get(ref.nodeId()), ref.column())).toList()));
            out.put("lineage", columns);
            lineage.note().ifPresent(note -> out.put("lineageNote", note));
        }
        return out;
    }

    private static List<Object> columns(Node node, Inputs in, Map<String, List<Integer>> testsByColumn) {
        Map<String, ColumnInfo> declared = DeclaredColumns.of(node);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        in.catalog().table(node.uniqueId()).ifPresent(table -> table.columns().forEach(column -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("type", column.type());
            byName.put(column.name().toLowerCase(Locale.ROOT), c);
        }));
        ColumnLineage.Result lineage = in.lineage().get(node.uniqueId());
        if (byName.isEmpty() && lineage != null) {
            // Not built yet: the select list still names the columns, in order.
            lineage.columns().keySet().forEach(name -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", name);
                byName.put(name.toLowerCase(Locale.ROOT), c);
            });
        }
        for (ColumnInfo column : declared.values()) {
            Map<String, Object> c = byName.computeIfAbsent(column.name().toLowerCase(Locale.ROOT), key -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("name", column.name());
                return fresh;
            });
            if (!c.containsKey("type") && column.dataType() != null) {
                c.put("type", column.dataType());
            }
            c.put("description", Markdown.toHtml(column.description()));
            if (!column.tags().isEmpty()) {
                c.put("tags", column.tags());
            }
        }
        byName.forEach((key, column) -> {
            List<Integer> tests = testsByColumn.get(node.uniqueId() + "|" + key);
            if (tests != null) {
                column.put("tests", tests);
            }
        });
        return new ArrayList<>(byName.values());
    }

    private static Map<String, Object> test(TestNode test, Map<String, Integer> index) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (test.testMetadata() != null) {
            out.put("name", test.testMetadata().name());
            out.put("namespace", test.testMetadata().namespace());
            out.put("kwargs", test.testMetadata().kwargs());
        }
        out.put("column", test.columnName());
        if (test.attachedNode() != null && index.containsKey(test.attachedNode())) {
            out.put("attached", index.get(test.attachedNode()));
        }
        return out;
    }

    private static String materialized(Node node) {
        return node.accept(new NodeVisitor<>() {
            @Override public String model(ModelNode model) { return model.config().materialized(); }
            @Override public String seed(SeedNode seed) { return "seed"; }
            @Override public String snapshot(SnapshotNode snapshot) { return "snapshot"; }
            @Override public String test(TestNode test) { return "test"; }
            @Override public String source(SourceNode source) { return "source"; }
        });
    }


    private static Optional<String> docsConfig(Node node) {
        if (node.config().get("docs") instanceof Map<?, ?> docs && docs.get("node_color") != null) {
            String color = docs.get("node_color").toString().strip();
            if (SAFE_COLOR.matcher(color).matches()) {
                return Optional.of(color);
            }
        }
        return Optional.empty();
    }

    private static boolean docsShown(Node node) {
        return !(node.config().get("docs") instanceof Map<?, ?> docs && Boolean.FALSE.equals(docs.get("show")));
    }

    static String folder(String path) {
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
