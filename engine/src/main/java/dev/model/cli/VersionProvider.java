package dev.model.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code model --version}: the engine's version and the dbt version whose formats it follows. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ModelCommand.class.getPackage().getImplementationVersion();
        return new String[] {
                "model " + (version == null ? "development build" : version),
                "dbt-compatible: project files, manifest v12 and run_results v6 of dbt-core "
                        + dev.model.artifacts.ArtifactMetadata.DBT_VERSION,
                "Java " + System.getProperty("java.version"),
        };
    }
}
