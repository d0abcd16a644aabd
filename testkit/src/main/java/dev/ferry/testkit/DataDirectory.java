package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Creates, checks and deletes the directories a broker keeps its data in. */
final class DataDirectory {

    private DataDirectory() {
    }

    /** Creates {@code dir} if needed and fails clearly when the broker could not write there. */
    static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new KafkaBrokerException("The Kafka data directory " + absolute + " is a file, not a directory");
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot create the Kafka data directory " + absolute + ": " + e, e);
        }
        if (!Files.isWritable(absolute)) {
            throw new KafkaBrokerException("The Kafka data directory " + absolute + " is not writable");
        }
        return absolute;
    }

    static Path createTemporary() {
        try {
            return Files.createTempDirectory("ferry-kafka-");
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot create a temporary Kafka data directory: " + e, e);
        }
    }

    static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone: nothing left to delete.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the temporary Kafka data directory " + dir, e);
        }
    }
}
