package dev.ferry.testkit;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one in-process broker of a test JVM: started on first use on a free port with a
 * temporary data directory, shared by every test, stopped when the JVM exits.
 *
 * <p>Test frameworks may load this class more than once: Quarkus loads test resources and
 * test classes through class loaders of its own, and a new one for each application restart.
 * Each copy would have its own static state and start its own broker. So every copy hands the
 * call to the copy in the system class loader, which outlives them all.
 */
public final class SharedKafkaBroker {

    private static final String[] KAFKA_LOG_CATEGORIES = {"kafka", "org.apache.kafka", "state.change.logger"};

    /** Strong references: java.util.logging forgets the level of a logger that is garbage collected. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private static KafkaBroker broker;

    private SharedKafkaBroker() {
    }

    /** The shared broker's bootstrap servers, starting it if this is the first call in the JVM. */
    public static String bootstrapServers() {
        Class<?> jvmWide = jvmWideCopy();
        if (jvmWide == SharedKafkaBroker.class) {
            return startOnce();
        }
        try {
            return (String) jvmWide.getMethod("bootstrapServers").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new KafkaBrokerException("The shared Kafka broker failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KafkaBrokerException("Cannot reach the shared Kafka broker in the system class loader: " + e, e);
        }
    }

    private static Class<?> jvmWideCopy() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (SharedKafkaBroker.class.getClassLoader() == system) {
            return SharedKafkaBroker.class;
        }
        try {
            return Class.forName(SharedKafkaBroker.class.getName(), true, system);
        } catch (ClassNotFoundException e) {
            // The testkit is not on the system class path (an isolated test class loader):
            // this copy is the only one there is, so it owns the broker.
            return SharedKafkaBroker.class;
        }
    }

    private static synchronized String startOnce() {
        if (broker == null) {
            quietKafkaLogging();
            KafkaBroker started = KafkaBroker.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ferry-shared-kafka-shutdown"));
            broker = started;
        }
        return broker.bootstrapServers();
    }

    /**
     * Kafka logs hundreds of INFO lines while starting. In a Quarkus test JVM its SLF4J calls
     * reach JBoss LogManager, a java.util.logging implementation, before the application's own
     * {@code quarkus.log.category} settings are applied; raise the level there. Log4j2 (this
     * module's own tests, the standalone jar) is configured by its configuration file instead.
     */
    private static void quietKafkaLogging() {
        for (String category : KAFKA_LOG_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
            QUIETED.add(logger);
        }
    }
}
