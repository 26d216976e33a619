package dev.model.graph;

import dev.model.error.SourceLocation;
import dev.model.parse.Node;

/** How error messages name a node: its kind as dbt capitalises it, and its file relative to the project. */
final class NodeText {

    private NodeText() {
    }

    static String kind(Node node) {
        String type = node.resourceType().dbtName().replace('_', ' ');
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    /** {@code models/a.sql}, or {@code models/a.sql:3} when the line is known. */
    static String where(Node node, SourceLocation location) {
        String file = node.originalFilePath() != null ? node.originalFilePath() : String.valueOf(node.file());
        return location != null && location.line() > 0 ? file + ":" + location.line() : file;
    }

    /** {@code model.shop.a (models/a.sql)}. */
    static String idAndFile(Node node) {
        return node.uniqueId() + " (" + where(node, null) + ")";
    }

    /** The location an error about this node points at: the call's line if known, else the node's file. */
    static SourceLocation locate(Node node, SourceLocation call) {
        return call != null ? call : node.file() == null ? null : node.location();
    }
}
