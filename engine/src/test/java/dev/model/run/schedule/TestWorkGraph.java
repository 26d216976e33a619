package dev.model.run.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TestWorkGraph {

    @Test
    void priorityIsTheHeaviestChainBelowANode() {
        WorkGraph graph = WorkGraph.of(Map.of("a", Set.of(), "b", Set.of("a"), "c", Set.of("b"), "d", Set.of("a")),
                Map.of("d", 4.0));
        assertEquals(5.0, graph.priorityOf("a"));
        assertEquals(2.0, graph.priorityOf("b"));
        assertEquals(4.0, graph.priorityOf("d"));
        assertEquals(List.of("b", "c", "d"), graph.descendantsOf("a"));
        assertEquals(List.of("a", "b", "c", "d"), graph.topologicalOrder());
    }

    @Test
    void restrictingDropsParentsOutsideTheSelection() {
        WorkGraph graph = WorkGraph.restrictedTo(
                Map.of("a", Set.of(), "b", Set.of("a"), "c", Set.of("b", "a")), Set.of("a", "c"));
        assertEquals(Set.of("a", "c"), graph.nodes());
        assertEquals(Set.of("a"), graph.parentsOf("c"));
    }

    @Test
    void aParentOutsideTheGraphIsAnInternalError() {
        ModelException error = assertThrows(ModelException.class, () -> WorkGraph.of(Map.of("b", Set.of("a"))));
        assertEquals(ErrorCategory.INTERNAL, error.category());
        assertEquals("node 'b' depends on 'a', which is not in the work graph", error.getMessage());
    }

    @Test
    void aCycleIsAnInternalError() {
        ModelException error = assertThrows(ModelException.class,
                () -> WorkGraph.of(Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of())));
        assertEquals("the work graph has a cycle through [a, b]", error.getMessage());
    }

    @Test
    void weightsMustBePositive() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WorkGraph.of(Map.of("a", Set.of()), Map.of("a", 0.0)));
        assertEquals("weight of 'a' must be > 0", error.getMessage());
    }
}
