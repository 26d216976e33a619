package dev.model.ingest.cli;

import dev.model.adapter.Adapters;
import dev.model.adapter.WarehouseAdapter;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import dev.model.ingest.consume.ConsumerSettings;
import dev.model.ingest.consume.RawConsumer;
import dev.model.ingest.consume.SnowpipeStreaming;
import dev.model.ingest.metrics.IngestMetrics;
import dev.model.log.Log;
import dev.model.project.CliVars;
import dev.model.project.ProfileLoader;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import dev.model.project.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code model ingest consume}: loads Kafka topics into the RAW tables of the project's warehouse,
 * exactly once. The warehouse comes from the profile, as for {@code model run}.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Load Kafka topics into raw.<topic> tables of the profile's warehouse, exactly once: each batch "
                + "and its offsets commit in one transaction.")
public final class ConsumeCommand implements Callable<Integer> {

    enum Tolerance { all, none }

    @ParentCommand
    IngestCommand parent;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "Kafka to read from.")
    String bootstrapServers;

    @Option(names = "--topics", split = ",", defaultValue = "shop.orders,shop.web", description = "Topics, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> topics;

    @Option(names = "--group", defaultValue = "model-ingest", description = "Consumer group (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--consumers", defaultValue = "1", description = "Consumers of the group in this process, sharing the partitions (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--project-dir", paramLabel = "DIR", description = "Directory holding dbt_project.yml (default: current directory).")
    Path projectDir;

    @Option(names = "--profiles-dir", paramLabel = "DIR", description = "Directory holding profiles.yml (default: project dir, then ~/.dbt).")
    Path profilesDir;

    @Option(names = {"--target", "-t"}, paramLabel = "NAME", description = "Target of the profile (default: the profile's target).")
    String target;

    @Option(names = "--vars", paramLabel = "YAML", description = "Variables for the profile, as a YAML mapping.")
    String vars;

    @Option(names = "--errors-tolerance", defaultValue = "all", description = "all: bad records go to raw._dead_letter; none: stop at the first (default: ${DEFAULT-VALUE}).")
    Tolerance errorsTolerance;

    @Option(names = "--max-batch-records", defaultValue = "50000", description = "Write a batch at this many records (default: ${DEFAULT-VALUE}).")
    int maxBatchRecords;

    @Option(names = "--max-batch-bytes", defaultValue = "33554432", description = "... or at this many bytes (default: ${DEFAULT-VALUE}).")
    long maxBatchBytes;

    @Option(names = "--max-batch-ms", defaultValue = "200", description = "... or when its oldest record is this old (default: ${DEFAULT-VALUE}).")
    long maxBatchMs;

    @Option(names = "--max-record-bytes", defaultValue = "1048576", description = "Larger records are dead-lettered (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    @Option(names = "--max-records", defaultValue = "0", description = "Stop after this many records; 0 = no limit.")
    long maxRecords;

    @Option(names = "--idle-exit-ms", defaultValue = "0", description = "Stop after this long without a record; 0 = never.")
    long idleExitMs;

    @Option(names = "--sink", defaultValue = "jdbc", paramLabel = "jdbc|snowpipe-streaming",
            description = "jdbc: each batch and its offsets in one warehouse transaction; snowpipe-streaming (type: "
                    + "snowflake targets with a key pair): Snowpipe Streaming channels with Kafka offsets as offset "
                    + "tokens (default: ${DEFAULT-VALUE}).")
    String sink;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on 127.0.0.1:PORT/metrics.")
    Integer metricsPort;

    @Option(names = "--debug", description = "Print debug logs and Java stack traces of errors.")
    boolean debug;

    private final List<RawConsumer> running = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        var env = parent.environment();
        if (consumers < 1 || maxBatchRecords < 1 || maxBatchMs < 1) {
            throw new ModelException(ErrorCategory.USAGE, "--consumers, --max-batch-records and --max-batch-ms must be at least 1");
        }
        if (!sink.equals("jdbc") && !sink.equals("snowpipe-streaming")) {
            throw ModelException.usage("--sink must be jdbc or snowpipe-streaming, not '" + sink + "'");
        }
        Log log = new IngestLog(env.out(), debug);
        Thread hook = null;
        ConsumerSettings settings = new ConsumerSettings(bootstrapServers, topics, group, errorsTolerance == Tolerance.all,
                maxBatchRecords, maxBatchBytes, maxBatchMs, maxRecords, idleExitMs, maxRecordBytes, 10_000);
        Warehouse warehouse = openWarehouse(log);
        try (WarehouseAdapter adapter = warehouse.adapter(); IngestMetrics metrics = new IngestMetrics();
             SnowpipeStreaming streaming = sink.equals("snowpipe-streaming")
                     ? SnowpipeStreaming.start(warehouse.target(), warehouse.projectRoot(), "model_ingest_" + group) : null) {
            // Ctrl-C / SIGTERM: the hook stops the consumers, then waits until the warehouse is
            // closed, so the JVM does not halt between the last commit and the close.
            hook = new Thread(() -> {
                running.forEach(RawConsumer::stop);
                try {
                    closed.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "consume-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (metricsPort != null) {
                log.info("Metrics on http://127.0.0.1:" + metrics.serve(metricsPort) + "/metrics");
            }
            log.info("Loading " + String.join(", ", topics) + " from " + bootstrapServers + " into schema raw of the "
                    + adapter.type() + " warehouse" + (streaming == null ? "" : " through Snowpipe Streaming")
                    + ", group '" + group + "'");
            RawConsumer.Totals totals = run(adapter, streaming, settings, metrics, log);
            log.info("Loaded " + totals.loaded() + " events, dead-lettered " + totals.deadLettered() + " records in "
                    + totals.batches() + " transactions" + (totals.retries() > 0 ? " (" + totals.retries() + " retried)" : ""));
        } finally {
            closed.countDown();
            if (hook != null) {
                ProduceCommand.removeHook(hook);
            }
        }
        return 0;
    }

    private RawConsumer.Totals run(WarehouseAdapter adapter, SnowpipeStreaming streaming, ConsumerSettings settings,
                                   IngestMetrics metrics, Log log) throws InterruptedException {
        var env = parent.environment();
        for (int i = 0; i < consumers; i++) {
            running.add(new RawConsumer(adapter, streaming, settings, i, metrics, log));
        }
        ExecutorService threads = Executors.newFixedThreadPool(consumers, r -> new Thread(r, "ingest-consumer"));
        long began = System.nanoTime();
        try (Progress progress = new Progress(env.err(), env.terminal(), () -> String.format(
                "loaded %,d events (%,.0f/s), dead-lettered %,d, lag %,d", metrics.loadedCount(),
                metrics.loadedCount() / Math.max(1e-3, (System.nanoTime() - began) / 1e9), metrics.deadLetteredCount(),
                metrics.totalLag()))) {
            List<Future<RawConsumer.Totals>> results = new ArrayList<>();
            for (RawConsumer consumer : running) {
                results.add(threads.submit(consumer::run));
            }
            long loaded = 0;
            long dead = 0;
            long batches = 0;
            long retries = 0;
            for (Future<RawConsumer.Totals> result : results) {
                RawConsumer.Totals totals;
                try {
                    totals = result.get();
                } catch (ExecutionException e) {
                    running.forEach(RawConsumer::stop);
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new ModelException(ErrorCategory.INTERNAL, "A consumer failed: " + e.getCause(), null, e.getCause());
                }
                loaded += totals.loaded();
                dead += totals.deadLettered();
                batches += totals.batches();
                retries += totals.retries();
            }
            return new RawConsumer.Totals(loaded, dead, batches, retries);
        } finally {
            threads.shutdown();
            threads.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            running.forEach(RawConsumer::close);
        }
    }

    /** The profile's target, opened; the target and project root for the Snowpipe Streaming client. */
    private record Warehouse(WarehouseAdapter adapter, Target target, Path projectRoot) {
    }

    private Warehouse openWarehouse(Log log) {
        var env = parent.environment();
        Path project = projectDir == null ? env.workingDir() : env.workingDir().resolve(projectDir).normalize();
        Map<String, Object> cliVars = vars == null ? Map.of() : CliVars.parse(vars);
        ProjectConfig config = ProjectLoader.load(project, log, env.env(), cliVars);
        Target resolved = ProfileLoader.load(config, Optional.ofNullable(profilesDir).map(d -> env.workingDir().resolve(d).normalize()),
                Optional.ofNullable(target), env.env(), env.home());
        try {
            // As dbt: the target folder exists before the warehouse opens (target/shop.duckdb).
            Files.createDirectories(config.targetDir());
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.PROJECT, "Could not create the target folder " + config.targetDir()
                    + ": " + e.getMessage(), null, e);
        }
        return new Warehouse(Adapters.discover().open(resolved, config.root(), log), resolved, config.root());
    }
}
