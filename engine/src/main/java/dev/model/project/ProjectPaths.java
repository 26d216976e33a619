package dev.model.project;

import java.util.List;

/** The {@code *-paths} of dbt_project.yml, relative to the project root, with dbt's defaults. */
public record ProjectPaths(
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> testPaths,
        List<String> macroPaths,
        List<String> snapshotPaths,
        List<String> analysisPaths,
        List<String> docsPaths,
        String targetPath,
        List<String> cleanTargets) {

    public ProjectPaths {
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        testPaths = List.copyOf(testPaths);
        macroPaths = List.copyOf(macroPaths);
        snapshotPaths = List.copyOf(snapshotPaths);
        analysisPaths = List.copyOf(analysisPaths);
        docsPaths = List.copyOf(docsPaths);
        cleanTargets = List.copyOf(cleanTargets);
    }

    public static ProjectPaths defaults() {
        return new ProjectPaths(List.of("models"), List.of("seeds"), List.of("tests"), List.of("macros"),
                List.of("snapshots"), List.of("analyses"), List.of(), "target", List.of("target"));
    }
}
