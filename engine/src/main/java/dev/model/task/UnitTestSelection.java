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

    public static List<UnitTestDefinition> select(LoadedProject project, InvocationOptions options, Set<String> selected,
                                                  String indirectMode) {
        List<UnitTestDefinition> all = UnitTestReader.read(project.parsed());
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
