package dev.model.parse;

import dev.model.error.SourceLocation;

/** A {@code source('source_name', 'table_name')} call found in a node. */
public record SourceCall(String sourceName, String tableName, SourceLocation location) {
}
