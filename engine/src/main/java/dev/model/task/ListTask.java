package dev.model.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import dev.model.parse.SourceNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code model ls}: the selected nodes as dbt ls prints them, sorted. */
public final class ListTask {

    public enum Format { selector, name, path, json }

    private static final Set<ResourceType> DEFAULT_TYPES = EnumSet.of(ResourceType.MODEL, ResourceType.SEED,
            ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.SOURCE, ResourceType.EXPOSURE,
            ResourceType.UNIT_TEST, ResourceType.ANALYSIS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ListTask() {
    }

    public static List<String> lines(LoadedProject project, Collection<String> selected, List<String> resourceTypes,
                                     Format format, List<String> outputKeys) {
        Set<ResourceType> types = resourceTypes(resourceTypes);
        List<String> lines = new ArrayList<>();
        for (String id : selected) {
            Node node = project.graph().node(id);
            if (types.contains(node.resourceType())) {
                lines.add(line(project, node, format, outputKeys));
            }
        }
        lines.sort(null);
        return lines;
    }

    static Set<ResourceType> resourceTypes(List<String> names) {
        if (names.isEmpty()) {
            return DEFAULT_TYPES;
        }
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("all") || lower.equals("default")) {
                types.addAll(DEFAULT_TYPES);
                continue;
            }
            try {
                types.add(ResourceType.fromDbtName(lower));
            } catch (IllegalArgumentException e) {
                throw ModelException.usage("Unknown resource type '" + name
                        + "'; use model, seed, snapshot, test, source, analysis, all or default");
            }
        }
        return types;
    }

    private static String line(LoadedProject project, Node node, Format format, List<String> outputKeys) {
        return switch (format) {
            case name -> node.name();
            case path -> node.originalFilePath();
            case selector -> selector(node);
            case json -> json(project, node, outputKeys);
        };
    }

    private static String selector(Node node) {
        if (node instanceof SourceNode source) {
            return "source:" + source.packageName() + "." + source.sourceName() + "." + source.name();
        }
        return String.join(".", node.fqn());
    }

    private static String json(LoadedProject project, Node node, List<String> outputKeys) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", node.name());
        out.put("resource_type", node.resourceType().dbtName());
        out.put("package_name", node.packageName());
        out.put("original_file_path", node.originalFilePath());
        out.put("unique_id", node.uniqueId());
        if (node instanceof SourceNode source) {
            out.put("source_name", source.sourceName());
        }
        out.put("alias", node.config().alias() != null ? node.config().alias() : node.name());
        out.put("config", node.config().values());
        out.put("tags", node.config().tags());
        out.put("depends_on", Map.of("nodes", project.graph().parents(node.uniqueId()),
                "macros", List.copyOf(new java.util.TreeSet<>(node.dependsOn().macros()))));
        if (!outputKeys.isEmpty()) {
            out.keySet().retainAll(outputKeys);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw ModelException.internal("could not encode " + node.uniqueId() + " as JSON", e);
        }
    }
}
