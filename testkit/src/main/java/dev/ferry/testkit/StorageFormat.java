package dev.ferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft data directory the first time it is used, and never again: a formatted
 * directory keeps its cluster id in {@code meta.properties}, and formatting it again with
 * another id would fail (or, worse, orphan its data).
 */
final class StorageFormat {

    static final String META_PROPERTIES = "meta.properties";

    private StorageFormat() {
    }

    /** Formats {@code dataDir} unless it already is, and returns its cluster id. */
    static String ensureFormatted(Path dataDir, Path serverProperties) {
        Path meta = dataDir.resolve(META_PROPERTIES);
        if (!Files.exists(meta)) {
            format(dataDir, serverProperties, Uuid.randomUuid().toString());
        }
        return clusterId(meta);
    }

    private static void format(Path dataDir, Path serverProperties, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // Returns a status instead of exiting the JVM (StorageTool.main would exit).
            status = StorageTool.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", serverProperties.toString(), "--ignore-formatted"
            }, out);
        } catch (RuntimeException e) {
            throw new KafkaBrokerException("Cannot format the Kafka data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (status != 0) {
            throw new KafkaBrokerException("Cannot format the Kafka data directory " + dataDir + " (status " + status
                    + "): " + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static String clusterId(Path meta) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot read " + meta + ": " + e.getMessage(), e);
        }
        String id = properties.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new KafkaBrokerException(meta + " has no cluster.id: the directory was not formatted by Kafka."
                    + " Delete it, or point the broker at another data directory");
        }
        return id;
    }
}
