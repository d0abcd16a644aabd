package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What ordering by dependencies costs and saves (issue 4, "Benchmark"): the crm sample (about
 * 50,000 rows and 15,000 account-lead links) copied three ways between emulators with a modelled
 * latency, in one stack, printed as a table. Not part of the suite (surefire skips
 * {@code *Benchmark}); it asserts only that every run succeeded, nothing about time:
 * {@code ./mvnw -B -o -pl e2e test -Dtest=RelationshipBenchmark}.
 */
class RelationshipBenchmark {
    /** A source that serves a page (up to 5,000 rows) in about a second, as a remote Dataverse does. */
    private static final List<String> SOURCE_LATENCY = List.of("--latency", "1000");
    /**
     * A target that answers as a remote Dataverse might: a fixed delay per request and a delay per
     * record written, so a 500-record batch takes about a second, and writes in flight matter.
     */
    private static final List<String> TARGET_LATENCY = List.of("--latency", "50", "--latency-per-record", "2");
    /** Far more than a run takes (about a minute): a run that stalls fails the benchmark instead of hanging it. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private static Stack stack;

    /** One measured run. */
    private record Measured(String label, String note, Duration time) {
    }

    @BeforeAll
    static void startStack() throws Exception {
        List<String> source = new ArrayList<>(List.of("--seed", CrmDataset.seed()));
        source.addAll(SOURCE_LATENCY);
        stack = Stack.start("RelationshipBenchmark", source, TARGET_LATENCY);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void comparesTheOrderedRunWithNoOrderAndWithOneTableAtATime() throws Exception {
        Map<String, JsonNode> sampleRows = new LinkedHashMap<>();
        for (CrmDataset.Table table : CrmDataset.TABLES) {
            sampleRows.put(table.logicalName(), stack.source().export(table.logicalName()).get(0));
        }
        long links = stack.source().tables().path("associations").path(CrmDataset.ASSOCIATION).asLong();

        // The services' first run pays for class loading, JIT and consumer group joins: not measured.
        measure("warm-up", "", CrmDataset.unorderedPlans("bench-warm-up", sampleRows));
        List<Measured> runs = List.of(
                measure("(a) Ferry: ordered by dependencies (default)", "every lookup, deferred passes, links",
                        List.of(CrmDataset.plan("bench-ordered"))),
                measure("(b) no ordering constraint: a run per table", "LOWER BOUND: no lookup between tables,"
                        + " no links; started together", CrmDataset.unorderedPlans("bench-unordered", sampleRows)),
                measure("(c) one table after another (schedule: sequential)", "what (a) copies, one entry at a time",
                        List.of(withSchedule(CrmDataset.plan("bench-sequential"), "sequential"))));

        System.out.println(report(runs, links));
    }

    /**
     * Empties the target, starts the plans at once, waits for every run to end, and returns the
     * time from the first accepted to the last finished, as the coordinator recorded them.
     */
    private static Measured measure(String label, String note, List<ObjectNode> plans) throws Exception {
        stack.target().reset();
        CoordinatorClient coordinator = stack.coordinator();
        List<String> runIds = new ArrayList<>();
        for (ObjectNode plan : plans) {
            String runId = coordinator.start(plan);
            // One run's topics at a time: runs created at the same moment sometimes fail to start
            // ("Failed describing topics …: This server does not host this topic-partition").
            coordinator.awaitRun(runId, "started", run -> !run.path("status").asText().equals("ACCEPTED"),
                    RUN_TIMEOUT);
            runIds.add(runId);
        }
        Instant accepted = null;
        Instant finished = null;
        long loaded = 0;
        for (String runId : runIds) {
            JsonNode run = coordinator.awaitFinished(runId, RUN_TIMEOUT);
            MigrationEndToEndTest.assertSucceededWithoutRejections(coordinator, runId, run);
            Instant createdAt = Instant.parse(run.path("createdAt").asText());
            Instant finishedAt = Instant.parse(run.path("finishedAt").asText());
            accepted = accepted == null || createdAt.isBefore(accepted) ? createdAt : accepted;
            finished = finished == null || finishedAt.isAfter(finished) ? finishedAt : finished;
            loaded += run.path("loaded").asLong();
        }
        assertThat(loaded).as("rows loaded by %s (runs %s)", label, runIds).isGreaterThanOrEqualTo(CrmDataset.rows());
        Duration time = Duration.between(accepted, finished);
        System.out.printf("%s: %s in %.1f s%n", label, runIds, time.toMillis() / 1000.0);
        return new Measured(label, note, time);
    }

    private static ObjectNode withSchedule(ObjectNode plan, String schedule) {
        plan.putObject("options").put("schedule", schedule);
        return plan;
    }

    private static String report(List<Measured> runs, long links) {
        double ordered = runs.get(0).time().toMillis();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nRelationshipBenchmark: crm sample, %,d rows in 6 tables and %,d"
                        + " account-lead links; source %s ms per request; target %s ms per request + %s ms per record;"
                        + " default options (batch 500, 16 writes in flight)%n", CrmDataset.rows(), links,
                SOURCE_LATENCY.get(1), TARGET_LATENCY.get(1), TARGET_LATENCY.get(3)));
        text.append(String.format(Locale.ROOT, "| %-52s | %8s | %7s | %7s | %s%n", "run", "time", "rows/s", "vs (a)",
                "note"));
        for (Measured run : runs) {
            double millis = run.time().toMillis();
            text.append(String.format(Locale.ROOT, "| %-52s | %6.1f s | %,7.0f | %6.2fx | %s%n", run.label(),
                    millis / 1000, CrmDataset.rows() * 1000.0 / millis, millis / ordered, run.note()));
        }
        text.append("rows/s: the 6 tables' rows over the time from the first run accepted to the last finished."
                + " (a) and (c) copy every lookup (second passes for self-references and the account/contact cycle)"
                + " and the links; (b) is a bound no real migration reaches: it leaves out every lookup between"
                + " tables and the links.");
        return text.toString();
    }
}
