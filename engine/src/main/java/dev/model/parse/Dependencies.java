package dev.model.parse;

import java.util.List;
import java.util.Set;

/** What a node's template called, as found at parse time; the graph resolves these to nodes. */
public record Dependencies(List<RefCall> refs, List<SourceCall> sources, Set<String> macros) {

    public static final Dependencies NONE = new Dependencies(List.of(), List.of(), Set.of());

    public Dependencies {
        refs = List.copyOf(refs);
        sources = List.copyOf(sources);
        macros = Set.copyOf(macros);
    }
}
