package dev.ferry.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts of requests served, by outcome, for the admin endpoint and benchmarks. */
public final class RequestCounters {
    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder recordsWritten = new LongAdder();
    private final ConcurrentHashMap<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

    /** Counts one answered HTTP request (a {@code $batch} counts once, as in Dataverse's limits). */
    public void answered(int status) {
        requests.increment();
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status == 429) {
            throttled.increment();
        } else if (status >= 400) {
            failures.increment();
        }
    }

    /** Counts a request whose connection was reset on purpose (an injected fault). */
    public void connectionReset() {
        resets.increment();
        requests.increment();
    }

    public void recordsWritten(int n) {
        recordsWritten.add(n);
    }

    public long requests() { return requests.sum(); }
    public long throttled() { return throttled.sum(); }
    public long failures() { return failures.sum(); }
    public long connectionResets() { return resets.sum(); }
    public long recordsWritten() { return recordsWritten.sum(); }

    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> m = new TreeMap<>();
        byStatus.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public void clear() {
        requests.reset();
        throttled.reset();
        failures.reset();
        resets.reset();
        recordsWritten.reset();
        byStatus.clear();
    }
}
