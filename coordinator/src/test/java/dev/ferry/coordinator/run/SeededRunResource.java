package dev.ferry.coordinator.run;

import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.RunState;
import dev.ferry.common.contract.RunStatus;
import dev.ferry.common.contract.TableState;
import dev.ferry.common.contract.TableStatus;
import dev.ferry.common.contract.Topics;
import dev.ferry.common.plan.LookupRule;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanOptions;
import dev.ferry.common.plan.TableSpec;
import dev.ferry.coordinator.TestKafka;
import dev.ferry.testkit.SharedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What a coordinator that stopped in the middle of a run left on Kafka, written before the
 * coordinator under test starts: a running run on {@code ferry.runs} whose {@code accounts} was
 * released (its release is not on {@code ferry.control}: the test sees it sent again) and fully
 * extracted, and whose {@code opportunities} waits for it. The run id is handed to the test as
 * {@value #RUN_ID_PROPERTY}. A second run, on the sequential schedule and with entry details (a rule
 * for a lookup outside the plan), stopped while its first entry, {@code accounts}, was released and
 * still extracting: {@value #SEQUENTIAL_RUN_ID_PROPERTY}.
 */
public class SeededRunResource implements QuarkusTestResourceLifecycleManager {

    static final String RUN_ID_PROPERTY = "test.seeded-run-id";
    static final String SEQUENTIAL_RUN_ID_PROPERTY = "test.seeded-sequential-run-id";
    static final OutsideLookup PRIMARY_CONTACT = new OutsideLookup("_primarycontactid_value", "primarycontactid",
            List.of("contacts"), LookupRule.CLEAR);

    @Override
    public Map<String, String> start() {
        String runId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrapServers = SharedKafkaBroker.bootstrapServers();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers));
             TestKafka kafka = new TestKafka(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(Topics.data(runId, "accounts"), 3, (short) 1),
                    new NewTopic(Topics.data(runId, "opportunities"), 3, (short) 1))).all().get();
            Map<Integer, Long> accountEnds = kafka.produceRecords(Topics.data(runId, "accounts"), List.of("a1", "a2"));
            Map<Integer, Long> opportunityEnds = kafka.produceRecords(Topics.data(runId, "opportunities"),
                    List.of("o1"));
            Plan plan = new Plan("restart", "source", "target",
                    List.of(TableSpec.of("accounts"), TableSpec.of("opportunities")), PlanOptions.defaults());
            Map<String, TableState> tables = new LinkedHashMap<>();
            tables.put("accounts", new TableState(TableStatus.LOADING, 2, 0, 0, accountEnds, true, true, List.of(),
                    List.of(), null));
            tables.put("opportunities", new TableState(TableStatus.WAITING, 1, 0, 0, opportunityEnds, false, true,
                    List.of("accounts"), List.of(), null));
            Instant created = Instant.now();
            RunState run = new RunState(runId, plan, RunStatus.RUNNING, tables, created, created, null, null,
                    List.of());
            kafka.send(Topics.RUNS, runId, run);
        } catch (Exception e) {
            throw new IllegalStateException("Could not seed run " + runId + " on " + bootstrapServers, e);
        }
        return Map.of(RUN_ID_PROPERTY, runId, SEQUENTIAL_RUN_ID_PROPERTY, seedSequentialRun(bootstrapServers));
    }

    private static String seedSequentialRun(String bootstrapServers) {
        String runId = "restart-sequential-" + UUID.randomUUID().toString().substring(0, 8);
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers));
             RunStateLog log = new RunStateLog(Map.of("bootstrap.servers", bootstrapServers), Duration.ofSeconds(20))) {
            admin.createTopics(List.of(new NewTopic(Topics.data(runId, "accounts"), 3, (short) 1),
                    new NewTopic(Topics.data(runId, "opportunities"), 3, (short) 1))).all().get();
            Plan plan = new Plan("restart-sequential", "source", "target",
                    List.of(TableSpec.of("opportunities"), TableSpec.of("accounts")),
                    new PlanOptions(5000, 500, 16, "sequential"));
            Map<String, TableState> tables = new LinkedHashMap<>();
            tables.put("accounts", new TableState(TableStatus.LOADING, 1, 0, 0, Map.of(), true, false, List.of(),
                    List.of(), null));
            tables.put("opportunities", new TableState(TableStatus.WAITING, 0, 0, 0, Map.of(), false, false,
                    List.of("accounts"), List.of(), null));
            Instant created = Instant.now();
            RunState run = new RunState(runId, plan, RunStatus.RUNNING, tables, created, created, null, null,
                    List.of());
            RunDetails details = new RunDetails(Map.of(
                    "accounts", new EntryDetails("accounts", null, List.of(PRIMARY_CONTACT)),
                    "opportunities", new EntryDetails("opportunities", null, List.of())));
            log.write(run, details).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not seed run " + runId + " on " + bootstrapServers, e);
        }
        return runId;
    }

    @Override
    public void stop() {
        // The run stays on the shared broker, as a stopped coordinator's runs would.
    }
}
