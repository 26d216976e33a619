package dev.model.adapter;

import java.util.Objects;

/** A column of a relation as the warehouse reports it, e.g. {@code ("order_id", "INTEGER")}. */
public record Column(String name, String dataType) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }
}
