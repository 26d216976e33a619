package dev.model.task;

import dev.model.graph.IndirectSelection;
import dev.model.parse.UnitTestDefinition;
import dev.model.parse.UnitTestReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which unit tests a {@code test} or {@code build} runs. Unit tests are not graph nodes, so the
 * selector does not see them; this follows dbt for the common forms: a unit test runs when the
 * model it tests is selected (not with {@code --indirect-selection empty}, nor when the
 * selection asks for another test type), when it is named ({@code name},
 * {@code unit_test:name}), or with {@code test_type:unit} / {@code resource_type:unit_test}.
 * Excluding its name or its model leaves it out.
 */
public final class UnitTestSelection {

    private UnitTestSelection() {
    }

    /** Every unit test of the project, read from its property YAML and checked against its models. */
    public static List<UnitTestDefinition> all(LoadedProject project) {
        return UnitTestReader.read(project.parsed());
    }

    public static List<UnitTestDefinition> select(List<UnitTestDefinition> all, InvocationOptions options,
                                                  Set<String> selected, String indirectMode) {
        List<String> tokens = tokens(options.select());
        List<String> excluded = tokens(options.exclude());
        boolean allUnits = tokens.contains("test_type:unit") || tokens.contains("resource_type:unit_test");
        boolean otherTestType = tokens.stream().anyMatch(t -> t.startsWith("test_type:") && !t.equals("test_type:unit"));
        boolean indirect = IndirectSelection.fromDbtName(indirectMode) != IndirectSelection.EMPTY;
        List<UnitTestDefinition> out = new ArrayList<>();
        for (UnitTestDefinition unit : all) {
            if (excluded.contains(unit.name()) || excluded.contains("unit_test:" + unit.name())
                    || excluded.contains("test_type:unit")) {
                continue;
            }
            String modelId = "model." + unit.packageName() + "." + unit.model();
            boolean named = tokens.contains(unit.name()) || tokens.contains("unit_test:" + unit.name());
            boolean viaModel = indirect && !otherTestType && selected.contains(modelId);
            if (allUnits || named || viaModel) {
                out.add(unit);
            }
        }
        return out;
    }

    /** Whether a selection criterion picks unit tests: their name, {@code unit_test:name}, {@code test_type:unit}. */
    public static java.util.function.Predicate<String> criterionMatcher(List<UnitTestDefinition> all) {
        java.util.Set<String> names = new java.util.HashSet<>(List.of("test_type:unit", "resource_type:unit_test"));
        all.forEach(unit -> {
            names.add(unit.name());
            names.add("unit_test:" + unit.name());
        });
        return names::contains;
    }

    private static List<String> tokens(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
