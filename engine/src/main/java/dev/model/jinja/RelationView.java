package dev.model.jinja;

import dev.model.adapter.Relation;
import java.util.Locale;

/** What templates may read of a {@link Relation}: dbt's Relation attributes, nothing of Java. */
final class RelationView {

    private RelationView() {
    }

    static Object attribute(Relation relation, String name) {
        return switch (name) {
            case "database" -> relation.database();
            case "schema" -> relation.schema();
            case "identifier", "name", "table" -> relation.identifier();
            case "type" -> relation.type().name().toLowerCase(Locale.ROOT);
            case "is_table" -> relation.type() == Relation.RelationType.TABLE;
            case "is_view" -> relation.type() == Relation.RelationType.VIEW;
            case "is_cte" -> relation.type() == Relation.RelationType.CTE;
            default -> null;
        };
    }

    static Object call(Relation relation, String method, JavaFunction.Arguments a) {
        return switch (method) {
            case "render" -> relation.render();
            case "include" -> include(relation, a);
            case "incorporate" -> incorporate(relation, a);
            default -> PyObject.MISSING;
        };
    }

    private static Relation include(Relation r, JavaFunction.Arguments a) {
        boolean database = PyValues.truthy(a.keywords().getOrDefault("database", true));
        boolean schema = PyValues.truthy(a.keywords().getOrDefault("schema", true));
        boolean identifier = PyValues.truthy(a.keywords().getOrDefault("identifier", true));
        return new Relation(database ? r.database() : null, schema ? r.schema() : null,
                identifier ? r.identifier() : "", r.type(), r.quoting());
    }

    private static Relation incorporate(Relation r, JavaFunction.Arguments a) {
        Object path = a.keywords().get("path");
        Relation out = r;
        if (path instanceof java.util.Map<?, ?> parts) {
            out = new Relation(
                    parts.containsKey("database") ? (String) parts.get("database") : r.database(),
                    parts.containsKey("schema") ? (String) parts.get("schema") : r.schema(),
                    parts.containsKey("identifier") ? (String) parts.get("identifier") : r.identifier(),
                    r.type(), r.quoting());
        }
        Object type = a.keywords().get("type");
        if (type != null) {
            out = out.withType(Relation.RelationType.valueOf(type.toString().toUpperCase(Locale.ROOT)));
        }
        return out;
    }
}
