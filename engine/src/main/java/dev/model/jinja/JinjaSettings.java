package dev.model.jinja;

import dev.model.log.Log;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a render needs that does not change between nodes of one invocation.
 *
 * @param rootProjectName the project being run ({@code project_name})
 * @param adapterType     the profile's {@code type}, which decides dispatch ({@code duckdb__x})
 * @param target          {@code target} as templates see it: public fields only, never secrets
 * @param projectVars     vars from dbt_project.yml (global keys, plus package-scoped maps)
 * @param cliVars         {@code --vars}, which win over project vars
 * @param dispatchOrder   dbt_project.yml {@code dispatch:}: macro namespace to search order
 * @param env             the environment {@code env_var()} reads (System.getenv() outside tests)
 */
public record JinjaSettings(
        String rootProjectName,
        String adapterType,
        Map<String, Object> target,
        Map<String, Object> projectVars,
        Map<String, Object> cliVars,
        Map<String, List<String>> dispatchOrder,
        String invocationId,
        Instant runStartedAt,
        Map<String, String> env,
        Log log) {

    public JinjaSettings {
        target = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(target));
        projectVars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(projectVars));
        cliVars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cliVars));
        dispatchOrder = Map.copyOf(dispatchOrder);
        env = Map.copyOf(env);
    }
}
