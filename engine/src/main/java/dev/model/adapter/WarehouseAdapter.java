package dev.model.adapter;

import java.util.Set;

/**
 * A warehouse behind one profile target. Thread-safe: workers each lease a {@link Session};
 * the {@link WarehouseOperations} methods here borrow a connection per call.
 */
public interface WarehouseAdapter extends WarehouseOperations, AutoCloseable {

    /** The profile {@code type}, e.g. {@code duckdb}. */
    String type();

    Set<Capability> capabilities();

    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /** The default quote policy for relations this warehouse names. */
    Quoting quoting();

    /** How unquoted names fold and how catalog names match. */
    IdentifierCase identifierCase();

    /** The database (catalog) the target points at, e.g. the DuckDB file's stem. */
    String database();

    /** The target's schema, or the warehouse's default when the profile has none. */
    String schema();

    /** A relation named with this warehouse's quote policy; a null database means {@link #database()}. */
    default Relation relation(String database, String schema, String identifier) {
        return Relation.of(database == null ? database() : database, schema, identifier, quoting());
    }

    /** {@link #getRelation(Relation)} for a name in this warehouse's quote policy. */
    default java.util.Optional<Relation> getRelation(String database, String schema, String identifier) {
        return getRelation(relation(database, schema, identifier));
    }

    /** Leases a connection from the pool; the caller closes it (try-with-resources). */
    Session openSession(String label);

    /** Runs {@code work} on a leased session and releases it, also when {@code work} fails. */
    default <T> T withSession(String label, java.util.function.Function<Session, T> work) {
        try (Session session = openSession(label)) {
            return work.apply(session);
        }
    }

    /** Connects and runs a trivial query; a WAREHOUSE ModelException when that fails. */
    void testConnection();

    WarehouseVersion version();

    /** Cancels the running statement of every open session (Ctrl-C). Safe from any thread. */
    void cancelAll();

    /** Closes pooled connections and the database handle. */
    @Override
    void close();
}
