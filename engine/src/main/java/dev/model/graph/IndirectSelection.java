package dev.model.graph;

import dev.model.error.ModelException;
import java.util.Locale;

/**
 * How tests follow the nodes they test, dbt's {@code --indirect-selection}: {@code eager} (the
 * default) picks a test when any of its parents is picked, {@code cautious} only when all are,
 * {@code buildable} when all are picked or are ancestors of picked nodes, {@code empty} never.
 */
public enum IndirectSelection {
    EAGER, CAUTIOUS, BUILDABLE, EMPTY;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IndirectSelection fromDbtName(String name) {
        for (IndirectSelection mode : values()) {
            if (mode.dbtName().equals(name)) {
                return mode;
            }
        }
        throw ModelException.usage("Invalid --indirect-selection '" + name
                + "': expected one of eager, cautious, buildable, empty");
    }
}
