package dev.model.ingest.broker;

import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker (KRaft: broker and controller in one process) running inside this
 * JVM, bound to 127.0.0.1 only: for {@code model ingest broker}, the pipeline and tests. Restartable
 * on the same log directory and ports, so a test can stop and start "the broker" under a consumer.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final int defaultPartitions;
    private KafkaRaftServer server;

    /** @param brokerPort 0 picks a free port, kept across restarts */
    public EmbeddedKafka(Path logDir, int brokerPort, int defaultPartitions) {
        this.logDir = logDir.toAbsolutePath();
        this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
        this.controllerPort = freePort();
        this.defaultPartitions = defaultPartitions;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(logDir);
            Properties props = properties();
            Path configFile = logDir.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(writer, "model ingest broker");
            }
            format(configFile);
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            started.startup();
            server = started;
            return this;
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.INTERNAL, "Could not start the Kafka broker in " + logDir + ": "
                    + e.getMessage(), null, e);
        }
    }

    /** Without a formatted log dir the broker fails with "No readable meta.properties files found". */
    private void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "-t", clusterId(), "-c",
                configFile.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new ModelException(ErrorCategory.INTERNAL, "Could not format the Kafka log directory " + logDir
                    + ": " + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    /** The same cluster id on every start: a restart on formatted storage must not change it. */
    private String clusterId() {
        Path file = logDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.INTERNAL, "Could not keep the Kafka cluster id in " + file + ": "
                    + e.getMessage(), null, e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.resolve("data").toString());
        p.setProperty("num.partitions", String.valueOf(defaultPartitions));
        // One broker: internal topics with the default replication factor of 3 never form a group.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops the broker and waits until it has shut down; the log directory stays for a restart. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ModelException(ErrorCategory.INTERNAL, "Could not find a free local port: " + e.getMessage(), null, e);
        }
    }
}
