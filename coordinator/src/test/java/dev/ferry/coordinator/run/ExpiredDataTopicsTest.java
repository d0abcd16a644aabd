package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.TableSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpiredDataTopicsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final List<String> TOPICS = List.of("ferry.data.old-1.accounts", "ferry.data.old-1.accounts--lookups",
            "ferry.data.old-10.accounts", "ferry.data.recent-1.accounts", "ferry.data.running-1.accounts",
            "ferry.dlq.old-1", "ferry.runs");

    @Test
    void choosesTheDataTopicsOfRunsFinishedLongerThanTheRetentionAgoAndNothingElse() {
        List<RunState> runs = List.of(run("old-1", RunStatus.SUCCEEDED, NOW.minus(Duration.ofHours(2))),
                run("recent-1", RunStatus.FAILED, NOW.minus(Duration.ofMinutes(30))),
                run("running-1", RunStatus.RUNNING, null));

        Map<String, Set<String>> expired = ExpiredDataTopics.of(runs, TOPICS, NOW, RETENTION);

        // Not ferry.data.old-10.*: another run whose id starts the same; not the dead letters.
        assertThat(expired).containsOnlyKeys("old-1");
        assertThat(expired.get("old-1")).containsExactly("ferry.data.old-1.accounts", "ferry.data.old-1.accounts--lookups");
    }

    @Test
    void aRunFinishedExactlyTheRetentionAgoHasExpired() {
        List<RunState> runs = List.of(run("recent-1", RunStatus.CANCELLED, NOW.minus(RETENTION)));

        assertThat(ExpiredDataTopics.of(runs, TOPICS, NOW, RETENTION)).containsOnlyKeys("recent-1");
    }

    private static RunState run(String runId, RunStatus status, Instant finishedAt) {
        Plan plan = new Plan("p", "source", "target", List.of(TableSpec.of("accounts")), null);
        return new RunState(runId, plan, status, Map.of(), NOW.minus(Duration.ofDays(1)), NOW, finishedAt, null, List.of());
    }
}
