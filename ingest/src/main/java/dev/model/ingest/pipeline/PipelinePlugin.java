package dev.model.ingest.pipeline;

import dev.model.cli.CliEnvironment;
import dev.model.cli.CommandPlugin;

/** Adds {@code model pipeline} (broker, produce, consume, build, docs) when the ingest module is present. */
public final class PipelinePlugin implements CommandPlugin {

    @Override
    public Object command(CliEnvironment environment) {
        return new PipelineCommand(environment);
    }
}
