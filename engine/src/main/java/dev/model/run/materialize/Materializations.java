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
 * then the engine's own strategies ({@code dynamic_table} only where the adapter's macros implement
 * it). Built once per invocation: the macro names are read once.
 */
final class Materializations {

    private final String rootProject;
    private final String adapterType;
    private final Set<String> projectBlocks = new HashSet<>();
    private final boolean dynamicTables;

    Materializations(JinjaEngine jinja, String adapterType) {
        this.rootProject = jinja.settings().rootProjectName();
        this.adapterType = adapterType;
        for (MacroDefinition macro : jinja.macros().macros()) {
            if (macro.kind() == MacroDefinition.Kind.MATERIALIZATION
                    && (macro.packageName().equals(rootProject) || macro.packageName().equals(MacroLibrary.BUILTIN_PACKAGE))) {
                projectBlocks.add(macro.name());
            }
        }
        String dispatched = adapterType + "__" + DynamicTableMaterialization.CREATE_MACRO;
        this.dynamicTables = jinja.macros().macros().stream()
                .anyMatch(m -> m.kind() == MacroDefinition.Kind.MACRO && m.name().equals(dispatched));
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
            case "dynamic_table" -> {
                if (!dynamicTables) {
                    throw ModelException.project("No materialization 'dynamic_table' was found for adapter "
                            + adapterType + "! (searched types 'default' and '" + adapterType + "'); model "
                            + node.name() + " sets materialized='dynamic_table', which only the snowflake adapter"
                            + " has", node.location());
                }
                yield new DynamicTableMaterialization();
            }
            default -> throw ModelException.project("No materialization '" + name + "' was found for adapter "
                    + adapterType + "! (searched types 'default' and '" + adapterType + "'); model " + node.name()
                    + " sets materialized='" + name + "'. Use view, table, incremental or ephemeral, or define it"
                    + " with {% materialization " + name + ", default %} in the project's macros", node.location());
        };
    }
}
