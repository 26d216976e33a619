package dev.model.graph;

import dev.model.error.ModelException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code method:} part of a selector, spelled as dbt spells it. */
public enum SelectionMethod {
    FQN("fqn"),
    TAG("tag"),
    PATH("path"),
    FILE("file"),
    CONFIG("config"),
    RESOURCE_TYPE("resource_type"),
    SOURCE("source"),
    TEST_TYPE("test_type"),
    TEST_NAME("test_name"),
    PACKAGE("package"),
    GROUP("group"),
    ACCESS("access");

    /** dbt methods that need state, results or node kinds this engine does not have yet. */
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("state", "result", "exposure", "metric",
            "semantic_model", "saved_query", "unit_test", "source_status", "version", "wildcard");

    private final String dbtName;

    SelectionMethod(String dbtName) {
        this.dbtName = dbtName;
    }

    public String dbtName() {
        return dbtName;
    }

    static SelectionMethod fromDbtName(String name, String selector) {
        for (SelectionMethod method : values()) {
            if (method.dbtName.equals(name)) {
                return method;
            }
        }
        if (NOT_YET_SUPPORTED.contains(name)) {
            throw ModelException.usage("Invalid selector '" + selector + "': the '" + name
                    + "' method is not supported yet");
        }
        throw ModelException.usage("Invalid selector '" + selector + "': '" + name
                + "' is not a valid method name. Valid methods: "
                + Arrays.stream(values()).map(SelectionMethod::dbtName).collect(Collectors.joining(", ")));
    }
}
