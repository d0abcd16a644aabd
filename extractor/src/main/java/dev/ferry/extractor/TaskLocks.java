package dev.ferry.extractor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One task per table (or slice) at a time in this extractor: a task delivered twice (the
 * coordinator sent it again, the group redelivered it) waits for the one running, then finds its
 * completion checkpoint and only reports it again, instead of producing every record twice.
 * Extractors of other processes are not held back: a task redelivered to another member after a
 * rebalance may run twice, which costs duplicates, never data.
 */
@ApplicationScoped
public class TaskLocks {

    private final Map<String, Held> held = new HashMap<>();

    /**
     * Runs the work once no other work of the same key runs here.
     *
     * @param onWait told when the work has to wait (for a log line)
     * @throws ExtractionStoppedException when interrupted while waiting
     */
    public <T> T runExclusively(String key, Runnable onWait, Supplier<T> work) {
        Held lock;
        synchronized (held) {
            lock = held.computeIfAbsent(key, k -> new Held());
            lock.users++;
        }
        try {
            if (!lock.lock.tryLock()) {
                onWait.run();
                lock.lock.lockInterruptibly();
            }
            try {
                return work.get();
            } finally {
                lock.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionStoppedException("Interrupted while waiting for the same task to finish");
        } finally {
            synchronized (held) {
                if (--lock.users == 0) {
                    held.remove(key);
                }
            }
        }
    }

    /** Whether work of that key is running or waiting here (for tests). */
    boolean isHeld(String key) {
        synchronized (held) {
            return held.containsKey(key);
        }
    }

    private static final class Held {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;
    }
}
