package dev.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;

/**
 * One cycle of the graph, reported deterministically: jgrapht finds the strongly connected
 * components; among the cyclic ones we take the component holding the smallest id, and the
 * shortest cycle from that id back to itself (children visited in id order).
 */
final class CycleFinder {

    private CycleFinder() {
    }

    /** The cycle as ids in edge order, first id repeated at the end; empty when the graph is a DAG. */
    static Optional<List<String>> find(Graph<String, DefaultEdge> graph, Map<String, List<String>> sortedChildren) {
        String start = null;
        Set<String> component = null;
        for (Set<String> candidate : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            String smallest = Collections.min(candidate);
            boolean cyclic = candidate.size() > 1 || graph.containsEdge(smallest, smallest);
            if (cyclic && (start == null || smallest.compareTo(start) < 0)) {
                start = smallest;
                component = candidate;
            }
        }
        if (start == null) {
            return Optional.empty();
        }
        return Optional.of(shortestCycle(start, component, sortedChildren));
    }

    private static List<String> shortestCycle(String start, Set<String> component, Map<String, List<String>> children) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            for (String child : children.get(current)) {
                if (child.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String step = current; step != null; step = cameFrom.get(step)) {
                        path.add(step);
                    }
                    Collections.reverse(path);
                    path.add(start);
                    return path;
                }
                if (component.contains(child) && !cameFrom.containsKey(child)) {
                    cameFrom.put(child, current);
                    queue.addLast(child);
                }
            }
        }
        throw new IllegalStateException("strongly connected component without a cycle through " + start);
    }
}
