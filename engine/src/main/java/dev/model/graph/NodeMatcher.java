package dev.model.graph;

import dev.model.error.ModelException;
import dev.model.parse.Node;
import dev.model.parse.ResourceType;
import dev.model.parse.SourceNode;
import dev.model.parse.TestNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The node test behind one selector's method and value, as dbt's selector methods match. */
final class NodeMatcher {

    private static final List<String> TEST_TYPES = List.of("generic", "singular", "data", "schema", "unit");

    private NodeMatcher() {
    }

    static Predicate<Node> of(SelectionCriterion criterion, ProjectGraph graph) {
        String value = criterion.value();
        return switch (criterion.method()) {
            case FQN -> fqn(value);
            case TAG -> {
                Glob glob = Glob.of(value);
                yield node -> node.config().tags().stream().anyMatch(glob::matches);
            }
            case PATH -> path(value, graph.projectRoot());
            case FILE -> {
                Glob glob = Glob.of(value);
                yield node -> node.resourceType() != ResourceType.SOURCE && fileMatches(node, glob);
            }
            case CONFIG -> config(criterion.methodArguments(), value);
            case RESOURCE_TYPE -> resourceType(criterion);
            case SOURCE -> source(value);
            case TEST_TYPE -> testType(criterion);
            case TEST_NAME -> {
                Glob glob = Glob.of(value);
                yield node -> node instanceof TestNode test && test.isGeneric() && glob.matches(test.testMetadata().name());
            }
            case PACKAGE -> {
                Glob glob = Glob.of("this".equals(value) && graph.rootPackage() != null ? graph.rootPackage() : value);
                yield node -> glob.matches(node.packageName());
            }
            case GROUP -> {
                Glob glob = Glob.of(value);
                yield node -> glob.matches(node.config().getString("group"));
            }
            case ACCESS -> node -> node.resourceType() == ResourceType.MODEL
                    && value.equals(node.config().get("access", "protected").toString());
        };
    }

    /**
     * A bare name matches the node's name (the fqn's last part); a dotted value matches the
     * fqn from its start, each part a glob, a lone {@code *} part matching the rest. Sources are
     * not matched by fqn, as in dbt: select them with {@code source:}.
     */
    private static Predicate<Node> fqn(String value) {
        Glob leaf = Glob.of(value);
        List<Glob> parts = new ArrayList<>();
        for (String part : value.split("\\.", -1)) {
            parts.add("*".equals(part) ? null : Glob.of(part));
        }
        return node -> {
            if (node.resourceType() == ResourceType.SOURCE) {
                return false;
            }
            List<String> fqn = node.fqn();
            if (!fqn.isEmpty() && leaf.matches(fqn.get(fqn.size() - 1))) {
                return true;
            }
            List<String> flat = new ArrayList<>();
            fqn.forEach(segment -> flat.addAll(List.of(segment.split("\\.", -1))));
            if (parts.size() > flat.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) == null) {
                    return true;
                }
                if (!parts.get(i).matches(flat.get(i))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A file or a folder relative to the project root: a node matches if its file is it or lies below it. */
    private static Predicate<Node> path(String value, Path projectRoot) {
        String normalised = value.replace('\\', '/');
        if (projectRoot != null && Path.of(value).isAbsolute() && Path.of(value).startsWith(projectRoot)) {
            normalised = projectRoot.relativize(Path.of(value)).toString().replace('\\', '/');
        }
        while (normalised.startsWith("./")) {
            normalised = normalised.substring(2);
        }
        while (normalised.endsWith("/") && normalised.length() > 1) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        Glob glob = Glob.ofPath(normalised);
        boolean everything = normalised.equals(".") || normalised.isEmpty();
        return node -> {
            String file = node.originalFilePath();
            if (file == null) {
                return false;
            }
            if (everything) {
                return true;
            }
            for (String prefix = file; ; prefix = prefix.substring(0, prefix.lastIndexOf('/'))) {
                if (glob.matches(prefix)) {
                    return true;
                }
                if (prefix.lastIndexOf('/') < 0) {
                    return false;
                }
            }
        };
    }

    private static boolean fileMatches(Node node, Glob glob) {
        String file = node.originalFilePath();
        if (file == null) {
            return false;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return glob.matches(name) || (dot > 0 && glob.matches(name.substring(0, dot)));
    }

    /** {@code config.key:value}, {@code config.meta.owner:x}: list values match when any item does. */
    private static Predicate<Node> config(List<String> keyPath, String value) {
        return node -> {
            Object current = node.config().values();
            for (String key : keyPath) {
                if (!(current instanceof Map<?, ?> map)) {
                    return false;
                }
                current = map.get(key);
            }
            if (current == null && keyPath.equals(List.of("materialized")) && node.resourceType() == ResourceType.MODEL) {
                current = node.config().materialized();
            }
            if (current instanceof Collection<?> items) {
                return items.stream().anyMatch(item -> configValueMatches(item, value));
            }
            return configValueMatches(current, value);
        };
    }

    private static boolean configValueMatches(Object configured, String selector) {
        if (configured == null || configured instanceof Map<?, ?>) {
            return false;
        }
        if (configured instanceof Boolean) {
            return configured.toString().equalsIgnoreCase(selector);
        }
        return configured.toString().equals(selector);
    }

    private static Predicate<Node> resourceType(SelectionCriterion criterion) {
        ResourceType type;
        try {
            type = ResourceType.fromDbtName(criterion.value());
        } catch (IllegalArgumentException unknown) {
            throw ModelException.usage("Invalid selector '" + criterion.raw() + "': '" + criterion.value()
                    + "' is not a resource type (model, seed, snapshot, test, source, ...)");
        }
        return node -> node.resourceType() == type;
    }

    /** {@code source:name}, {@code source:name.table} or {@code source:package.name.table}, each part a glob. */
    private static Predicate<Node> source(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length > 3) {
            throw ModelException.usage("Invalid selector 'source:" + value
                    + "': expected source:<source>, source:<source>.<table> or source:<package>.<source>.<table>");
        }
        Glob packageGlob = parts.length == 3 ? Glob.of(parts[0]) : Glob.of("*");
        Glob sourceGlob = Glob.of(parts[parts.length == 3 ? 1 : 0]);
        Glob tableGlob = parts.length >= 2 ? Glob.of(parts[parts.length - 1]) : Glob.of("*");
        return node -> node instanceof SourceNode source && packageGlob.matches(source.packageName())
                && sourceGlob.matches(source.sourceName()) && tableGlob.matches(source.name());
    }

    private static Predicate<Node> testType(SelectionCriterion criterion) {
        String type = criterion.value();
        if (!TEST_TYPES.contains(type)) {
            throw ModelException.usage("Invalid selector '" + criterion.raw() + "': '" + type
                    + "' is not a test type (generic, singular, unit)");
        }
        return node -> node instanceof TestNode test && switch (type) {
            case "generic", "schema" -> test.isGeneric();
            case "singular", "data" -> !test.isGeneric();
            default -> false; // unit tests are not nodes of this graph yet
        };
    }
}
