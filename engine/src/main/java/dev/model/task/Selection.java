package dev.model.task;

import dev.model.graph.IndirectSelection;
import dev.model.graph.SelectionSpec;
import dev.model.graph.Selector;
import dev.model.log.Log;
import java.util.Set;

/** Applies {@code --select}/{@code --exclude} to a loaded project, warning as dbt does when nothing matches. */
public final class Selection {

    private Selection() {
    }

    public static Set<String> select(LoadedProject project, InvocationOptions options, String indirectMode, Log log) {
        return select(project, options, indirectMode, log, criterion -> false);
    }

    /**
     * As {@link #select(LoadedProject, InvocationOptions, String, Log)} for commands that also run
     * unit tests, which are no graph nodes: a criterion naming one is not reported as unmatched,
     * and "nothing to do" is not said when every criterion names unit tests.
     */
    public static Set<String> select(LoadedProject project, InvocationOptions options, String indirectMode, Log log,
                                     java.util.function.Predicate<String> matchesUnitTest) {
        Selector selector = new Selector(project.graph());
        SelectionSpec spec = SelectionSpec.parse(options.select(), options.exclude());
        for (String unmatched : selector.unmatched(spec)) {
            if (matchesUnitTest.test(unmatched)) {
                continue;
            }
            log.warn("The selection criterion '" + unmatched + "' does not match any enabled nodes");
        }
        Set<String> selected = selector.select(spec, IndirectSelection.fromDbtName(indirectMode));
        boolean onlyUnitTests = !options.select().isEmpty() && options.select().stream()
                .flatMap(value -> java.util.Arrays.stream(value.trim().split("[\\s,]+"))).allMatch(matchesUnitTest);
        if (selected.isEmpty() && !onlyUnitTests) {
            log.warn("Nothing to do. Try checking your model configs and model specification args");
        }
        return selected;
    }
}
