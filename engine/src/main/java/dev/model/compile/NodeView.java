package dev.model.compile;

import dev.model.parse.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node as templates see it ({@code node} in generate_*_name, {@code model} elsewhere): plain
 * maps and strings only, so no Java object of the engine is reachable from a template.
 */
public final class NodeView {

    private NodeView() {
    }

    public static Map<String, Object> of(Node node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("unique_id", node.uniqueId());
        view.put("name", node.name());
        view.put("resource_type", node.resourceType().dbtName());
        view.put("package_name", node.packageName());
        view.put("original_file_path", node.originalFilePath());
        view.put("path", node.originalFilePath());
        view.put("fqn", node.fqn());
        view.put("tags", node.config().tags());
        view.put("config", node.config().values());
        view.put("description", node.description());
        return view;
    }
}
