package dev.model.graph;

import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import dev.model.parse.TestNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Evaluates a {@link SelectionSpec} against a graph, with dbt's semantics: graph operators per
 * selector, set operations across selectors, and tests following the nodes they test according
 * to the {@link IndirectSelection} mode (applied within each selector, so an excluded model also
 * takes its tests away). A selection that matches nothing is empty, not an error: the caller
 * warns "Nothing to do".
 */
public final class Selector {

    private final ProjectGraph graph;

    public Selector(ProjectGraph graph) {
        this.graph = graph;
    }

    /** The unique ids selected by {@code --select}/{@code --exclude} arguments, sorted. */
    public SortedSet<String> select(List<String> select, List<String> exclude, IndirectSelection mode) {
        return select(SelectionSpec.parse(select, exclude), mode);
    }

    public SortedSet<String> select(SelectionSpec spec, IndirectSelection mode) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(evaluate(spec, mode).direct()));
    }

    /**
     * The selectors that match no node by themselves, as written, for dbt's warning "The selection
     * criterion 'x' does not match any enabled nodes".
     */
    public List<String> unmatched(SelectionSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec instanceof SelectionCriterion criterion) {
            if (collect(criterion).isEmpty()) {
                out.add(criterion.raw());
            }
        } else if (!(spec instanceof SelectionSpec.Everything)) {
            components(spec).forEach(part -> out.addAll(unmatched(part)));
        }
        return out;
    }

    /** dbt keeps two sets: nodes picked, and tests that may still join once all their parents are picked. */
    private record Picked(Set<String> direct, Set<String> indirect) {
    }

    private Picked evaluate(SelectionSpec spec, IndirectSelection mode) {
        if (spec instanceof SelectionCriterion criterion) {
            return expandToTests(collect(criterion), mode);
        }
        if (spec instanceof SelectionSpec.Everything) {
            return new Picked(new HashSet<>(graph.nodes().keySet()), new HashSet<>());
        }
        List<SelectionSpec> parts = components(spec);
        List<Set<String>> directs = new ArrayList<>();
        List<Set<String>> withIndirect = new ArrayList<>();
        for (SelectionSpec part : parts) {
            Picked picked = evaluate(part, mode);
            directs.add(picked.direct());
            Set<String> both = new HashSet<>(picked.direct());
            both.addAll(picked.indirect());
            withIndirect.add(both);
        }
        Set<String> direct = combine(spec, directs);
        Set<String> indirect = combine(spec, withIndirect);
        return new Picked(incorporateIndirect(direct, indirect, mode), indirect);
    }

    private static List<SelectionSpec> components(SelectionSpec spec) {
        if (spec instanceof SelectionSpec.Union union) {
            return union.parts();
        }
        if (spec instanceof SelectionSpec.Intersection intersection) {
            return intersection.parts();
        }
        SelectionSpec.Difference difference = (SelectionSpec.Difference) spec;
        return List.of(difference.include(), difference.exclude());
    }

    private static Set<String> combine(SelectionSpec spec, List<Set<String>> sets) {
        if (sets.isEmpty()) {
            return new HashSet<>();
        }
        Set<String> out = new HashSet<>(sets.get(0));
        for (Set<String> next : sets.subList(1, sets.size())) {
            if (spec instanceof SelectionSpec.Union) {
                out.addAll(next);
            } else if (spec instanceof SelectionSpec.Intersection) {
                out.retainAll(next);
            } else {
                out.removeAll(next);
            }
        }
        return out;
    }

    /** The nodes a selector's method matches, grown by its graph operators. */
    private Set<String> collect(SelectionCriterion criterion) {
        Predicate<Node> matcher = NodeMatcher.of(criterion, graph);
        Set<String> matched = new HashSet<>();
        for (Node node : graph.nodes().values()) {
            if (matcher.test(node)) {
                matched.add(node.uniqueId());
            }
        }
        Set<String> selected = new HashSet<>(matched);
        if (criterion.childrensParents()) {
            selected.addAll(graph.descendantsOf(matched, ProjectGraph.UNLIMITED));
            selected.addAll(graph.ancestorsOf(new ArrayList<>(selected), ProjectGraph.UNLIMITED));
            return selected;
        }
        if (criterion.parentsDepth() > 0) {
            selected.addAll(graph.ancestorsOf(matched, criterion.parentsDepth()));
        }
        if (criterion.childrenDepth() > 0) {
            selected.addAll(graph.descendantsOf(matched, criterion.childrenDepth()));
        }
        return selected;
    }

    /** Tests that are children of selected nodes join directly or wait as candidates, by mode. */
    private Picked expandToTests(Set<String> selected, IndirectSelection mode) {
        Set<String> direct = new HashSet<>(selected);
        Set<String> indirect = new HashSet<>();
        Set<String> buildable = mode == IndirectSelection.BUILDABLE ? buildableFrom(selected, true) : Set.of();
        for (String id : selected) {
            for (String child : graph.children(id)) {
                if (direct.contains(child) || !(graph.node(child) instanceof TestNode)) {
                    continue;
                }
                List<String> parents = graph.parents(child);
                boolean join = switch (mode) {
                    case EAGER -> true;
                    case CAUTIOUS -> selected.containsAll(parents);
                    case BUILDABLE -> buildable.containsAll(parents);
                    case EMPTY -> false;
                };
                if (join) {
                    direct.add(child);
                } else if (mode != IndirectSelection.EMPTY) {
                    indirect.add(child);
                }
            }
        }
        return new Picked(direct, indirect);
    }

    /** After set operations, cautious and buildable tests join once their parents are in. */
    private Set<String> incorporateIndirect(Set<String> direct, Set<String> indirect, IndirectSelection mode) {
        if (mode != IndirectSelection.CAUTIOUS && mode != IndirectSelection.BUILDABLE) {
            return direct;
        }
        Set<String> reference = mode == IndirectSelection.CAUTIOUS ? direct : buildableFrom(direct, false);
        Set<String> out = new HashSet<>(direct);
        for (String id : indirect) {
            if (!direct.contains(id) && reference.containsAll(graph.parents(id))) {
                out.add(id);
            }
        }
        return out;
    }

    /** What a selection can build on: itself and its ancestors (dbt counts every source too within one selector). */
    private Set<String> buildableFrom(Set<String> selected, boolean withSources) {
        Set<String> out = new HashSet<>(selected);
        out.addAll(graph.ancestorsOf(selected, ProjectGraph.UNLIMITED));
        if (withSources) {
            graph.nodes().values().stream().filter(node -> node.resourceType() == ResourceType.SOURCE)
                    .forEach(node -> out.add(node.uniqueId()));
        }
        return out;
    }
}
