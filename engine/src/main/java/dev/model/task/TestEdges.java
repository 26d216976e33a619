package dev.model.task;

import dev.model.graph.ProjectGraph;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's build order for tests: a test runs as soon as the nodes it tests are built, and the
 * nodes built on top of them wait for it, so that a failing test (error severity) skips
 * everything downstream. An edge test -> child is added only when every node the test reads is
 * the child or one of the child's ancestors: a relationships test from orders to customers must
 * not hold back orders itself, which would be a cycle.
 */
final class TestEdges {

    private TestEdges() {
    }

    /** Adds the tests among {@code parents}' keys as parents of the non-test nodes they guard. */
    static void add(ProjectGraph graph, Map<String, Set<String>> parents) {
        List<String> tests = new ArrayList<>();
        for (String id : parents.keySet()) {
            if (graph.contains(id) && graph.node(id).resourceType() == ResourceType.TEST) {
                tests.add(id);
            }
        }
        for (String test : tests) {
            List<String> tested = graph.parents(test);
            for (String parent : tested) {
                for (String child : graph.children(parent)) {
                    Node node = graph.node(child);
                    if (node.resourceType() == ResourceType.TEST || !parents.containsKey(child) || tested.contains(child)) {
                        continue;
                    }
                    if (graph.ancestors(child).containsAll(tested)) {
                        parents.get(child).add(test);
                    }
                }
            }
        }
    }
}
