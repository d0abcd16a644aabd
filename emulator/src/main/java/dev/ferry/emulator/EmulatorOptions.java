package dev.ferry.emulator;

import dev.ferry.emulator.schema.CrmSchema;
import dev.ferry.emulator.schema.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an emulated environment behaves. Every limit, delay and fault is off by default; each is
 * switched on by its own setter (and command-line option of {@code EmulatorMain}).
 */
public final class EmulatorOptions {
    /** Dataverse's default and largest page size. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 5000;
    /** Dataverse's service protection window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private String host = "127.0.0.1";
    private int port = 0;
    private Schema schema = CrmSchema.build();
    private Map<String, Integer> seed = new LinkedHashMap<>();
    private long randomSeed = 42L;
    private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    private int threads = 64;

    private int requestsPerWindow = 0;
    private Duration executionTimePerWindow = Duration.ZERO;
    private int maxConcurrentRequests = 0;
    private Duration window = DEFAULT_WINDOW;

    private Duration fixedLatency = Duration.ZERO;
    private Duration randomLatency = Duration.ZERO;
    private Duration latencyPerRecordWritten = Duration.ZERO;

    private double failureRate = 0.0;
    private double resetRate = 0.0;

    private boolean requireBearerToken = false;
    private String bearerToken = null;

    public static EmulatorOptions defaults() {
        return new EmulatorOptions();
    }

    public String host() { return host; }
    public int port() { return port; }
    public Schema schema() { return schema; }
    /** Rows to generate per table logical name at start. */
    public Map<String, Integer> seed() { return seed; }
    /** Seed of the random generator behind generated data: same seed, same rows. */
    public long randomSeed() { return randomSeed; }
    public int maxPageSize() { return maxPageSize; }
    /** Threads serving requests: the most requests in progress at once (delays included). */
    public int threads() { return threads; }
    /** Requests allowed per caller per window; 0 = unlimited. Dataverse: 6,000 per 5 minutes. */
    public int requestsPerWindow() { return requestsPerWindow; }
    /** Combined execution time allowed per caller per window; zero = unlimited. Dataverse: 20 minutes. */
    public Duration executionTimePerWindow() { return executionTimePerWindow; }
    /** Concurrent requests allowed per caller; 0 = unlimited. Dataverse: 52. */
    public int maxConcurrentRequests() { return maxConcurrentRequests; }
    /** The sliding window of the service protection limits. */
    public Duration window() { return window; }
    public Duration fixedLatency() { return fixedLatency; }
    /** Upper bound of a uniformly random delay added to the fixed latency. */
    public Duration randomLatency() { return randomLatency; }
    public Duration latencyPerRecordWritten() { return latencyPerRecordWritten; }
    /** Fraction (0..1) of requests answered 503. */
    public double failureRate() { return failureRate; }
    /** Fraction (0..1) of requests whose connection is reset without an answer. */
    public double resetRate() { return resetRate; }
    public boolean requireBearerToken() { return requireBearerToken; }
    /** The one token accepted when bearer tokens are required; null accepts any non-empty token. */
    public String bearerToken() { return bearerToken; }

    public EmulatorOptions host(String v) { this.host = v; return this; }
    public EmulatorOptions port(int v) { this.port = v; return this; }
    public EmulatorOptions schema(Schema v) { this.schema = v; return this; }
    public EmulatorOptions seed(Map<String, Integer> v) { this.seed = new LinkedHashMap<>(v); return this; }
    public EmulatorOptions randomSeed(long v) { this.randomSeed = v; return this; }
    public EmulatorOptions maxPageSize(int v) { this.maxPageSize = v; return this; }
    public EmulatorOptions threads(int v) { this.threads = v; return this; }
    public EmulatorOptions requestsPerWindow(int v) { this.requestsPerWindow = v; return this; }
    public EmulatorOptions executionTimePerWindow(Duration v) { this.executionTimePerWindow = v; return this; }
    public EmulatorOptions maxConcurrentRequests(int v) { this.maxConcurrentRequests = v; return this; }
    public EmulatorOptions window(Duration v) { this.window = v; return this; }
    public EmulatorOptions fixedLatency(Duration v) { this.fixedLatency = v; return this; }
    public EmulatorOptions randomLatency(Duration v) { this.randomLatency = v; return this; }
    public EmulatorOptions latencyPerRecordWritten(Duration v) { this.latencyPerRecordWritten = v; return this; }
    public EmulatorOptions failureRate(double v) { this.failureRate = v; return this; }
    public EmulatorOptions resetRate(double v) { this.resetRate = v; return this; }
    public EmulatorOptions requireBearerToken(boolean v) { this.requireBearerToken = v; return this; }
    public EmulatorOptions bearerToken(String v) { this.bearerToken = v; return this; }
}
