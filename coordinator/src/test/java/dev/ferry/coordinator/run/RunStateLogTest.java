package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.AssociationTarget;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.testkit.BootstrapServers;
import dev.ferry.testkit.KafkaBrokerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The run store survives the coordinator: a second log on the same topic rebuilds the latest state
 * of every run, with its entries' details.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RunStateLogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** What a run's entries need beyond their state: an associations entry and a rule for a lookup outside the plan. */
    private static final RunDetails DETAILS = new RunDetails(Map.of(
            "accounts", new EntryDetails("accounts", null,
                    List.of(new OutsideLookup("_primarycontactid_value", "primarycontactid", List.of("contacts"),
                            LookupRule.CLEAR))),
            "accountleads_association--associations", new EntryDetails("accountleadscollection",
                    new AssociationTarget("accountleads_association", "accounts", "accountleads_association",
                            "accountid", "leads", "leadid"), List.of())));

    @Test
    void aNewLogRebuildsTheLatestStateOfEveryRunAndSkipsWhatItCannotRead(@BootstrapServers String servers)
            throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", servers);
        String first = "log-" + UUID.randomUUID();
        String second = "log-" + UUID.randomUUID();
        String removed = "log-" + UUID.randomUUID();
        try (RunStateLog writer = new RunStateLog(config, TIMEOUT)) {
            writer.write(state(first, RunStatus.ACCEPTED)).get();
            writer.write(state(second, RunStatus.RUNNING)).get();
            writer.write(state(removed, RunStatus.SUCCEEDED)).get();
            writer.write(state(first, RunStatus.RUNNING), DETAILS).get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RUNS, second, "not a run state".getBytes())).get();
            producer.send(new ProducerRecord<>(Topics.RUNS, removed, null)).get();
        }

        try (RunStateLog restarted = new RunStateLog(config, TIMEOUT)) {
            Map<String, StoredRun> runs = restarted.readAll();

            assertThat(runs.get(first).state().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(runs.get(first).state().tables()).containsKey("accounts");
            assertThat(runs.get(first).details()).isEqualTo(DETAILS);
            assertThat(runs.get(second).state().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(runs.get(second).details()).isEqualTo(RunDetails.none());
            assertThat(runs).doesNotContainKey(removed);
        }
    }

    private static RunState state(String runId, RunStatus status) {
        Plan plan = new Plan("p", "source", "target", List.of(TableSpec.of("accounts")), PlanOptions.defaults());
        Instant now = Instant.now();
        return new RunState(runId, plan, status, Map.of("accounts", TableState.waiting()), now, now, null, null,
                List.of("a note"));
    }
}
