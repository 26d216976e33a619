package dev.model.project;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.error.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds profiles.yml (--profiles-dir, then the project folder, then {@code ~/.dbt}), picks the
 * project's profile and the target, renders {@code env_var()} in its fields and applies the
 * adapter defaults dbt-duckdb applies. Messages name files and keys, never values.
 */
public final class ProfileLoader {

    public static final String FILE_NAME = "profiles.yml";

    private ProfileLoader() {
    }

    public static Target load(ProjectConfig project, Optional<Path> profilesDir, Optional<String> target,
                              Map<String, String> env, Path home) {
        Path file = locate(searchedDirectories(project.root(), profilesDir, env, home));
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not read " + file + ": " + e.getMessage(),
                    SourceLocation.of(file), e);
        }
        YamlDocument doc = YamlDocument.parse(file, text);
        Map<String, Object> profiles = doc.rootMap();
        String profileName = project.profile() == null ? project.name() : project.profile();
        if (!(profiles.get(profileName) instanceof Map<?, ?> profile)) {
            List<String> known = new ArrayList<>(profiles.keySet());
            known.remove("config");
            throw ModelException.project("Could not find profile named '" + profileName + "' in " + file
                    + (known.isEmpty() ? "" : " (profiles found: " + String.join(", ", known) + ")"),
                    SourceLocation.of(file, 1));
        }
        TemplateValues renderer = new TemplateValues(env, Map.of(), null);
        String targetName = target.orElse(null);
        if (targetName == null) {
            Object declared = profile.get("target");
            targetName = declared == null ? "default"
                    : renderer.render(declared.toString(), doc.locationOf(profile)).toString();
        }
        Object outputsValue = profile.get("outputs");
        if (!(outputsValue instanceof Map<?, ?> outputs)) {
            throw ModelException.project("Profile '" + profileName + "' in " + file + " has no 'outputs'",
                    doc.locationOf(profile));
        }
        if (!(outputs.get(targetName) instanceof Map<?, ?> output)) {
            List<String> known = new ArrayList<>();
            outputs.keySet().forEach(k -> known.add(String.valueOf(k)));
            throw ModelException.project("The profile '" + profileName + "' does not have a target named '"
                    + targetName + "'. Valid targets: " + String.join(", ", known), doc.locationOf(profile, "outputs"));
        }
        SourceLocation where = doc.locationOf(output);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : output.entrySet()) {
            String key = String.valueOf(entry.getKey());
            settings.put(key, renderValue(entry.getValue(), renderer, doc.locationOf(output, key)));
        }
        return toTarget(profileName, targetName, settings, where);
    }

    private static Object renderValue(Object value, TemplateValues renderer, SourceLocation where) {
        if (value instanceof String s) {
            return renderer.render(s, where);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), renderValue(v, renderer, where)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(renderValue(v, renderer, where)));
            return out;
        }
        return value;
    }

    private static Target toTarget(String profileName, String targetName, Map<String, Object> settings,
                                   SourceLocation where) {
        Object typeValue = settings.get("type");
        if (typeValue == null) {
            throw ModelException.project("Target '" + targetName + "' of profile '" + profileName
                    + "' has no 'type'", where);
        }
        String type = typeValue.toString().toLowerCase(Locale.ROOT);
        int threads = 1;
        Object threadsValue = settings.get("threads");
        if (threadsValue != null) {
            try {
                threads = Integer.parseInt(threadsValue.toString().trim());
            } catch (NumberFormatException e) {
                throw ModelException.project("'threads' of target '" + targetName + "' must be a whole number", where);
            }
            if (threads < 1) {
                throw ModelException.project("'threads' of target '" + targetName + "' must be at least 1", where);
            }
        }
        String database = stringOrNull(settings.get("database"));
        if (database == null) {
            database = stringOrNull(settings.get("dbname"));
        }
        String schema = stringOrNull(settings.get("schema"));
        if (type.equals("duckdb")) {
            // dbt-duckdb names the database after the file, and uses ':memory:' when there is no path.
            if (database == null) {
                database = duckdbDatabaseName(stringOrNull(settings.get("path")));
            }
            if (schema == null) {
                schema = "main";
            }
        }
        return new Target(profileName, targetName, type, database, schema, threads, settings, where);
    }

    static String duckdbDatabaseName(String path) {
        if (path == null || path.isBlank() || path.equals(":memory:")) {
            return "memory";
        }
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The folders profiles.yml is looked for in, in order: {@code --profiles-dir}, else
     * {@code $DBT_PROFILES_DIR}, else the project folder and then {@code ~/.dbt}.
     */
    public static List<Path> searchedDirectories(Path projectRoot, Optional<Path> profilesDir, Map<String, String> env,
                                                 Path home) {
        Optional<Path> dir = profilesDir.isPresent() ? profilesDir
                : Optional.ofNullable(env.get("DBT_PROFILES_DIR")).filter(d -> !d.isBlank()).map(Path::of);
        if (dir.isPresent()) {
            return List.of(dir.get().toAbsolutePath().normalize());
        }
        return List.of(projectRoot.toAbsolutePath().normalize(), home.resolve(".dbt").toAbsolutePath().normalize());
    }

    private static Path locate(List<Path> directories) {
        for (Path directory : directories) {
            Path candidate = directory.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        List<String> looked = new ArrayList<>();
        directories.forEach(d -> looked.add(d.toString()));
        throw ModelException.project("Could not find profiles.yml. Looked in: " + String.join(", ", looked)
                + " (use --profiles-dir to point at it)", SourceLocation.of(directories.get(0).resolve(FILE_NAME)));
    }
}
