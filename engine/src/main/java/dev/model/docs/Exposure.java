package dev.model.docs;

import java.util.List;
import java.util.Map;

/**
 * An exposure from property YAML: a dashboard, notebook or application that reads the project.
 * The parser does not keep exposures as graph nodes yet, so the docs read them on their own;
 * {@code parents} are the unique ids its {@code depends_on} resolved to.
 */
public record Exposure(String uniqueId, String name, String label, String type, String maturity, String url,
                       String description, Map<String, Object> owner, List<String> tags, List<String> parents,
                       String originalFilePath, List<String> unresolved) {

    public Exposure {
        owner = Map.copyOf(owner);
        tags = List.copyOf(tags);
        parents = List.copyOf(parents);
        unresolved = List.copyOf(unresolved);
    }
}
