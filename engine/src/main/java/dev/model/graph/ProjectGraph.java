package dev.model.graph;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.ParsedProject;
import dev.model.parse.RefCall;
import dev.model.parse.SourceCall;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.NotDirectedAcyclicGraphException;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The project's DAG: one vertex per enabled node (models, seeds, snapshots, tests, sources), an
 * edge from each node to every node that refs or sources it. Built once, then read-only, so any
 * number of threads may query it.
 *
 * <p>Disabled nodes are left out, as dbt keeps them out of its manifest's nodes. A test whose ref
 * or source points at a disabled node is dropped rather than failing the project (dbt does the
 * same, so that disabling a model does not break its schema tests); see {@link #droppedTests()}.
 */
public final class ProjectGraph {

    /** Depth meaning "no limit" for {@link #ancestors(String, int)} and {@link #descendants(String, int)}. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final Map<String, Node> nodes;
    private final Map<String, List<String>> parents;
    private final Map<String, List<String>> children;
    private final List<String> topologicalOrder;
    private final Map<String, Integer> longestPathBelow;
    private final List<String> droppedTests;
    private final ReferenceIndex references;
    private final Graph<String, DefaultEdge> dag;
    private final String rootPackage;
    private final Path projectRoot;

    private ProjectGraph(Map<String, Node> nodes, Map<String, List<String>> parents, Graph<String, DefaultEdge> dag,
                         ReferenceIndex references, List<String> droppedTests, String rootPackage, Path projectRoot) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.references = references;
        this.droppedTests = List.copyOf(droppedTests);
        this.rootPackage = rootPackage;
        this.projectRoot = projectRoot;
        this.parents = parents;
        this.children = invert(nodes.keySet(), parents);
        this.topologicalOrder = topologicalOrder(dag).orElseThrow(() -> cycleError(
                CycleFinder.find(dag, children).orElseThrow(() -> ModelException.internal("the graph is not a DAG but no cycle was found", null))));
        this.longestPathBelow = longestPaths(topologicalOrder, children);
        this.dag = new AsUnmodifiableGraph<>(dag);
    }

    /**
     * Resolves every ref and source of every enabled node and links them.
     *
     * @throws ModelException PROJECT for a missing or disabled ref or source, two refable nodes
     *                        with one name, or a cycle
     */
    public static ProjectGraph build(ParsedProject project) {
        String rootPackage = project.config() == null ? null : project.config().name();
        Path projectRoot = project.config() == null ? null : project.config().root();
        ReferenceIndex references = new ReferenceIndex(project.nodes().values(), rootPackage);
        Map<String, Node> enabled = new TreeMap<>();
        project.nodes().values().stream().filter(node -> node.config().enabled())
                .forEach(node -> enabled.put(node.uniqueId(), node));

        List<String> droppedTests = new ArrayList<>();
        enabled.values().removeIf(node -> node instanceof TestNode && dependsOnDisabled(node, references, droppedTests));

        Graph<String, DefaultEdge> dag = new DefaultDirectedGraph<>(DefaultEdge.class);
        enabled.keySet().forEach(dag::addVertex);
        Map<String, List<String>> parents = new TreeMap<>();
        for (Node node : enabled.values()) {
            TreeSet<String> found = new TreeSet<>();
            for (RefCall ref : node.dependsOn().refs()) {
                found.add(references.resolveRef(ref, node).uniqueId());
            }
            for (SourceCall source : node.dependsOn().sources()) {
                found.add(references.resolveSource(source, node).uniqueId());
            }
            found.forEach(parent -> dag.addEdge(parent, node.uniqueId()));
            parents.put(node.uniqueId(), List.copyOf(found));
        }
        return new ProjectGraph(enabled, Collections.unmodifiableMap(parents), dag, references, droppedTests,
                rootPackage, projectRoot);
    }

    private static boolean dependsOnDisabled(Node test, ReferenceIndex references, List<String> dropped) {
        boolean disabledParent = test.dependsOn().refs().stream()
                        .anyMatch(ref -> references.findRef(ref, test).isEmpty() && references.refersToDisabled(ref))
                || test.dependsOn().sources().stream()
                        .anyMatch(src -> references.findSource(src, test).isEmpty() && references.sourceIsDisabled(src));
        if (disabledParent) {
            dropped.add(test.uniqueId());
        }
        return disabledParent;
    }

    // ---- lookups

    public Node node(String uniqueId) {
        Node node = nodes.get(uniqueId);
        if (node == null) {
            throw new ModelException(ErrorCategory.INTERNAL, "No node with unique id '" + uniqueId + "' in the graph");
        }
        return node;
    }

    public Optional<Node> find(String uniqueId) {
        return Optional.ofNullable(nodes.get(uniqueId));
    }

    public boolean contains(String uniqueId) {
        return nodes.containsKey(uniqueId);
    }

    /** Every node in the graph, by unique id in id order. */
    public Map<String, Node> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    /** The root project's name, which {@code package:this} means; null when unknown. */
    public String rootPackage() {
        return rootPackage;
    }

    /** The project directory, for {@code path:} selectors given as absolute paths; null when unknown. */
    public Path projectRoot() {
        return projectRoot;
    }

    /** Tests left out because they depend on a disabled node, in id order. */
    public List<String> droppedTests() {
        return droppedTests;
    }

    /** The node a {@code ref()} call in {@code from} points at. */
    public Node resolveRef(RefCall call, Node from) {
        return references.resolveRef(call, from);
    }

    /** The source table a {@code source()} call in {@code from} points at. */
    public SourceNode resolveSource(SourceCall call, Node from) {
        return references.resolveSource(call, from);
    }

    /** A read-only jgrapht view of the DAG, for algorithms this class does not offer. */
    public Graph<String, DefaultEdge> asGraph() {
        return dag;
    }

    // ---- structure

    /** Direct parents, sorted. */
    public List<String> parents(String uniqueId) {
        return neighbours(parents, uniqueId);
    }

    /** Direct children, sorted. */
    public List<String> children(String uniqueId) {
        return neighbours(children, uniqueId);
    }

    public SortedSet<String> ancestors(String uniqueId) {
        return ancestors(uniqueId, UNLIMITED);
    }

    /** Ancestors up to {@code maxDepth} edges away (1 = parents only), without the node itself. */
    public SortedSet<String> ancestors(String uniqueId, int maxDepth) {
        node(uniqueId);
        return Collections.unmodifiableSortedSet(new TreeSet<>(reachable(List.of(uniqueId), maxDepth, parents)));
    }

    public SortedSet<String> descendants(String uniqueId) {
        return descendants(uniqueId, UNLIMITED);
    }

    /** Descendants up to {@code maxDepth} edges away (1 = children only), without the node itself. */
    public SortedSet<String> descendants(String uniqueId, int maxDepth) {
        node(uniqueId);
        return Collections.unmodifiableSortedSet(new TreeSet<>(reachable(List.of(uniqueId), maxDepth, children)));
    }

    /** Ancestors of any of {@code from} within {@code maxDepth}, excluding the start nodes unless reached. */
    Set<String> ancestorsOf(Collection<String> from, int maxDepth) {
        return reachable(from, maxDepth, parents);
    }

    Set<String> descendantsOf(Collection<String> from, int maxDepth) {
        return reachable(from, maxDepth, children);
    }

    /** Every node, parents before children, ties broken by unique id so that runs are reproducible. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** dbt's manifest {@code parent_map}: every node, with its sorted parents. */
    public Map<String, List<String>> parentMap() {
        return parents;
    }

    /** dbt's manifest {@code child_map}: every node, with its sorted children. */
    public Map<String, List<String>> childMap() {
        return children;
    }

    /**
     * The number of nodes on the longest chain of descendants below this one (0 for a leaf): the
     * scheduler starts the nodes with the longest tail first.
     */
    public int longestPathBelow(String uniqueId) {
        node(uniqueId);
        return longestPathBelow.get(uniqueId);
    }

    // ---- building blocks

    private List<String> neighbours(Map<String, List<String>> map, String uniqueId) {
        List<String> found = map.get(uniqueId);
        if (found == null) {
            node(uniqueId);
        }
        return found;
    }

    private static Set<String> reachable(Collection<String> from, int maxDepth, Map<String, List<String>> edges) {
        Set<String> seen = new java.util.HashSet<>();
        Deque<String> frontier = new ArrayDeque<>(from);
        for (int depth = 0; depth < maxDepth && !frontier.isEmpty(); depth++) {
            Deque<String> next = new ArrayDeque<>();
            for (String id : frontier) {
                for (String neighbour : edges.getOrDefault(id, List.of())) {
                    if (seen.add(neighbour)) {
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** Children from parents: walking parents in id order keeps every child list sorted. */
    private static Map<String, List<String>> invert(Collection<String> ids, Map<String, List<String>> parents) {
        Map<String, List<String>> children = new HashMap<>(ids.size() * 2);
        parents.forEach((child, ofChild) -> ofChild.forEach(parent ->
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(child)));
        Map<String, List<String>> out = new TreeMap<>();
        for (String id : ids) {
            out.put(id, List.copyOf(children.getOrDefault(id, List.of())));
        }
        return Collections.unmodifiableMap(out);
    }

    /** jgrapht's order with ties by id; empty when the graph has a cycle. */
    private static Optional<List<String>> topologicalOrder(Graph<String, DefaultEdge> dag) {
        List<String> order = new ArrayList<>(dag.vertexSet().size());
        try {
            new TopologicalOrderIterator<>(dag, String::compareTo).forEachRemaining(order::add);
        } catch (NotDirectedAcyclicGraphException cycle) {
            return Optional.empty();
        }
        return order.size() == dag.vertexSet().size() ? Optional.of(List.copyOf(order)) : Optional.empty();
    }

    private static Map<String, Integer> longestPaths(List<String> order, Map<String, List<String>> children) {
        Map<String, Integer> longest = new HashMap<>(order.size() * 2);
        for (int i = order.size() - 1; i >= 0; i--) {
            int best = 0;
            for (String child : children.get(order.get(i))) {
                best = Math.max(best, 1 + longest.get(child));
            }
            longest.put(order.get(i), best);
        }
        return Collections.unmodifiableMap(longest);
    }

    private ModelException cycleError(List<String> cycle) {
        String path = cycle.stream().map(id -> NodeText.idAndFile(nodes.get(id))).collect(Collectors.joining(" -> "));
        Node first = nodes.get(cycle.get(0));
        return ModelException.project("Found a cycle: " + path, NodeText.locate(first, null));
    }
}
