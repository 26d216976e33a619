package dev.model.adapter;

import dev.model.project.Target;

import dev.model.log.Log;

import java.nio.file.Path;

/**
 * Creates the adapter for one profile {@code type}; found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.model.adapter.AdapterFactory}.
 */
public interface AdapterFactory {

    /** The profile {@code type} this factory serves, lower case. */
    String type();

    /**
     * The default quote policy of relations on this warehouse, known without connecting: compile
     * names relations with it; the adapter's {@link WarehouseAdapter#quoting()} returns the same.
     */
    default Quoting quoting() {
        return Quoting.ALL_DOUBLE;
    }

    /**
     * Opens the warehouse for {@code target}. Relative paths in the settings resolve against
     * {@code baseDirectory} (the directory the command runs in). Failures to connect are a
     * WAREHOUSE ModelException; bad settings a PROJECT one.
     */
    WarehouseAdapter create(Target target, Path baseDirectory, Log log);
}
