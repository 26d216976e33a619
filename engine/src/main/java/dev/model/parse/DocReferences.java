package dev.model.parse;

import dev.model.error.ModelException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{ doc('name') }}} in descriptions once every doc block is known, as dbt does at
 * the end of parsing. A description naming a doc that does not exist is an error.
 */
final class DocReferences {

    private static final Pattern DOC_CALL = Pattern.compile(
            "\\{\\{-?\\s*doc\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*(?:,\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*)?\\)\\s*-?}}");

    private final String project;
    private final Map<String, DocBlock> docs;

    DocReferences(String project, Map<String, DocBlock> docs) {
        this.project = project;
        this.docs = docs;
    }

    Node resolve(Node node) {
        if (!mentionsDocs(node)) {
            return node;
        }
        if (node instanceof ModelNode m) {
            return new ModelNode(m.uniqueId(), m.name(), m.packageName(), m.originalFilePath(), m.file(), m.rawCode(),
                    m.config(), m.fqn(), text(m.description(), m), columns(m.columns(), m), m.dependsOn(), m.patchPath());
        }
        if (node instanceof SeedNode s) {
            return new SeedNode(s.uniqueId(), s.name(), s.packageName(), s.originalFilePath(), s.file(), s.config(),
                    s.fqn(), text(s.description(), s), columns(s.columns(), s), s.patchPath());
        }
        if (node instanceof SnapshotNode s) {
            return new SnapshotNode(s.uniqueId(), s.name(), s.packageName(), s.originalFilePath(), s.file(), s.rawCode(),
                    s.config(), s.fqn(), text(s.description(), s), columns(s.columns(), s), s.dependsOn());
        }
        if (node instanceof SourceNode s) {
            return new SourceNode(s.uniqueId(), s.sourceName(), s.name(), s.packageName(), s.originalFilePath(), s.file(),
                    s.database(), s.schema(), s.identifier(), s.loadedAtField(), s.freshness(), s.config(), s.fqn(),
                    text(s.description(), s), text(s.sourceDescription(), s), columns(s.columns(), s), s.meta());
        }
        return node;
    }

    private static boolean mentionsDocs(Node node) {
        if (node.description() != null && node.description().contains("doc(")) {
            return true;
        }
        Map<String, ColumnInfo> columns = Map.of();
        if (node instanceof ModelNode m) {
            columns = m.columns();
        } else if (node instanceof SeedNode s) {
            columns = s.columns();
        } else if (node instanceof SnapshotNode s) {
            columns = s.columns();
        } else if (node instanceof SourceNode s) {
            if (s.sourceDescription() != null && s.sourceDescription().contains("doc(")) {
                return true;
            }
            columns = s.columns();
        }
        for (ColumnInfo column : columns.values()) {
            if (column.description() != null && column.description().contains("doc(")) {
                return true;
            }
        }
        return false;
    }

    private Map<String, ColumnInfo> columns(Map<String, ColumnInfo> columns, Node owner) {
        boolean any = false;
        for (ColumnInfo column : columns.values()) {
            any |= column.description() != null && column.description().contains("doc(");
        }
        if (!any) {
            return columns;
        }
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        columns.forEach((name, c) -> out.put(name, new ColumnInfo(c.name(), text(c.description(), owner), c.dataType(),
                c.quote(), c.meta(), c.tags())));
        return out;
    }

    private String text(String description, Node owner) {
        if (description == null || !description.contains("doc(")) {
            return description;
        }
        Matcher matcher = DOC_CALL.matcher(description);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String pkg = matcher.group(2) == null ? project : matcher.group(1);
            String name = matcher.group(2) == null ? matcher.group(1) : matcher.group(2);
            DocBlock doc = docs.get("doc." + pkg + "." + name);
            if (doc == null) {
                throw ModelException.project("Documentation for '" + owner.uniqueId() + "' depends on doc '" + name
                        + "' which was not found", owner.location());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(doc.blockContents()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
