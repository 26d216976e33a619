package dev.model.project;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.log.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads dbt_project.yml into a {@link ProjectConfig}. Jinja in values is rendered as dbt renders
 * it at load time ({@code env_var}, {@code var} from {@code --vars}), except what dbt renders
 * later: {@code vars:} (when used), the {@code on-run-*} lists and the {@code pre-hook}/{@code post-hook}
 * strings of the config trees (at run time).
 */
public final class ProjectLoader {

    public static final String FILE_NAME = "dbt_project.yml";

    private static final Set<String> KNOWN_KEYS = Set.of(
            "name", "version", "profile", "config-version", "require-dbt-version",
            "model-paths", "source-paths", "seed-paths", "data-paths", "test-paths", "macro-paths",
            "snapshot-paths", "analysis-paths", "docs-paths", "asset-paths", "target-path", "log-path",
            "packages-install-path", "clean-targets", "vars", "models", "seeds", "snapshots", "tests",
            "data_tests", "sources", "on-run-start", "on-run-end", "dispatch", "quoting", "query-comment",
            "flags", "restrict-access", "exposures", "metrics", "semantic-models", "saved-queries",
            "unit_tests", "analyses");
    private static final Set<String> HOOK_KEYS = Set.of("pre-hook", "post-hook", "+pre-hook", "+post-hook",
            "pre_hook", "post_hook", "+pre_hook", "+post_hook");

    private ProjectLoader() {
    }

    /** Loads with the process environment and no {@code --vars}. */
    public static ProjectConfig load(Path projectDir, Log log) {
        return load(projectDir, log, System.getenv(), Map.of());
    }

