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
     * Opens the warehouse for {@code target}. Relative paths in the settings resolve against
     * {@code baseDirectory} (the directory the command runs in). Failures to connect are a
     * WAREHOUSE ModelException; bad settings a PROJECT one.
     */
    WarehouseAdapter create(Target target, Path baseDirectory, Log log);
}
