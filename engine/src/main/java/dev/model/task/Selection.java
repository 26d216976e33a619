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
        Selector selector = new Selector(project.graph());
        SelectionSpec spec = SelectionSpec.parse(options.select(), options.exclude());
        for (String unmatched : selector.unmatched(spec)) {
            log.warn("The selection criterion '" + unmatched + "' does not match any enabled nodes");
        }
        Set<String> selected = selector.select(spec, IndirectSelection.fromDbtName(indirectMode));
        if (selected.isEmpty()) {
            log.warn("Nothing to do. Try checking your model configs and model specification args");
        }
        return selected;
    }
}
