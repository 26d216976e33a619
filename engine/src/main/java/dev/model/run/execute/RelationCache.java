package dev.model.run.execute;

import dev.model.adapter.IdentifierCase;
import dev.model.adapter.Relation;
import dev.model.adapter.Session;
import dev.model.adapter.WarehouseAdapter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the warehouse holds, learned once per schema per invocation: the first node that asks
 * about a schema lists its relations, later nodes read the answer, and every node reports what
 * it created, renamed or dropped. This replaces one catalog query per node with one per schema,
 * which is what keeps thousands of models fast. Schemas are created once, on first need.
 * Thread-safe; one instance per invocation.
 */
public final class RelationCache {

    private final WarehouseAdapter adapter;
    private final Map<String, Map<String, Relation>> schemas = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ensured = new ConcurrentHashMap<>();

    public RelationCache(WarehouseAdapter adapter) {
        this.adapter = adapter;
    }

    /** The relation as the warehouse has it (with its TABLE or VIEW type), or empty. */
    public Optional<Relation> find(Session session, Relation wanted) {
        Map<String, Relation> schema = schema(session, wanted.database(), wanted.schema(), wanted.quoting().schema());
        return Optional.ofNullable(schema.get(identifierKey(wanted.identifier(), wanted.quoting().identifier())));
    }

    /** Creates the schema unless this invocation already made sure of it. */
    public void ensureSchema(Session session, String database, String schemaName) {
        String key = schemaKey(database, schemaName, true);
        ensured.computeIfAbsent(key, k -> {
            session.createSchemaIfMissing(database, schemaName);
            return Boolean.TRUE;
        });
    }

    /** Records a relation that now exists with the given type. */
    public void created(Relation relation) {
        Map<String, Relation> schema = schemas.get(schemaKey(relation.database(), relation.schema(), relation.quoting().schema()));
        if (schema != null) {
            schema.put(identifierKey(relation.identifier(), relation.quoting().identifier()), relation);
        }
    }

    /** Records a relation that no longer exists. */
    public void dropped(Relation relation) {
        Map<String, Relation> schema = schemas.get(schemaKey(relation.database(), relation.schema(), relation.quoting().schema()));
        if (schema != null) {
            schema.remove(identifierKey(relation.identifier(), relation.quoting().identifier()));
        }
    }

    /** Forgets a schema, e.g. after a statement the engine did not write (a hook) may have changed it. */
    public void invalidate(String database, String schemaName) {
        schemas.remove(schemaKey(database, schemaName, true));
    }

    private Map<String, Relation> schema(Session session, String database, String schemaName, boolean quoted) {
        return schemas.computeIfAbsent(schemaKey(database, schemaName, quoted), key -> {
            Map<String, Relation> found = new ConcurrentHashMap<>();
            for (Relation relation : session.listRelations(database, schemaName)) {
                // catalog names are stored names: look them up as if quoted
                Relation named = new Relation(relation.database(), relation.schema(), relation.identifier(),
                        relation.type(), adapter.quoting());
                found.put(identifierKey(relation.identifier(), true), named);
            }
            return found;
        });
    }

    private String schemaKey(String database, String schemaName, boolean quoted) {
        String db = database == null ? adapter.database() : database;
        String schema = schemaName == null ? adapter.schema() : schemaName;
        return fold(db, true) + "\u0000" + fold(schema, quoted);
    }

    private String identifierKey(String identifier, boolean quoted) {
        return fold(identifier, quoted);
    }

    private String fold(String name, boolean quoted) {
        IdentifierCase identifierCase = adapter.identifierCase();
        String stored = identifierCase.stored(name, quoted);
        return identifierCase == IdentifierCase.PRESERVE_INSENSITIVE ? stored.toLowerCase(Locale.ROOT) : stored;
    }
}
