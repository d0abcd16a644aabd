package dev.ferry.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.Topics;
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

/** The run store survives the coordinator: a second log on the same topic rebuilds the latest state of every run. */
@ExtendWith(KafkaBrokerExtension.class)
class RunStateLogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

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
            writer.write(state(first, RunStatus.RUNNING)).get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RUNS, second, "not a run state".getBytes())).get();
            producer.send(new ProducerRecord<>(Topics.RUNS, removed, null)).get();
        }

        try (RunStateLog restarted = new RunStateLog(config, TIMEOUT)) {
            Map<String, RunState> runs = restarted.readAll();

            assertThat(runs.get(first).status()).isEqualTo(RunStatus.RUNNING);
            assertThat(runs.get(first).tables()).containsKey("accounts");
            assertThat(runs.get(second).status()).isEqualTo(RunStatus.RUNNING);
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
