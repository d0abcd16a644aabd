package dev.ferry.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second broker away from a data directory that a broker already uses, in this JVM or
 * in another process. Kafka's own {@code .lock} is not enough: the broker takes it only after
 * the controller has started and written to the metadata log in the same directory, so a
 * second broker corrupts the first one's metadata before Kafka refuses it.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = ".ferry.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot create the lock file " + file + ": " + e, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir, "another process", null);
            }
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw closing(channel, inUse(dataDir, "another broker in this JVM", e));
        } catch (IOException e) {
            throw closing(channel, new KafkaBrokerException("Cannot lock " + file + ": " + e, e));
        } catch (KafkaBrokerException e) {
            throw closing(channel, e);
        }
    }

    private static KafkaBrokerException inUse(Path dataDir, String user, Throwable cause) {
        return new KafkaBrokerException("The Kafka data directory " + dataDir + " is in use by " + user
                + ": stop that broker or choose another data directory", cause);
    }

    private static KafkaBrokerException closing(FileChannel channel, KafkaBrokerException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot release the lock on the Kafka data directory: " + e, e);
        }
    }
}
