package dev.model.project;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A YAML file read once into plain maps, lists and scalars, remembering the line on which each
 * map and list starts so that later errors (a missing target, a bad test) can point at it.
 * A syntax error is a ModelException at the file, line and column snakeyaml reports.
 */
public final class YamlDocument {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y");

    private final Path file;
    private final Object root;
    private final Map<Object, Integer> lines;
    private final Map<Object, Map<String, Integer>> keyLines;

    private YamlDocument(Path file, Object root, Map<Object, Integer> lines, Map<Object, Map<String, Integer>> keyLines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.keyLines = keyLines;
    }

    public static YamlDocument parse(Path file, String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Node node;
        try {
            node = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            SourceLocation where = mark == null ? SourceLocation.of(file)
                    : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
            throw new ModelException(ErrorCategory.PROJECT, "Malformed YAML in " + file.getFileName() + ": " + problem,
                    where, e);
        } catch (YAMLException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Malformed YAML in " + file.getFileName() + ": "
                    + e.getMessage(), SourceLocation.of(file), e);
        }
        Map<Object, Integer> lines = new IdentityHashMap<>();
        Map<Object, Map<String, Integer>> keyLines = new IdentityHashMap<>();
        Object root = node == null ? null : new Converter(lines, keyLines).convert(node);
        return new YamlDocument(file, root, lines, keyLines);
    }

    public Path file() {
        return file;
    }

    /** The top-level value: usually a map; null for an empty file. */
    public Object root() {
        return root;
    }

    /** The top-level map, or an error naming the file when it is something else. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> rootMap() {
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof Map)) {
            throw ModelException.project(file.getFileName() + " must be a YAML mapping at the top level",
                    SourceLocation.of(file, 1));
        }
        return (Map<String, Object>) root;
    }

    /** Where a map or list of this document starts; the file alone for anything else. */
    public SourceLocation locationOf(Object value) {
        Integer line = value == null ? null : lines.get(value);
        return line == null ? SourceLocation.of(file) : SourceLocation.of(file, line);
    }

    /** Where the entry {@code key} of a map of this document is written; the map's start otherwise. */
    public SourceLocation locationOf(Object map, String key) {
        Map<String, Integer> keys = map == null ? null : keyLines.get(map);
        Integer line = keys == null ? null : keys.get(key);
        return line == null ? locationOf(map) : SourceLocation.of(file, line);
    }

    private static final class Converter {
        private final Map<Object, Integer> lines;
        private final Map<Object, Map<String, Integer>> keyLines;
        private final Map<Node, Object> done = new IdentityHashMap<>();

        Converter(Map<Object, Integer> lines, Map<Object, Map<String, Integer>> keyLines) {
            this.lines = lines;
            this.keyLines = keyLines;
        }

        Object convert(Node node) {
            Object seen = done.get(node);
            if (seen != null) {
                return seen;
            }
            if (node instanceof MappingNode mapping) {
                Map<String, Object> out = new LinkedHashMap<>();
                Map<String, Integer> keys = new java.util.HashMap<>();
                done.put(node, out);
                lines.put(out, node.getStartMark().getLine() + 1);
                keyLines.put(out, keys);
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    Object value = convert(tuple.getValueNode());
                    if (keyNode.getTag().equals(Tag.MERGE) || (keyNode instanceof ScalarNode s && "<<".equals(s.getValue()))) {
                        merge(out, value);
                        continue;
                    }
                    String key = String.valueOf(convert(keyNode));
                    out.put(key, value);
                    keys.put(key, keyNode.getStartMark().getLine() + 1);
                }
                return out;
            }
            if (node instanceof SequenceNode sequence) {
                List<Object> out = new ArrayList<>(sequence.getValue().size());
                done.put(node, out);
                lines.put(out, node.getStartMark().getLine() + 1);
                for (Node item : sequence.getValue()) {
                    out.add(convert(item));
                }
                return out;
            }
            return scalar((ScalarNode) node);
        }

        @SuppressWarnings("unchecked")
        private void merge(Map<String, Object> into, Object merged) {
            if (merged instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).forEach(into::putIfAbsent);
            } else if (merged instanceof List<?> list) {
                for (Object item : list) {
                    merge(into, item);
                }
            }
        }

        private static Object scalar(ScalarNode node) {
            String text = node.getValue();
            Tag tag = node.getTag();
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return TRUE_WORDS.contains(text.toLowerCase(Locale.ROOT));
            }
            if (tag.equals(Tag.INT)) {
                return integer(text);
            }
            if (tag.equals(Tag.FLOAT)) {
                return decimal(text);
            }
            return text;
        }

        private static Object integer(String text) {
            String digits = text.replace("_", "");
            int sign = 1;
            if (digits.startsWith("-")) {
                sign = -1;
                digits = digits.substring(1);
            } else if (digits.startsWith("+")) {
                digits = digits.substring(1);
            }
            try {
                long value;
                if (digits.startsWith("0x")) {
                    value = Long.parseLong(digits.substring(2), 16);
                } else if (digits.startsWith("0b")) {
                    value = Long.parseLong(digits.substring(2), 2);
                } else if (digits.startsWith("0o")) {
                    value = Long.parseLong(digits.substring(2), 8);
                } else if (digits.length() > 1 && digits.startsWith("0") && !digits.contains(":")) {
                    value = Long.parseLong(digits.substring(1), 8);
                } else {
                    value = Long.parseLong(digits);
                }
                value *= sign;
                return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
            } catch (NumberFormatException e) {
                return text;
            }
        }

        private static Object decimal(String text) {
            String digits = text.replace("_", "").toLowerCase(Locale.ROOT);
            if (digits.endsWith(".inf")) {
                return digits.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (digits.equals(".nan")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(digits);
            } catch (NumberFormatException e) {
                return text;
            }
        }
    }
}
