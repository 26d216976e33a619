package dev.model.ingest.pipeline;

import dev.model.cli.CliEnvironment;
import dev.model.cli.Main;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.ingest.broker.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code model pipeline}: the whole pipeline once, on embedded defaults. It starts an in-process
 * Kafka broker, produces generated shop events, loads them into the project's RAW tables exactly
 * once, builds the project (models and tests) and writes the docs site. Each step is the same
 * command a user would type, run in this process, so the pipeline does nothing the commands
 * don't, and stops at the first step that fails with that step's exit code.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline once: embedded Kafka broker, generated events produced and loaded "
                + "exactly once into RAW, then model build and model docs generate.")
public final class PipelineCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The dbt project to build (default: current directory).")
    Path projectDir;

    @Option(names = {"--target", "-t"}, paramLabel = "NAME",
            description = "Target of the profile for the load, build and docs (default: the profile's target).")
    String target;

    @Option(names = "--events", defaultValue = "30000", description = "Events to produce (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the event generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--idle-exit-ms", defaultValue = "5000",
            description = "The loader stops after this long without new events (default: ${DEFAULT-VALUE}).")
    long idleExitMs;

    public PipelineCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (events < 1) {
            throw ModelException.usage("--events must be at least 1");
        }
        Path project = environment.workingDir().resolve(projectDir).normalize();
        String dir = project.toString();
        Path brokerDir = temporaryBrokerDir();
        say("1/4 starting an embedded Kafka broker (KRaft, 127.0.0.1) in " + brokerDir);
        try (EmbeddedKafka kafka = new EmbeddedKafka(brokerDir, 0, partitions).start()) {
            String bootstrap = kafka.bootstrapServers();
            say("2/4 producing " + events + " generated events to " + bootstrap);
            int code = step("ingest", "produce", "--bootstrap-servers", bootstrap, "--count", Long.toString(events),
                    "--seed", Long.toString(seed), "--partitions", Integer.toString(partitions));
            if (code != 0) {
                return code;
            }
            say("3/4 loading them into the RAW tables of " + dir + " (exactly once)");
            code = step("ingest", "consume", "--bootstrap-servers", bootstrap, "--project-dir", dir,
                    "--idle-exit-ms", Long.toString(idleExitMs));
            if (code != 0) {
                return code;
            }
        }
        say("4/4 building the project and writing its docs");
        int built = step("build", "--project-dir", dir);
        step("show", "--project-dir", dir, "--inline", """
                select
                    (select count(*) from raw.shop_orders) + (select count(*) from raw.shop_web) as raw_events_loaded,
                    (select count(*) from raw._dead_letter) as dead_lettered,
                    (select count(*) from {{ ref('fct_orders') }}) as orders_in_marts
                """);
        int docs = step("docs", "generate", "--project-dir", dir);
        Path target = project.resolve("target");
        say("Results: the warehouse is " + target.resolve("shop.duckdb") + "; run results in "
                + target.resolve("run_results.json") + " and " + target.resolve("junit.xml") + "; docs in "
                + target.resolve("index.html") + " (./model docs serve --project-dir " + projectDir + ")");
        return built != 0 ? built : docs;
    }

    /** Runs one command; those that open the warehouse get {@code --target} when one was given. */
    private int step(String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        boolean producing = args[0].equals("ingest") && args[1].equals("produce");
        if (target != null && !producing) {
            command.addAll(List.of("--target", target));
        }
        return Main.run(command.toArray(String[]::new), environment);
    }

    private void say(String line) {
        environment.out().println("== pipeline " + line);
    }

    private static Path temporaryBrokerDir() {
        try {
            return Files.createTempDirectory("model-kafka-");
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.INTERNAL, "Could not create a folder for the Kafka broker: "
                    + e.getMessage(), null, e);
        }
    }
}
