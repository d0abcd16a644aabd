package dev.ferry.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The TCP ports of the local stack. The defaults are fixed (DESIGN.md, "Local stack") so that people and
 * scripts find things; each is overridable with the option of {@link #OPTIONS}.
 */
record Ports(int source, int target, int kafka, int coordinator, int extractor, int loader) {

    static final int DEFAULT_SOURCE = 5551;
    static final int DEFAULT_TARGET = 5552;
    static final int DEFAULT_KAFKA = 9092;
    static final int DEFAULT_COORDINATOR = 8080;
    static final int DEFAULT_EXTRACTOR = 8081;
    static final int DEFAULT_LOADER = 8082;

    /** What listens on each port, and the option that changes it, in starting order. */
    private static final List<String[]> OPTIONS = List.of(
            new String[] {"kafka", "the Kafka broker", "--kafka-port"},
            new String[] {"source", "the source emulator", "--source-port"},
            new String[] {"target", "the target emulator", "--target-port"},
            new String[] {"extractor", "the extractor", "--extractor-port"},
            new String[] {"loader", "the loader", "--loader-port"},
            new String[] {"coordinator", "the coordinator", "--coordinator-port"});

    static Ports defaults() {
        return new Ports(DEFAULT_SOURCE, DEFAULT_TARGET, DEFAULT_KAFKA, DEFAULT_COORDINATOR, DEFAULT_EXTRACTOR,
                DEFAULT_LOADER);
    }

    /** One port with what listens on it and the option that changes it. */
    record Use(int port, String what, String option) {
    }

    /** Every port with its use, in starting order. */
    List<Use> uses() {
        Map<String, Integer> byKey = asMap();
        List<Use> uses = new ArrayList<>();
        for (String[] o : OPTIONS) {
            uses.add(new Use(byKey.get(o[0]), o[1], o[2]));
        }
        return uses;
    }

    /** Fails with exit status 2, naming the options, when a port is out of range or two share one. */
    void requireValid() {
        List<String> problems = new ArrayList<>();
        Map<Integer, Use> seen = new LinkedHashMap<>();
        for (Use use : uses()) {
            if (use.port() < 1 || use.port() > 65_535) {
                problems.add(use.option() + " " + use.port() + " is not a TCP port (1-65535)");
            } else if (seen.containsKey(use.port())) {
                problems.add(use.option() + " and " + seen.get(use.port()).option() + " are both " + use.port());
            } else {
                seen.put(use.port(), use);
            }
        }
        if (!problems.isEmpty()) {
            throw LauncherException.usage(String.join("; ", problems) + ": give each a different port.");
        }
    }

    String coordinatorUrl() {
        return "http://127.0.0.1:" + coordinator;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafka;
    }

    /** The port by its key in {@link #OPTIONS} and in the stack file. */
    private Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("kafka", kafka);
        map.put("source", source);
        map.put("target", target);
        map.put("extractor", extractor);
        map.put("loader", loader);
        map.put("coordinator", coordinator);
        return map;
    }

    /** As written in the stack file ({@code port.<key>=N}). */
    Properties toProperties() {
        Properties properties = new Properties();
        asMap().forEach((key, port) -> properties.setProperty("port." + key, Integer.toString(port)));
        return properties;
    }

    /** As read from the stack file; a missing or unreadable port takes its default. */
    static Ports fromProperties(Properties properties) {
        Ports d = defaults();
        return new Ports(read(properties, "source", d.source), read(properties, "target", d.target),
                read(properties, "kafka", d.kafka), read(properties, "coordinator", d.coordinator),
                read(properties, "extractor", d.extractor), read(properties, "loader", d.loader));
    }

    private static int read(Properties properties, String key, int fallback) {
        String value = properties.getProperty("port." + key);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
