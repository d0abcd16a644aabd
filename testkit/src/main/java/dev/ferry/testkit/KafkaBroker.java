package dev.ferry.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker: one KRaft node that is both broker and controller, listening on
 * 127.0.0.1, with its data in one directory.
 *
 * <p>It runs {@code kafka.server.KafkaRaftServer}, the class {@code kafka-server-start.sh}
 * runs, after formatting the data directory with {@code kafka.tools.StorageTool} the first
 * time. The same code serves tests (in-process, temporary directory) and the standalone
 * {@link KafkaBrokerMain} (persistent directory, kept across restarts). Kafka's own
 * {@code KafkaClusterTestKit} was not used: it always formats fresh temporary directories, so
 * it cannot restart on existing data, and it is internal test API whose package moves between
 * Kafka versions.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Tries of {@link #startTemporary()} before it gives up. */
    static final int TEMPORARY_START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final DataDirectoryLock lock;
    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, DataDirectoryLock lock, Path dataDir, boolean temporary, int port,
            int controllerPort, String clusterId) {
        this.server = server;
        this.lock = lock;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
    }

    /**
     * Starts a broker on a free port with a fresh temporary data directory, deleted on {@link #close()}.
     * A failed start is tried again on new ports and a new directory, up to
     * {@value #TEMPORARY_START_ATTEMPTS} times: a port found free can be taken by another process
     * (or one of Kafka's own outgoing connections) before the broker binds it.
     */
    public static KafkaBroker startTemporary() {
        KafkaBrokerException failure = null;
        for (int attempt = 1; attempt <= TEMPORARY_START_ATTEMPTS; attempt++) {
            Path dir = DataDirectory.createTemporary();
            try {
                return start(dir, true, 0, 0);
            } catch (KafkaBrokerException e) {
                DataDirectory.deleteRecursively(dir);
                System.err.println("Ferry testkit: Kafka broker start " + attempt + " of " + TEMPORARY_START_ATTEMPTS
                        + " failed: " + e.getMessage());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            } catch (RuntimeException e) {
                DataDirectory.deleteRecursively(dir);
                throw e;
            }
        }
        throw failure;
    }

    /**
     * Starts a broker on {@code port} (0: a free one) with its data in {@code dataDir}, formatting
     * it only if it was never formatted. The controller listens on a free port.
     */
    public static KafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, 0);
    }

    /** As {@link #start(Path, int)}, with the controller on {@code controllerPort} (0: a free one). */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, false, port, controllerPort);
    }

    private static KafkaBroker start(Path requestedDir, boolean temporary, int requestedPort, int requestedControllerPort) {
        Path dataDir = DataDirectory.prepare(requestedDir);
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            int port = Ports.orFree(requestedPort);
            int controllerPort = Ports.orFree(requestedControllerPort);
            if (port == controllerPort) {
                throw new KafkaBrokerException("The broker and the controller need two different ports, both were " + port);
            }
            Ports.requireFree(BrokerProperties.HOST, port, "Kafka broker listener");
            Ports.requireFree(BrokerProperties.HOST, controllerPort, "Kafka controller listener");

            Properties properties = BrokerProperties.of(dataDir, port, controllerPort);
            String clusterId = format(dataDir, properties);
            KafkaRaftServer server = startServer(properties, dataDir, port);
            return new KafkaBroker(server, lock, dataDir, temporary, port, controllerPort, clusterId);
        } catch (RuntimeException e) {
            try {
                lock.close();
            } catch (RuntimeException unlockFailure) {
                e.addSuppressed(unlockFailure);
            }
            throw e;
        }
    }

    private static String format(Path dataDir, Properties properties) {
        // StorageTool reads its configuration from a file only; the file is needed just for this call.
        Path file;
        try {
            file = Files.createTempFile("ferry-kafka-", ".properties");
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot write a temporary Kafka configuration file: " + e, e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "Ferry testkit: used once to format " + dataDir);
            }
            return StorageFormat.ensureFormatted(dataDir, file);
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot write the temporary Kafka configuration file " + file + ": " + e, e);
        } finally {
            deleteFormatConfig(file);
        }
    }

    private static void deleteFormatConfig(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file harms nothing: retry when the JVM exits rather than fail the start.
            file.toFile().deleteOnExit();
        }
    }

    /** Runs startup to its end: it returns once the broker is unfenced and serves clients. */
    private static KafkaRaftServer startServer(Properties properties, Path dataDir, int port) {
        // Kafka's threads inherit the context class loader of the thread that starts them, and
        // Kafka loads plug-in classes through it. Under a test framework that loader may be a
        // per-test one that is closed later (Quarkus makes one per application start); the
        // broker must only see the loader that loaded Kafka itself.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            return server;
        } catch (RuntimeException e) {
            KafkaBrokerException failure = new KafkaBrokerException("The Kafka broker on " + BrokerProperties.HOST + ":"
                    + port + " with data in " + dataDir + " failed to start: " + rootMessage(e), e);
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException shutdownFailure) {
                    failure.addSuppressed(shutdownFailure);
                }
            }
            throw failure;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The id written to {@code meta.properties} when the data directory was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /** Blocks until the broker has stopped (after {@link #close()}, possibly from another thread). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /**
     * Stops the broker cleanly (logs flushed, offsets kept), releases its data directory and
     * deletes it if it was temporary. Safe to call twice.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        lock.close();
        if (temporary) {
            DataDirectory.deleteRecursively(dataDir);
        }
    }
}
