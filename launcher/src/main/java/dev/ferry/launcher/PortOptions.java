package dev.ferry.launcher;

import picocli.CommandLine.Option;

/** The port options of {@code up} and {@code demo}. */
final class PortOptions {
    @Option(names = "--source-port", paramLabel = "PORT",
            description = "Port of the source emulator (default: ${DEFAULT-VALUE}).")
    int source = Ports.DEFAULT_SOURCE;

    @Option(names = "--target-port", paramLabel = "PORT",
            description = "Port of the target emulator (default: ${DEFAULT-VALUE}).")
    int target = Ports.DEFAULT_TARGET;

    @Option(names = "--kafka-port", paramLabel = "PORT",
            description = "Port of the Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafka = Ports.DEFAULT_KAFKA;

    @Option(names = "--coordinator-port", paramLabel = "PORT",
            description = "HTTP port of the coordinator (default: ${DEFAULT-VALUE}).")
    int coordinator = Ports.DEFAULT_COORDINATOR;

    @Option(names = "--extractor-port", paramLabel = "PORT",
            description = "HTTP port of the extractor (default: ${DEFAULT-VALUE}).")
    int extractor = Ports.DEFAULT_EXTRACTOR;

    @Option(names = "--loader-port", paramLabel = "PORT",
            description = "HTTP port of the loader (default: ${DEFAULT-VALUE}).")
    int loader = Ports.DEFAULT_LOADER;

    Ports ports() {
        return new Ports(source, target, kafka, coordinator, extractor, loader);
    }
}
