package dev.model.adapter;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * A table or view in the warehouse: what {@code ref()}, {@code source()} and {@code this} return.
 * Templates see {@code database}, {@code schema}, {@code identifier}, {@code name} and a rendered
 * string; nothing else of Java is reachable from it. Database may be null where the warehouse has
 * no database level in names.
 */
public record Relation(String database, String schema, String identifier, RelationType type, Quoting quoting) {

    public enum RelationType { TABLE, VIEW, CTE, EXTERNAL, MATERIALIZED_VIEW, UNKNOWN }

    public Relation {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quoting, "quoting");
    }

    public static Relation of(String database, String schema, String identifier, Quoting quoting) {
        return new Relation(database, schema, identifier, RelationType.UNKNOWN, quoting);
    }

    /** An ephemeral model's CTE name, rendered without database or schema. */
    public static Relation cte(String name) {
        return new Relation(null, null, name, RelationType.CTE, Quoting.NONE);
    }

    /** dbt's alias for {@code identifier} in templates. */
    public String name() {
        return identifier;
    }

    public Relation withType(RelationType newType) {
        return new Relation(database, schema, identifier, newType, quoting);
    }

    public Relation withIdentifier(String newIdentifier) {
        return new Relation(database, schema, newIdentifier, type, quoting);
    }

    /** The name as it appears in SQL, e.g. {@code "dev"."main"."orders"}. */
    public String render() {
        if (type == RelationType.CTE) {
            return identifier;
        }
        StringJoiner parts = new StringJoiner(".");
        if (database != null && !database.isEmpty()) {
            parts.add(quoting.database() ? quoting.quote(database) : database);
        }
        if (schema != null && !schema.isEmpty()) {
            parts.add(quoting.schema() ? quoting.quote(schema) : schema);
        }
        parts.add(quoting.identifier() ? quoting.quote(identifier) : identifier);
        return parts.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
