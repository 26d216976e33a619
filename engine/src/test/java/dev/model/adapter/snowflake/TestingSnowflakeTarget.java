package dev.model.adapter.snowflake;

import dev.model.project.Target;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code type: snowflake} target as a dbt-snowflake user writes it in profiles.yml, for the
 * adapter's tests: role, warehouse, database and schema of one analyst, where to connect, and a
 * test's own changes on top.
 */
final class TestingSnowflakeTarget {

    private TestingSnowflakeTarget() {
    }

    /**
     * The profile with {@code connection}'s fields (account, user, secrets, host ...) and then
     * {@code changes}: a field there replaces, a null value removes one.
     */
    static Target of(Map<String, Object> connection, Map<String, Object> changes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("type", "snowflake");
        settings.putAll(connection);
        settings.put("role", "TRANSFORMER");
        settings.put("warehouse", "TRANSFORMING");
        settings.put("database", "ANALYTICS");
        settings.put("schema", "dbt_ana");
        changes.forEach((k, v) -> {
            if (v == null) {
                settings.remove(k);
            } else {
                settings.put(k, v);
            }
        });
        return new Target("shop", "dev", "snowflake", (String) settings.get("database"), (String) settings.get("schema"),
                4, settings);
    }
}
