package dev.model.parse;

import dev.model.error.ModelException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every property YAML file's declarations, joined: patches by kind and name, source tables and
 * YAML snapshots. Two declarations of the same thing are an error naming both files.
 */
final class PropertyIndex {

    private final Map<String, PropertySpecs.Patch> patches = new LinkedHashMap<>();
    private final Map<String, PropertySpecs.SourceTable> sources = new LinkedHashMap<>();
    private final List<PropertySpecs.YamlSnapshot> snapshots = new ArrayList<>();

    void add(PropertyReader.Result result) {
        for (PropertySpecs.Patch patch : result.patches()) {
            String key = patch.kind() + ":" + patch.name();
            PropertySpecs.Patch earlier = patches.putIfAbsent(key, patch);
            if (earlier != null) {
                throw ModelException.project("Found two property entries for " + singular(patch.kind()) + " '"
                        + patch.name() + "': in " + earlier.origin().originalFilePath() + " and "
                        + patch.origin().originalFilePath(), patch.origin().location());
            }
        }
        for (PropertySpecs.SourceTable table : result.sources()) {
            String key = table.sourceName() + "." + table.tableName();
            PropertySpecs.SourceTable earlier = sources.putIfAbsent(key, table);
            if (earlier != null) {
                throw ModelException.project("Found two definitions of source table '" + key + "': in "
                        + earlier.origin().originalFilePath() + " and " + table.origin().originalFilePath(),
                        table.origin().location());
            }
        }
        snapshots.addAll(result.snapshots());
    }

    private static String singular(String kind) {
        return kind.substring(0, kind.length() - 1);
    }

    /** The patch for a model, seed or snapshot ({@code kind} is the YAML key), or null. */
    PropertySpecs.Patch patch(String kind, String name) {
        return patches.get(kind + ":" + name);
    }

    List<PropertySpecs.Patch> patches() {
        return List.copyOf(patches.values());
    }

    List<PropertySpecs.SourceTable> sources() {
        return List.copyOf(sources.values());
    }

    List<PropertySpecs.YamlSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
