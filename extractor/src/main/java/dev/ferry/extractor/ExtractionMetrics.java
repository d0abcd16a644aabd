package dev.ferry.extractor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The extractor's meters, tagged by run and table: {@code ferry.records.extracted} (records
 * acknowledged by Kafka), {@code ferry.pages.read} (pages read from the source) and
 * {@code ferry.page.read} (the time to read one page).
 */
@ApplicationScoped
public class ExtractionMetrics {

    static final String RECORDS_EXTRACTED = "ferry.records.extracted";
    static final String PAGES_READ = "ferry.pages.read";
    static final String PAGE_READ_TIME = "ferry.page.read";

    private final MeterRegistry registry;

    @Inject
    public ExtractionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A page was read from the source in {@code elapsed}. */
    public void pageRead(String runId, String table, Duration elapsed) {
        Tags tags = tags(runId, table);
        Counter.builder(PAGES_READ).description("Pages read from the source").tags(tags).register(registry)
                .increment();
        Timer.builder(PAGE_READ_TIME).description("Time to read one page from the source").tags(tags)
                .register(registry).record(elapsed);
    }

    /** Kafka acknowledged {@code count} more records of the table. */
    public void recordsExtracted(String runId, String table, int count) {
        Counter.builder(RECORDS_EXTRACTED).description("Records produced to the data topic and acknowledged")
                .tags(tags(runId, table)).register(registry).increment(count);
    }

    private static Tags tags(String runId, String table) {
        return Tags.of("run", runId, "table", table);
    }
}
