package dev.ferry.testkit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a local Kafka broker until it is stopped: {@code java -jar ferry-kafka.jar --port 9092 --data-dir DIR}. */
@Command(name = "ferry-kafka", mixinStandardHelpOptions = true, versionProvider = KafkaBrokerMain.KafkaVersion.class,
        description = {
            "Runs a single-node Kafka broker (KRaft, broker and controller in one process) on 127.0.0.1.",
            "The data directory is formatted the first time only; data survives restarts.",
            "Prints 'Kafka broker ready at HOST:PORT' when clients can connect; stops cleanly on SIGTERM or Ctrl-C."
        })
public final class KafkaBrokerMain implements Callable<Integer> {

    /** First words of the line printed when the broker accepts clients; scripts wait for it. */
    public static final String READY_LINE_PREFIX = "Kafka broker ready at ";

    /** The classpath resource configuring log4j2 in the standalone jar: Kafka at WARN. */
    static final String LOG_CONFIG = "ferry-kafka-log4j2.xml";

    @Option(names = "--port", defaultValue = "9092",
            description = "Port of the broker (client) listener. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", defaultValue = ".ferry/kafka",
            description = "Directory of the broker's data, created and formatted if needed. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--controller-port", defaultValue = "0",
            description = "Port of the KRaft controller listener; only the broker itself connects to it."
                    + " Default: 0, a free port picked at each start.")
    int controllerPort;

    private final PrintStream out;
    private final PrintStream err;

    KafkaBrokerMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        useBundledLoggingConfig();
        int status = new CommandLine(new KafkaBrokerMain(System.out, System.err)).execute(args);
        // After a signal the JVM is already exiting with 128+signal (SIGTERM: 143); exit() then
        // just waits for the shutdown hook to finish stopping the broker.
        System.exit(status);
    }

    /**
     * The jar's own log4j2 configuration, unless the user names one: it must be set before
     * anything logs. It is not called {@code log4j2.xml} so that it never configures the
     * logging of an application that has the testkit on its class path.
     */
    private static void useBundledLoggingConfig() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(dataDir, port, controllerPort);
        } catch (KafkaBrokerException e) {
            err.println("Cannot start the Kafka broker: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker), "ferry-kafka-shutdown"));
        out.printf(Locale.ROOT, "%s%s (data dir %s, cluster id %s, started in %.1f s)%n", READY_LINE_PREFIX,
                broker.bootstrapServers(), broker.dataDir(), broker.clusterId(), (System.nanoTime() - started) / 1e9);
        out.flush();
        broker.awaitShutdown();
        return 0;
    }

    /** The version of the Kafka broker inside the jar. */
    static final class KafkaVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ferry-kafka: Apache Kafka " + AppInfoParser.getVersion()};
        }
    }

    private void stop(KafkaBroker broker) {
        long stopping = System.nanoTime();
        broker.close();
        out.printf(Locale.ROOT, "Kafka broker stopped (in %.1f s)%n", (System.nanoTime() - stopping) / 1e9);
        out.flush();
    }
}
