package dev.ferry.emulator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.schema.CrmSchema;
import dev.ferry.emulator.seed.SeedResult;
import dev.ferry.emulator.seed.Seeder;
import dev.ferry.emulator.store.Store;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeds a million crm rows and prints how long it took and how much heap the rows hold. Not part
 * of the suite (surefire leaves out *Benchmark); run it with
 * {@code ./mvnw -B -o -pl emulator test -Dtest=SeedBenchmark}.
 */
class SeedBenchmark {
    private static final long MB = 1024 * 1024;

    @Test
    void seedsAMillionRows() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("systemuser", 500);
        counts.put("team", 50);
        counts.put("account", 200_000);
        counts.put("contact", 500_000);
        counts.put("lead", 200_000);
        counts.put("opportunity", 100_000);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedAfterGc(memory);

        Store store = new Store(CrmSchema.build(), Clock.systemUTC());
        SeedResult result = new Seeder(store, 42).seed(counts);

        long heapAfter = usedAfterGc(memory);
        double seconds = result.elapsed().toNanos() / 1e9;
        System.out.printf("SeedBenchmark: %,d rows and %,d links in %.1f s (%,.0f rows/s); heap held by the store %,d MB"
                        + " (%,d bytes per row); max heap %,d MB%n",
                result.totalRows(), result.associations().values().stream().mapToLong(Long::longValue).sum(), seconds,
                result.totalRows() / seconds, (heapAfter - heapBefore) / MB,
                (heapAfter - heapBefore) / result.totalRows(), memory.getHeapMemoryUsage().getMax() / MB);
        assertThat(store.table("contact").size()).isEqualTo(500_000);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        // Two collections: the first may only promote what the second frees.
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
