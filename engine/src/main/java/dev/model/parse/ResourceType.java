package dev.model.parse;

import java.util.Locale;

/** dbt's resource types, spelled as in manifests and in {@code resource_type:} selectors. */
public enum ResourceType {
    MODEL, SEED, SNAPSHOT, TEST, SOURCE, ANALYSIS, OPERATION, MACRO, EXPOSURE, UNIT_TEST;

    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType fromDbtName(String name) {
        for (ResourceType type : values()) {
            if (type.dbtName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown resource type '" + name + "'");
    }
}
