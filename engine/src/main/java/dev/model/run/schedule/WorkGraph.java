package dev.model.run.schedule;

import dev.model.error.ModelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The selected nodes and their parent edges inside the selection: what the scheduler runs.
 * Each node has a weight (its expected cost, 1 when unknown) from which the scheduler derives a
 * priority: the heaviest chain of work that starts at the node. Running that chain first is what
 * keeps the tail of a wide DAG short.
 */
public final class WorkGraph {

    private final Map<String, Set<String>> parents;
    private final Map<String, Set<String>> children;
    private final Map<String, Double> priority;
    private final List<String> topologicalOrder;

    private WorkGraph(Map<String, ? extends Set<String>> parents, Map<String, Double> weights) {
        Map<String, Set<String>> parentCopy = new LinkedHashMap<>();
        Map<String, Set<String>> childLists = new LinkedHashMap<>();
        for (String id : new TreeSet<>(parents.keySet())) {
            childLists.put(id, new TreeSet<>());
        }
        for (String id : new TreeSet<>(parents.keySet())) {
            Set<String> own = new TreeSet<>(parents.get(id));
            for (String parent : own) {
                if (!parents.containsKey(parent)) {
                    throw ModelException.internal("node '" + id + "' depends on '" + parent
                            + "', which is not in the work graph", null);
                }
                childLists.get(parent).add(id);
            }
            parentCopy.put(id, Collections.unmodifiableSet(own));
        }
        Map<String, Set<String>> childCopy = new LinkedHashMap<>();
        childLists.forEach((id, kids) -> childCopy.put(id, Collections.unmodifiableSet(kids)));
        this.parents = Collections.unmodifiableMap(parentCopy);
        this.children = Collections.unmodifiableMap(childCopy);
        this.topologicalOrder = List.copyOf(sortTopologically());
        this.priority = Collections.unmodifiableMap(longestChains(weights));
    }

    /** A graph whose parent sets already stay inside the key set. Every node weighs 1. */
    public static WorkGraph of(Map<String, ? extends Set<String>> parents) {
        return new WorkGraph(Map.copyOf(parents), Map.of());
    }

    /** A graph with explicit weights (e.g. the previous run's execution times); missing ones weigh 1. */
    public static WorkGraph of(Map<String, ? extends Set<String>> parents, Map<String, Double> weights) {
        for (Map.Entry<String, Double> weight : weights.entrySet()) {
            if (!(weight.getValue() > 0)) {
                throw new IllegalArgumentException("weight of '" + weight.getKey() + "' must be > 0");
            }
        }
        return new WorkGraph(Map.copyOf(parents), Map.copyOf(weights));
    }

    /**
     * The selected part of a larger graph: parents outside the selection are dropped, because a
     * node whose parent was not selected runs against the relation already in the warehouse.
     */
    public static WorkGraph restrictedTo(Map<String, ? extends Set<String>> allParents, Set<String> selected) {
        Map<String, Set<String>> kept = new HashMap<>();
        for (String id : selected) {
            Set<String> inside = new LinkedHashSet<>();
            Set<String> own = allParents.get(id);
            for (String parent : own == null ? Set.<String>of() : own) {
                if (selected.contains(parent)) {
                    inside.add(parent);
                }
            }
            kept.put(id, inside);
        }
        return new WorkGraph(kept, Map.of());
    }

    public Set<String> nodes() {
        return parents.keySet();
    }

    public int size() {
        return parents.size();
    }

    public Set<String> parentsOf(String id) {
        return require(parents, id);
    }

    public Set<String> childrenOf(String id) {
        return require(children, id);
    }

    /** The total weight of the heaviest chain from this node down to a leaf, itself included. */
    public double priorityOf(String id) {
        return require(priority, id);
    }

    /** Parents before children; among nodes free at the same time, by id. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** Every node below this one, in topological order. */
    public List<String> descendantsOf(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(childrenOf(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(children.get(next));
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String node : topologicalOrder) {
            if (seen.contains(node)) {
                ordered.add(node);
            }
        }
        return ordered;
    }

    private List<String> sortTopologically() {
        Map<String, Integer> waiting = new HashMap<>();
        TreeSet<String> free = new TreeSet<>();
        parents.forEach((id, own) -> {
            waiting.put(id, own.size());
            if (own.isEmpty()) {
                free.add(id);
            }
        });
        List<String> order = new ArrayList<>(parents.size());
        while (!free.isEmpty()) {
            String id = free.pollFirst();
            order.add(id);
            for (String child : children.get(id)) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    free.add(child);
                }
            }
        }
        if (order.size() != parents.size()) {
            Set<String> stuck = new TreeSet<>(parents.keySet());
            order.forEach(stuck::remove);
            throw ModelException.internal("the work graph has a cycle through " + stuck, null);
        }
        return order;
    }

    private Map<String, Double> longestChains(Map<String, Double> weights) {
        Map<String, Double> chains = new HashMap<>();
        for (int i = topologicalOrder.size() - 1; i >= 0; i--) {
            String id = topologicalOrder.get(i);
            double below = 0;
            for (String child : children.get(id)) {
                below = Math.max(below, chains.get(child));
            }
            chains.put(id, weights.getOrDefault(id, 1.0) + below);
        }
        return chains;
    }

    private static <T> T require(Map<String, T> map, String id) {
        T value = map.get(id);
        if (value == null) {
            throw new IllegalArgumentException("'" + id + "' is not in the work graph");
        }
        return value;
    }
}
