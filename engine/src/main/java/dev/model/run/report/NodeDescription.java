package dev.model.run.report;

import dev.model.parse.ResourceType;
import java.util.Objects;

/**
 * What the console says about a node, taken from the compiled node by whoever wires the run.
 *
 * @param name             the node's name, e.g. {@code stg_orders} or {@code not_null_orders_id}
 * @param language         {@code sql} or {@code python}
 * @param materialization  {@code view}, {@code table}, {@code incremental}, ...; null where none applies
 * @param relation         the relation as the console shows it, {@code schema.alias}; null for tests
 * @param originalFilePath the file the node comes from, relative to the project, e.g. {@code models/a.sql}
 */
public record NodeDescription(String uniqueId, ResourceType resourceType, String name, String language,
                              String materialization, String relation, String originalFilePath) {

    public NodeDescription {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(name, "name");
        language = language == null ? "sql" : language;
    }

    /** The best description a bare unique id gives, for a node the caller did not describe. */
    public static NodeDescription fromUniqueId(String uniqueId) {
        String[] parts = uniqueId.split("\\.");
        ResourceType type;
        try {
            type = ResourceType.fromDbtName(parts[0]);
        } catch (IllegalArgumentException unknown) {
            type = ResourceType.OPERATION;
        }
        // tests end in a hash: model.<project>.<name>, test.<project>.<name>.<hash>
        String name = type == ResourceType.TEST && parts.length > 3 ? parts[2] : parts[parts.length - 1];
        return new NodeDescription(uniqueId, type, name, "sql", null, null, null);
    }

    /** How dbt names the node in START lines: {@code sql view model analytics.stg_orders}. */
    public String describe() {
        String target = relation == null ? name : relation;
        return switch (resourceType) {
            case MODEL -> language + " " + (materialization == null ? "" : materialization + " ") + "model " + target;
            case SEED -> "seed file " + target;
            case SNAPSHOT -> "snapshot " + target;
            case TEST, UNIT_TEST -> resourceType.dbtName() + " " + name;
            case SOURCE, ANALYSIS, OPERATION, MACRO, EXPOSURE -> resourceType.dbtName() + " " + name;
        };
    }

    /** How the run summary counts it: {@code view model}, {@code data test}, {@code seed}. */
    public String summaryKind() {
        return switch (resourceType) {
            case MODEL -> (materialization == null ? "" : materialization + " ") + "model";
            case TEST -> "data test";
            case UNIT_TEST -> "unit test";
            case SEED, SNAPSHOT, SOURCE, ANALYSIS, OPERATION, MACRO, EXPOSURE -> resourceType.dbtName();
        };
    }

    String relationOrName() {
        return relation == null ? name : relation;
    }

    /** Whether the node makes a relation, which is what SKIP lines then name. */
    boolean buildsRelation() {
        return switch (resourceType) {
            case MODEL, SEED, SNAPSHOT -> true;
            case TEST, UNIT_TEST, SOURCE, ANALYSIS, OPERATION, MACRO, EXPOSURE -> false;
        };
    }
}
