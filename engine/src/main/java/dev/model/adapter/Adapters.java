package dev.model.adapter;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.Target;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link AdapterFactory} for a profile's {@code type}. */
public final class Adapters {

    private final Map<String, AdapterFactory> factories;

    private Adapters(Map<String, AdapterFactory> factories) {
        this.factories = factories;
    }

    /** The factories on the class path of {@code loader}. */
    public static Adapters discover(ClassLoader loader) {
        Map<String, AdapterFactory> found = new TreeMap<>();
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class, loader)) {
            found.putIfAbsent(factory.type().toLowerCase(Locale.ROOT), factory);
        }
        return new Adapters(Map.copyOf(found));
    }

    public static Adapters discover() {
        return discover(Adapters.class.getClassLoader());
    }

    /** Known types, sorted. */
    public java.util.List<String> types() {
        return factories.keySet().stream().sorted().toList();
    }

    public AdapterFactory factory(String type) {
        AdapterFactory factory = type == null ? null : factories.get(type.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new ModelException(ErrorCategory.PROJECT, "Unknown adapter type '" + type
                    + "' in profiles.yml; known types: " + String.join(", ", types()));
        }
        return factory;
    }

    /** Opens the adapter for {@code target}, resolving relative paths against {@code baseDirectory}. */
    public WarehouseAdapter open(Target target, Path baseDirectory, Log log) {
        return factory(target.type()).create(target, baseDirectory, log);
    }
}
