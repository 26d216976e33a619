package dev.model.graph;

import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.RefCall;
import dev.model.parse.ResourceType;
import dev.model.parse.SourceCall;
import dev.model.parse.SourceNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds what {@code ref()} and {@code source()} point at, by hash lookups so that resolving every
 * call of a large project stays linear. Models, seeds and snapshots share one namespace per
 * package, as in dbt; tests and disabled nodes are not in it.
 *
 * <p>Versions in {@code ref('name', v=2)} are ignored for now: a ref resolves by name alone.
 */
final class ReferenceIndex {

    /** name -> package -> enabled refable node. */
    private final Map<String, Map<String, Node>> refable = new HashMap<>();
    /** name -> disabled refable nodes, to say "disabled" rather than "not found". */
    private final Map<String, List<Node>> disabledRefable = new HashMap<>();
    /** source name -> table name -> package -> enabled source table. */
    private final Map<String, Map<String, Map<String, SourceNode>>> sources = new HashMap<>();
    private final Map<String, List<SourceNode>> disabledSources = new HashMap<>();
    private final String rootPackage;

    ReferenceIndex(Collection<Node> nodes, String rootPackage) {
        this.rootPackage = rootPackage;
        for (Node node : nodes) {
            boolean enabled = node.config().enabled();
            if (node instanceof SourceNode source) {
                String key = source.sourceName() + "." + source.name();
                if (enabled) {
                    sources.computeIfAbsent(source.sourceName(), k -> new HashMap<>())
                            .computeIfAbsent(source.name(), k -> new HashMap<>())
                            .put(source.packageName(), source);
                } else {
                    disabledSources.computeIfAbsent(key, k -> new ArrayList<>()).add(source);
                }
            } else if (isRefable(node.resourceType())) {
                if (enabled) {
                    Node previous = refable.computeIfAbsent(node.name(), k -> new HashMap<>())
                            .putIfAbsent(node.packageName(), node);
                    if (previous != null) {
                        throw duplicate(previous, node);
                    }
                } else {
                    disabledRefable.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(node);
                }
            }
        }
    }

    static boolean isRefable(ResourceType type) {
        return type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT;
    }

    /** The enabled node a ref names, looked up in dbt's order: the calling node's package, the root project, any other. */
    Optional<Node> findRef(RefCall call, Node from) {
        Map<String, Node> byPackage = refable.get(call.name());
        if (byPackage == null) {
            return Optional.empty();
        }
        if (call.packageName() != null) {
            return Optional.ofNullable(byPackage.get(call.packageName()));
        }
        return Optional.ofNullable(preferred(byPackage, from.packageName()));
    }

    Node resolveRef(RefCall call, Node from) {
        return findRef(call, from).orElseThrow(() -> missingRef(call, from));
    }

    /** True when the ref names only disabled nodes: tests on such nodes are dropped, as dbt does. */
    boolean refersToDisabled(RefCall call) {
        return disabledRefable.getOrDefault(call.name(), List.of()).stream()
                .anyMatch(node -> call.packageName() == null || call.packageName().equals(node.packageName()));
    }

    boolean sourceIsDisabled(SourceCall call) {
        return disabledSources.containsKey(call.sourceName() + "." + call.tableName());
    }

    Optional<SourceNode> findSource(SourceCall call, Node from) {
        Map<String, SourceNode> byPackage = sources.getOrDefault(call.sourceName(), Map.of()).get(call.tableName());
        return byPackage == null ? Optional.empty() : Optional.ofNullable(preferred(byPackage, from.packageName()));
    }

    SourceNode resolveSource(SourceCall call, Node from) {
        return findSource(call, from).orElseThrow(() -> missingSource(call, from));
    }

    private <N extends Node> N preferred(Map<String, N> byPackage, String fromPackage) {
        N found = byPackage.get(fromPackage);
        if (found == null && rootPackage != null) {
            found = byPackage.get(rootPackage);
        }
        if (found == null && !byPackage.isEmpty()) {
            found = byPackage.get(new TreeSet<>(byPackage.keySet()).first());
        }
        return found;
    }

    private ModelException missingRef(RefCall call, Node from) {
        String prefix = NodeText.kind(from) + " '" + from.uniqueId() + "' (" + NodeText.where(from, call.location())
                + ") depends on a node named '" + call.name() + "'";
        if (call.packageName() != null) {
            prefix += " in package '" + call.packageName() + "'";
        }
        String message;
        if (refersToDisabled(call)) {
            message = prefix + " which is disabled.";
        } else {
            List<String> names = new ArrayList<>();
            refable.forEach((name, byPackage) -> {
                if (call.packageName() == null || byPackage.containsKey(call.packageName())) {
                    names.add(name);
                }
            });
            message = prefix + " which was not found." + Suggestions.didYouMean(Suggestions.closest(call.name(), names));
        }
        return ModelException.project(message, NodeText.locate(from, call.location()));
    }

    private ModelException missingSource(SourceCall call, Node from) {
        String wanted = call.sourceName() + "." + call.tableName();
        String prefix = NodeText.kind(from) + " '" + from.uniqueId() + "' (" + NodeText.where(from, call.location())
                + ") depends on a source named '" + wanted + "'";
        String message = sourceIsDisabled(call)
                ? prefix + " which is disabled."
                : prefix + " which was not found." + Suggestions.didYouMean(closeSources(call));
        return ModelException.project(message, NodeText.locate(from, call.location()));
    }

    /** Close tables within the named source, or within sources whose name is close to it. */
    private List<String> closeSources(SourceCall call) {
        List<String> sourceNames = new ArrayList<>();
        if (sources.containsKey(call.sourceName())) {
            sourceNames.add(call.sourceName());
        }
        sourceNames.addAll(Suggestions.closest(call.sourceName(), sources.keySet()));
        Map<String, Integer> scored = new LinkedHashMap<>();
        for (String sourceName : sourceNames) {
            int sourceDistance = Suggestions.distance(call.sourceName(), sourceName, Integer.MAX_VALUE / 2);
            Collection<String> tables = sources.get(sourceName).keySet();
            List<String> tableNames = tables.contains(call.tableName())
                    ? List.of(call.tableName())
                    : Suggestions.closest(call.tableName(), tables);
            for (String table : tableNames) {
                int tableDistance = Suggestions.distance(call.tableName(), table, Integer.MAX_VALUE / 2);
                scored.put(sourceName + "." + table, sourceDistance + tableDistance);
            }
        }
        TreeMap<Integer, List<String>> byDistance = new TreeMap<>();
        scored.forEach((name, distance) -> byDistance.computeIfAbsent(distance, d -> new ArrayList<>()).add(name));
        List<String> out = new ArrayList<>();
        byDistance.values().forEach(names -> names.stream().sorted().forEach(out::add));
        return out.subList(0, Math.min(Suggestions.MAX_SUGGESTIONS, out.size()));
    }

    private static ModelException duplicate(Node first, Node second) {
        Node earlier = first.uniqueId().compareTo(second.uniqueId()) <= 0 ? first : second;
        Node later = earlier == first ? second : first;
        return ModelException.project("Found two resources named '" + first.name() + "' in package '"
                + first.packageName() + "': " + NodeText.idAndFile(earlier) + " and " + NodeText.idAndFile(later)
                + ". ref('" + first.name() + "') would be ambiguous: rename one of them.",
                NodeText.locate(later, null));
    }
}
