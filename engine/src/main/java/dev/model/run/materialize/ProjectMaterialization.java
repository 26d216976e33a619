package dev.model.run.materialize;

import dev.model.adapter.Relation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code {% materialization name, default %}} block of the project, run as dbt runs one: a
 * macro that sees {@code sql}, {@code this}, {@code pre_hooks} and {@code post_hooks} (rendered,
 * for {@code run_hooks()}), sends its own statements, and returns {@code {'relations': [...]}}.
 *
 * @param macroName the compiled block, {@code materialization_<name>_<adapter|default>}
 */
record ProjectMaterialization(String name, String macroName) implements Materialization {

    @Override
    public boolean runsOwnHooks() {
        return true;
    }

    @Override
    public boolean appliesGrants() {
        return false;
    }

    @Override
    public void build(ModelBuild build) {
        Map<String, Object> names = new LinkedHashMap<>(build.scope().extraContext());
        names.put("sql", build.sql());
        names.put("compiled_code", build.sql());
        names.put("pre_hooks", hookMaps(build.hooks().pre()));
        names.put("post_hooks", hookMaps(build.hooks().post()));
        Object returned = build.context().jinja().callMacro(macroName, List.of(), Map.of(), build.scope().with(names));
        // the block may have created, replaced or dropped anything in the schema
        build.cache().invalidate(build.target().database(), build.target().schema());
        if (returned instanceof Map<?, ?> map && map.get("relations") instanceof Collection<?> relations) {
            for (Object relation : relations) {
                if (relation instanceof Relation created) {
                    build.cache().created(created);
                }
            }
        }
    }

    private static List<Map<String, Object>> hookMaps(List<String> hooks) {
        return hooks.stream().map(sql -> {
            Map<String, Object> hook = new LinkedHashMap<>();
            hook.put("sql", sql);
            hook.put("transaction", true);
            return hook;
        }).toList();
    }
}
