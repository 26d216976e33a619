package dev.model.ingest;

import dev.model.cli.CliEnvironment;
import dev.model.cli.CommandPlugin;
import dev.model.ingest.cli.IngestCommand;

/** Adds {@code model ingest} to the CLI when this module is on the class path. */
public final class IngestPlugin implements CommandPlugin {

    @Override
    public Object command(CliEnvironment environment) {
        return new IngestCommand(environment);
    }
}
