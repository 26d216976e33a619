package dev.model.project;

import dev.model.error.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One output of a profile in profiles.yml: the warehouse connection the engine runs against.
 * {@code settings} holds every field as written (after {@code env_var()} rendering), secrets
 * included: only {@link #publicFields()} may reach templates, logs or artifacts. {@code location} is
 * where the target is written in profiles.yml (null for targets made in code), for errors about
 * its settings.
 */
public record Target(
        String profileName,
        String name,
        String type,
        String database,
        String schema,
        int threads,
        Map<String, Object> settings,
        SourceLocation location) {

    /** Fields that are never shown: dbt-snowflake's and the common JDBC ones. */
    public static final Set<String> SECRET_KEYS = Set.of(
            "password", "pass", "private_key", "private_key_path", "private_key_passphrase",
            "token", "oauth_client_secret", "client_secret", "secret", "api_key", "passphrase");

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = Map.copyOf(settings);
    }

    /** A target made in code, with no place in a profiles.yml to point bad settings at. */
    public Target(String profileName, String name, String type, String database, String schema, int threads,
                  Map<String, Object> settings) {
        this(profileName, name, type, database, schema, threads, settings, null);
    }

    /** This target with {@code --threads} in place of the profile's. */
    public Target withThreads(int newThreads) {
        return new Target(profileName, name, type, database, schema, newThreads, settings, location);
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return SECRET_KEYS.contains(k) || k.contains("password") || k.contains("secret") || k.endsWith("token");
    }

    /** What {@code {{ target }}} shows in templates: every non-secret setting plus dbt's standard keys. */
    public Map<String, Object> publicFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (!isSecret(k)) {
                out.put(k, v);
            }
        });
        out.put("profile_name", profileName);
        out.put("name", name);
        out.put("target_name", name);
        out.put("type", type);
        out.put("schema", schema);
        out.put("database", database);
        out.put("threads", threads);
        return out;
    }

    public Object setting(String key) {
        return settings.get(key);
    }

    @Override
    public String toString() {
        return "Target[" + profileName + "." + name + " type=" + type + " database=" + database
                + " schema=" + schema + " threads=" + threads + "]";
    }
}
