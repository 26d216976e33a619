package dev.model.run.materialize;

import dev.model.error.ModelException;
import dev.model.jinja.JinjaEngine;
import dev.model.jinja.MacroDefinition;
import dev.model.jinja.MacroLibrary;
import dev.model.parse.Node;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks a model's materialization by its {@code materialized} config, as dbt does: a
 * {@code {% materialization %}} block of the project wins (for the adapter, then {@code default}),
 * then the engine's own strategies. Built once per invocation: the macro names are read once.
 */
final class Materializations {

    private final String rootProject;
    private final String adapterType;
    private final Set<String> projectBlocks = new HashSet<>();

    Materializations(JinjaEngine jinja, String adapterType) {
        this.rootProject = jinja.settings().rootProjectName();
        this.adapterType = adapterType;
        for (MacroDefinition macro : jinja.macros().macros()) {
            if (macro.kind() == MacroDefinition.Kind.MATERIALIZATION
                    && (macro.packageName().equals(rootProject) || macro.packageName().equals(MacroLibrary.BUILTIN_PACKAGE))) {
                projectBlocks.add(macro.name());
            }
        }
    }

    Materialization forNode(Node node) {
        String name = node.config().materialized();
        for (String candidate : new String[] {
                "materialization_" + name + "_" + adapterType, "materialization_" + name + "_default"}) {
            if (projectBlocks.contains(candidate)) {
                return new ProjectMaterialization(name, candidate);
            }
        }
        return switch (name) {
            case "view" -> new ViewMaterialization();
            case "table" -> new TableMaterialization();
            case "incremental" -> new IncrementalMaterialization();
            case "ephemeral" -> new EphemeralMaterialization();
            default -> throw ModelException.project("No materialization '" + name + "' was found for adapter "
                    + adapterType + "! (searched types 'default' and '" + adapterType + "'); model " + node.name()
                    + " sets materialized='" + name + "'. Use view, table, incremental or ephemeral, or define it"
                    + " with {% materialization " + name + ", default %} in the project's macros", node.location());
        };
    }
}
