package dev.model.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code --select}/{@code --exclude}: each command-line argument is a union of its
 * space-separated parts, each part an intersection of its comma-separated selectors, and the
 * excludes are taken away at the end. No {@code --select} means everything.
 */
public sealed interface SelectionSpec
        permits SelectionCriterion, SelectionSpec.Union, SelectionSpec.Intersection, SelectionSpec.Difference,
        SelectionSpec.Everything {

    record Union(List<SelectionSpec> parts) implements SelectionSpec {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    record Intersection(List<SelectionSpec> parts) implements SelectionSpec {
        public Intersection {
            parts = List.copyOf(parts);
        }
    }

    record Difference(SelectionSpec include, SelectionSpec exclude) implements SelectionSpec {
    }

    /** The default when nothing is selected: every node of the graph. */
    record Everything() implements SelectionSpec {
    }

    static SelectionSpec parse(List<String> select, List<String> exclude) {
        SelectionSpec include = select == null || select.stream().allMatch(String::isBlank)
                ? new Everything()
                : parseArguments(select);
        if (exclude == null || exclude.stream().allMatch(String::isBlank)) {
            return include;
        }
        return new Difference(include, parseArguments(exclude));
    }

    private static SelectionSpec parseArguments(List<String> arguments) {
        List<SelectionSpec> unions = new ArrayList<>();
        for (String argument : arguments) {
            for (String part : argument.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                List<SelectionSpec> intersected = new ArrayList<>();
                for (String selector : part.split(",")) {
                    if (!selector.isEmpty()) {
                        intersected.add(SelectionCriterion.parse(selector));
                    }
                }
                unions.add(intersected.size() == 1 ? intersected.get(0) : new Intersection(intersected));
            }
        }
        return new Union(unions);
    }
}
