package dev.model.parse;

import dev.model.error.SourceLocation;

/** A {@code ref('pkg', 'name', v=1)} call found in a node; package and version may be null. */
public record RefCall(String packageName, String name, Integer version, SourceLocation location) {
}
