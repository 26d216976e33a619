package dev.model.ingest.cli;

import dev.model.cli.CliEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code model ingest}: streaming ingest of shop events from Kafka into the warehouse's RAW layer. */
@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Streaming ingest: generate shop events, run a local Kafka broker, produce events, and load "
                + "them into the warehouse's RAW tables exactly once.",
        subcommands = {GenerateCommand.class, BrokerCommand.class, ProduceCommand.class, ConsumeCommand.class})
public final class IngestCommand implements Runnable {

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    public IngestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(environment.out());
    }
}
