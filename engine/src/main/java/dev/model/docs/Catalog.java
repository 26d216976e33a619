package dev.model.docs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the warehouse says about the project's relations, as dbt's {@code catalog.json} holds it:
 * tables of models, seeds and snapshots in {@code nodes}, of sources in {@code sources}, each by
 * unique id. {@code notes} say what could not be read (warehouse unreachable, relation missing).
 */
public record Catalog(Map<String, Table> nodes, Map<String, Table> sources, List<String> notes) {

    /** A relation and its columns in table order. {@code rowCount} is null when unknown. */
    public record Table(String uniqueId, String type, String database, String schema, String name, String comment,
                        String owner, List<CatalogColumn> columns, Long rowCount) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** A column as the warehouse reports it; {@code index} counts from 1. */
    public record CatalogColumn(String name, String type, int index, String comment) {
    }

    public static final Catalog EMPTY = new Catalog(Map.of(), Map.of(), List.of());

    public Catalog {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        notes = List.copyOf(notes);
    }

    public Optional<Table> table(String uniqueId) {
        Table table = nodes.get(uniqueId);
        return Optional.ofNullable(table != null ? table : sources.get(uniqueId));
    }

    public Catalog withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Catalog(nodes, sources, more);
    }
}
