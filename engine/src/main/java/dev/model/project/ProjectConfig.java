package dev.model.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * dbt_project.yml, loaded and validated. The config trees ({@code models:}, {@code seeds:},
 * {@code snapshots:}, {@code tests:}, {@code sources:}) are kept as read, nested maps whose
 * {@code +key} entries apply to a folder and everything below it.
 *
 * @param root            absolute project directory
 * @param file            the dbt_project.yml file, for error locations
 * @param vars            project vars: global ones at the top level, package-scoped ones under the
 *                        package name, as dbt writes them
 * @param dispatch        the {@code dispatch:} list: macro_namespace -> search_order
 */
public record ProjectConfig(
        Path root,
        Path file,
        String name,
        String version,
        String profile,
        ProjectPaths paths,
        Map<String, Object> vars,
        Map<String, Object> models,
        Map<String, Object> seeds,
        Map<String, Object> snapshots,
        Map<String, Object> tests,
        Map<String, Object> sources,
        List<String> onRunStart,
        List<String> onRunEnd,
        Map<String, List<String>> dispatch,
        Map<String, Object> quoting) {

    public ProjectConfig {
        vars = Map.copyOf(vars);
        models = Map.copyOf(models);
        seeds = Map.copyOf(seeds);
        snapshots = Map.copyOf(snapshots);
        tests = Map.copyOf(tests);
        sources = Map.copyOf(sources);
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
        dispatch = Map.copyOf(dispatch);
        quoting = Map.copyOf(quoting);
    }

    public Path targetDir() {
        return root.resolve(paths.targetPath());
    }
}
