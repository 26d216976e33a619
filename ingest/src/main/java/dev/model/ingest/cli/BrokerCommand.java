package dev.model.ingest.cli;

import dev.model.ingest.broker.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code model ingest broker}: a single-node Kafka broker in this process until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a local single-node Kafka broker (KRaft, bound to 127.0.0.1) until Ctrl-C; prints its bootstrap address.")
final class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    IngestCommand parent;

    @Option(names = "--port", defaultValue = "9092", description = "Broker port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Where the broker keeps its data (default: a new temporary directory).")
    Path logDir;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of topics created on first use (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        Path dir = logDir == null ? Files.createTempDirectory("model-kafka-")
                : parent.environment().workingDir().resolve(logDir).normalize();
        EmbeddedKafka kafka = new EmbeddedKafka(dir, port, partitions).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            stopped.countDown();
        }, "broker-shutdown"));
        parent.environment().out().println("Kafka broker ready: --bootstrap-servers " + kafka.bootstrapServers()
                + " (data in " + dir + "); Ctrl-C to stop");
        stopped.await();
        return 0;
    }
}
