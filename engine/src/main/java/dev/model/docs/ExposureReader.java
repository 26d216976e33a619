package dev.model.docs;

import dev.model.error.ModelException;
import dev.model.graph.ProjectGraph;
import dev.model.parse.DocBlock;
import dev.model.parse.Node;
import dev.model.parse.NodeConfig;
import dev.model.parse.ResourceType;
import dev.model.parse.SourceNode;
import dev.model.project.ProjectConfig;
import dev.model.project.YamlDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code exposures:} of the property YAML under the model paths, for the lineage page.
 * {@code depends_on} entries are {@code ref('name')} or {@code source('source', 'table')}; one that
 * names nothing in the graph is kept as unresolved and shown on the exposure's page.
 */
public final class ExposureReader {

    private static final Pattern REF = Pattern.compile(
            "^\\s*ref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?(?:,\\s*v(?:ersion)?\\s*=\\s*\\S+\\s*)?\\)\\s*$");
    private static final Pattern SOURCE = Pattern.compile(
            "^\\s*source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*$");
    private static final Pattern DOC = Pattern.compile(
            "\\{\\{-?\\s*doc\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*(?:,\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*)?\\)\\s*-?}}");

    private ExposureReader() {
    }

    public static List<Exposure> read(ProjectConfig config, ProjectGraph graph, Map<String, DocBlock> docs) {
        List<Exposure> out = new ArrayList<>();
        for (String modelPath : config.paths().modelPaths()) {
            Path base = config.root().resolve(modelPath);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.filter(ExposureReader::isYaml).sorted().toList()) {
                    out.addAll(exposures(file, config, graph, docs));
                }
            } catch (IOException | UncheckedIOException unreadable) {
                throw ModelException.project("Could not read " + base + ": " + unreadable.getMessage());
            }
        }
        return out;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private static List<Exposure> exposures(Path file, ProjectConfig config, ProjectGraph graph,
                                            Map<String, DocBlock> docs) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains("exposures")) {
            return List.of();
        }
        YamlDocument yaml = YamlDocument.parse(file, text);
        if (!(yaml.root() instanceof Map<?, ?> root) || !(root.get("exposures") instanceof List<?> entries)) {
            return List.of();
        }
        String relative = config.root().relativize(file).toString().replace('\\', '/');
        List<Exposure> out = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map) || map.get("name") == null) {
                continue;
            }
            String name = map.get("name").toString();
            List<String> parents = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            for (String dependency : NodeConfig.stringList(map.get("depends_on"))) {
                String found = resolve(dependency, graph);
                if (found == null) {
                    unresolved.add(dependency);
                } else if (!parents.contains(found)) {
                    parents.add(found);
                }
            }
            Map<String, Object> owner = new LinkedHashMap<>();
            if (map.get("owner") instanceof Map<?, ?> given) {
                given.forEach((key, value) -> owner.put(String.valueOf(key), String.valueOf(value)));
            }
            List<String> tags = new ArrayList<>(NodeConfig.stringList(map.get("tags")));
            if (map.get("config") instanceof Map<?, ?> exposureConfig) {
                tags.addAll(NodeConfig.stringList(exposureConfig.get("tags")));
            }
            out.add(new Exposure("exposure." + config.name() + "." + name, name, text(map.get("label")),
                    Objects.toString(map.get("type"), ""), text(map.get("maturity")), text(map.get("url")),
                    resolveDocs(text(map.get("description")), config.name(), docs), owner, tags, parents,
                    relative, unresolved));
        }
        return out;
    }

    private static String resolve(String dependency, ProjectGraph graph) {
        Matcher ref = REF.matcher(dependency);
        if (ref.matches()) {
            String wanted = ref.group(2) != null ? ref.group(2) : ref.group(1);
            for (Node node : graph.nodes().values()) {
                ResourceType type = node.resourceType();
                boolean refable = type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT;
                if (refable && node.name().equals(wanted)) {
                    return node.uniqueId();
                }
            }
            return null;
        }
        Matcher source = SOURCE.matcher(dependency);
        if (source.matches()) {
            for (Node node : graph.nodes().values()) {
                if (node instanceof SourceNode table && table.sourceName().equals(source.group(1))
                        && table.name().equals(source.group(2))) {
                    return node.uniqueId();
                }
            }
        }
        return null;
    }

    private static String resolveDocs(String description, String project, Map<String, DocBlock> docs) {
        if (description == null || !description.contains("doc(")) {
            return description;
        }
        Matcher matcher = DOC.matcher(description);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String pkg = matcher.group(2) == null ? project : matcher.group(1);
            String name = matcher.group(2) == null ? matcher.group(1) : matcher.group(2);
            DocBlock doc = docs.get("doc." + pkg + "." + name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(doc == null ? matcher.group() : doc.blockContents()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