    public static ProjectConfig load(Path projectDir, Log log, Map<String, String> env, Map<String, Object> cliVars) {
        Path root = projectDir.toAbsolutePath().normalize();
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ModelException(ErrorCategory.PROJECT, "No dbt_project.yml found at " + root,
                    SourceLocation.of(file));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not read " + file + ": " + e.getMessage(),
                    SourceLocation.of(file), e);
        }
        YamlDocument doc = YamlDocument.parse(file, text);
        Map<String, Object> raw = doc.rootMap();
        TemplateValues renderer = new TemplateValues(env, cliVars, null);
        TemplateValues treeRenderer = new TemplateValues(env, cliVars, TemplateValues.DEFER);
        Reader reader = new Reader(doc, renderer, treeRenderer, log);
        return reader.read(root, raw);
    }

    /** The fields of one dbt_project.yml, read with its location at hand for errors. */
    private record Reader(YamlDocument doc, TemplateValues renderer, TemplateValues treeRenderer, Log log) {

        ProjectConfig read(Path root, Map<String, Object> raw) {
            SourceLocation top = SourceLocation.of(doc.file(), 1);
            for (String key : raw.keySet()) {
                if (!KNOWN_KEYS.contains(key)) {
                    log.warn("Unknown key '" + key + "' in " + doc.file() + " is ignored", top);
                }
            }
            if (raw.containsKey("require-dbt-version") || raw.containsKey("config-version")) {
                log.debug("require-dbt-version and config-version in dbt_project.yml are accepted and not checked");
            }
            String name = requiredString(raw, "name");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw ModelException.project("Project name '" + name
                        + "' must contain only letters, digits and underscores and not start with a digit", top);
            }
            ProjectPaths defaults = ProjectPaths.defaults();
            List<String> modelPaths = paths(raw, "model-paths", paths(raw, "source-paths", defaults.modelPaths()));
            ProjectPaths paths = new ProjectPaths(
                    modelPaths,
                    paths(raw, "seed-paths", paths(raw, "data-paths", defaults.seedPaths())),
                    paths(raw, "test-paths", defaults.testPaths()),
                    paths(raw, "macro-paths", defaults.macroPaths()),
                    paths(raw, "snapshot-paths", defaults.snapshotPaths()),
                    paths(raw, "analysis-paths", defaults.analysisPaths()),
                    paths(raw, "docs-paths", defaults.docsPaths()),
                    raw.get("target-path") == null ? defaults.targetPath() : render(raw.get("target-path"), List.of()).toString(),
                    paths(raw, "clean-targets", defaults.cleanTargets()));
            return new ProjectConfig(
                    root, doc.file(), name,
                    raw.get("version") == null ? null : render(raw.get("version"), List.of()).toString(),
                    raw.get("profile") == null ? null : render(raw.get("profile"), List.of()).toString(),
                    paths,
                    rawTree(raw, "vars"),
                    tree(raw, "models"),
                    tree(raw, "seeds"),
                    tree(raw, "snapshots"),
                    raw.containsKey("data_tests") ? tree(raw, "data_tests") : tree(raw, "tests"),
                    tree(raw, "sources"),
                    hooks(raw, "on-run-start"),
                    hooks(raw, "on-run-end"),
                    dispatch(raw),
                    tree(raw, "quoting"));
        }

        private String requiredString(Map<String, Object> raw, String key) {
            Object value = raw.get(key);
            if (value == null || value.toString().isBlank()) {
                throw ModelException.project("dbt_project.yml is missing the required key '" + key + "'",
                        SourceLocation.of(doc.file(), 1));
            }
            return render(value, List.of()).toString();
        }

        private List<String> paths(Map<String, Object> raw, String key, List<String> fallback) {
            Object value = raw.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof List<?> || value instanceof String)) {
                throw ModelException.project("'" + key + "' in dbt_project.yml must be a list of paths",
                        doc.locationOf(raw));
            }
            List<String> out = new ArrayList<>();
            for (String item : NodeConfigValues.strings(value)) {
                out.add(render(item, List.of()).toString());
            }
            return out;
        }

        /** dbt renders {@code vars:} only when a var is used, so they are kept as written. */
        @SuppressWarnings("unchecked")
        private Map<String, Object> rawTree(Map<String, Object> raw, String key) {
            Object value = raw.get(key);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map)) {
                throw ModelException.project("'" + key + "' in dbt_project.yml must be a mapping", doc.locationOf(raw, key));
            }
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> tree(Map<String, Object> raw, String key) {
            Object value = raw.get(key);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map)) {
                throw ModelException.project("'" + key + "' in dbt_project.yml must be a mapping", doc.locationOf(raw));
            }
            // Config trees may use more than env_var()/var() (e.g. target.name): what the simple
            // evaluator cannot do is kept as written and rendered by the parser, which has the engine.
            Object rendered = render(value, List.of(key), treeRenderer);
            return rendered == null ? Map.of() : (Map<String, Object>) rendered;
        }

        private List<String> hooks(Map<String, Object> raw, String key) {
            return NodeConfigValues.strings(raw.get(key));
        }

        private Map<String, List<String>> dispatch(Map<String, Object> raw) {
            Object value = raw.get("dispatch");
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof List<?> entries)) {
                throw ModelException.project("'dispatch' in dbt_project.yml must be a list of "
                        + "{macro_namespace, search_order} entries", doc.locationOf(raw));
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> map) || map.get("macro_namespace") == null
                        || !(map.get("search_order") instanceof List<?>)) {
                    throw ModelException.project("Each 'dispatch' entry needs 'macro_namespace' and a "
                            + "'search_order' list", doc.locationOf(entry == null ? value : entry));
                }
                out.put(map.get("macro_namespace").toString(), NodeConfigValues.strings(map.get("search_order")));
            }
            return out;
        }

        /** Renders strings under {@code value}, leaving hook strings raw (they render at run time). */
        private Object render(Object value, List<String> keyPath) {
            return render(value, keyPath, renderer);
        }

        private Object render(Object value, List<String> keyPath, TemplateValues with) {
            if (value instanceof String s) {
                return with.render(s, doc.locationOf(null));
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (HOOK_KEYS.contains(key)) {
                        out.put(key, entry.getValue());
                        continue;
                    }
                    try {
                        out.put(key, render(entry.getValue(), append(keyPath, key), with));
                    } catch (ModelException e) {
                        throw e.locatedAt(doc.locationOf(map));
                    }
                }
                return out;
            }
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>(list.size());
                for (Object item : list) {
                    out.add(render(item, keyPath, with));
                }
                return out;
            }
            return value;
        }

        private static List<String> append(List<String> path, String key) {
            List<String> out = new ArrayList<>(path);
            out.add(key);
            return out;
        }
    }
}
