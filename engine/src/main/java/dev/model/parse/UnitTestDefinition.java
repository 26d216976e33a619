package dev.model.parse;

import dev.model.error.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dbt 1.8 unit test from property YAML ({@code unit_tests:}). Unit tests are deliberately kept
 * out of the sealed {@link Node} hierarchy: nothing depends on them, they never become relations,
 * and the run stage schedules them before the model they test.
 *
 * @param uniqueId        {@code unit_test.<project>.<model>.<name>}, as dbt
 * @param originalFilePath the YAML file, relative to the project root
 * @param given           the mocked inputs, in the order written
 * @param expect          the rows the model must return (only their columns are compared)
 * @param macroOverrides  {@code overrides.macros}, e.g. {@code is_incremental: true}
 * @param varOverrides    {@code overrides.vars}: win over the project's and the command line's vars
 * @param envOverrides    {@code overrides.env_vars}: win over the process environment
 */
public record UnitTestDefinition(
        String uniqueId,
        String name,
        String packageName,
        String model,
        String originalFilePath,
        SourceLocation location,
        String description,
        List<String> tags,
        List<Fixture> given,
        Fixture expect,
        Map<String, Object> macroOverrides,
        Map<String, Object> varOverrides,
        Map<String, String> envOverrides) {

    public UnitTestDefinition {
        tags = List.copyOf(tags);
        given = List.copyOf(given);
        macroOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(macroOverrides));
        varOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(varOverrides));
        envOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(envOverrides));
    }

    /**
     * Rows of one input or of the expectation. {@code input} is {@code ref('x')},
     * {@code source('a', 'b')} or {@code this}, null for {@code expect}; values are as YAML read
     * them ({@code dict}) or strings ({@code csv}, where an empty field is null).
     */
    public record Fixture(String input, List<String> columns, List<Map<String, Object>> rows, SourceLocation location) {
        public Fixture {
            columns = List.copyOf(columns);
            List<Map<String, Object>> copy = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
            }
            rows = Collections.unmodifiableList(copy);
        }
    }

    /** Where a message sends the user: {@code unit test 'name' (models/x.yml)}. */
    public String describe() {
        return "unit test '" + name + "' (" + originalFilePath + ")";
    }
}
