package dev.model.parse;

import dev.model.jinja.MacroLibrary;
import dev.model.project.ProjectConfig;
import dev.model.project.Target;
import java.util.Map;

/**
 * A whole project after parsing: every node by unique id (in a stable order), the macros and
 * the doc blocks. Immutable.
 */
public record ParsedProject(
        ProjectConfig config,
        Target target,
        Map<String, Node> nodes,
        MacroLibrary macros,
        Map<String, DocBlock> docs) {

    public ParsedProject {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
        docs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(docs));
    }
}
