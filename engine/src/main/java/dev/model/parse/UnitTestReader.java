package dev.model.parse;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.project.ProjectConfig;
import dev.model.project.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code unit_tests:} entries of the property YAML files under the model paths, and
 * checks each against the project: the model must exist and every given input must be one the
 * model reads. Errors name the YAML file, its line and the unit test.
 */
public final class UnitTestReader {

    private static final java.util.Set<String> KEYS = java.util.Set.of("name", "model", "description", "given",
            "expect", "overrides", "config", "versions");

    private UnitTestReader() {
    }

    /** Every unit test of the project, checked against its parsed nodes; ordered by file, then as written. */
    public static List<UnitTestDefinition> read(ParsedProject project) {
        ProjectConfig config = project.config();
        List<Path> files = new ArrayList<>();
        for (String folder : config.paths().modelPaths()) {
            Path dir = config.root().resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw ModelException.project("Could not read " + dir + ": " + e.getMessage());
            }
        }
        List<UnitTestDefinition> out = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw ModelException.project("Could not read " + file + ": " + e.getMessage(), SourceLocation.of(file));
            }
            if (!text.contains("unit_tests")) {
                continue;
            }
            YamlDocument doc = YamlDocument.parse(file, text);
            Object entries = doc.rootMap().get("unit_tests");
            if (entries == null) {
                continue;
            }
            String relative = config.root().relativize(file).toString().replace('\\', '/');
            if (!(entries instanceof List<?> list)) {
                throw ModelException.project("'unit_tests' must be a list", doc.locationOf(doc.rootMap(), "unit_tests"));
            }
            for (Object entry : list) {
                out.add(definition(project, doc, relative, entry));
            }
        }
        return out;
    }

    private static UnitTestDefinition definition(ParsedProject project, YamlDocument doc, String relative, Object entry) {
        SourceLocation where = doc.locationOf(entry);
        if (!(entry instanceof Map<?, ?> raw) || raw.get("name") == null) {
            throw ModelException.project("Each unit test needs a 'name'", where);
        }
        String name = raw.get("name").toString();
        String what = "Unit test '" + name + "'";
        for (Object key : raw.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw ModelException.project(what + " has an unknown key '" + key + "'", doc.locationOf(raw, String.valueOf(key)));
            }
        }
        if (raw.get("model") == null) {
            throw ModelException.project(what + " needs a 'model'", where);
        }
        String modelName = raw.get("model").toString();
        ModelNode model = findModel(project, modelName);
        if (model == null) {
            throw ModelException.project(what + " tests model '" + modelName + "', which does not exist", doc.locationOf(raw, "model"));
        }
        if (!(raw.get("given") instanceof List<?> givenList)) {
            throw ModelException.project(what + " needs 'given': a list of inputs (an empty list when the model reads none)",
                    doc.locationOf(raw, "given"));
        }
        List<UnitTestDefinition.Fixture> given = new ArrayList<>();
        for (Object item : givenList) {
            if (!(item instanceof Map<?, ?> givenMap) || givenMap.get("input") == null) {
                throw ModelException.project(what + ": each entry of 'given' needs an 'input'", doc.locationOf(item));
            }
            String input = givenMap.get("input").toString().trim();
            UnitTestFixtures.checkInput(what, input, model, doc.locationOf(givenMap, "input"));
            given.add(UnitTestFixtures.fixture(what, "given input " + input, input, givenMap, doc));
        }
        if (!(raw.get("expect") instanceof Map<?, ?> expectMap)) {
            throw ModelException.project(what + " needs 'expect' with its rows", doc.locationOf(raw, "expect"));
        }
        UnitTestDefinition.Fixture expect = UnitTestFixtures.fixture(what, "expect", null, expectMap, doc);
        Map<String, Object> macros = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        if (raw.get("overrides") instanceof Map<?, ?> overrides) {
            if (overrides.get("macros") instanceof Map<?, ?> m) {
                m.forEach((k, v) -> macros.put(String.valueOf(k), v));
            }
            if (overrides.get("vars") instanceof Map<?, ?> v) {
                v.forEach((k, value) -> vars.put(String.valueOf(k), value));
            }
            if (overrides.get("env_vars") instanceof Map<?, ?> e) {
                e.forEach((k, value) -> env.put(String.valueOf(k), value == null ? "" : String.valueOf(value)));
            }
        }
        List<String> tags = new ArrayList<>();
        if (raw.get("config") instanceof Map<?, ?> cfg) {
            tags.addAll(NodeConfig.stringList(cfg.get("tags")));
        }
        String project0 = project.config().name();
        return new UnitTestDefinition("unit_test." + project0 + "." + modelName + "." + name, name, project0, modelName,
                relative, where, raw.get("description") == null ? "" : raw.get("description").toString(), tags,
                given, expect, macros, vars, env);
    }

    private static ModelNode findModel(ParsedProject project, String name) {
        for (Node node : project.nodes().values()) {
            if (node instanceof ModelNode model && model.name().equals(name)) {
                return model;
            }
        }
        return null;
    }
}
