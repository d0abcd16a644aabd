package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.ODataClients;
import dev.ferry.common.plan.Plan;
import dev.ferry.common.plan.PlanProblem;
import dev.ferry.common.plan.PlanReadResult;
import dev.ferry.common.plan.PlanReader;
import dev.ferry.common.plan.PlanValidator;
import dev.ferry.common.plan.ProblemCode;
import dev.ferry.common.plan.TableSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads a plan strictly and validates it against the {@code $metadata} of its source and target,
 * gathering every problem: the reader's (unknown fields, wrong types), the validator's, and the
 * lookup cycles that cannot be broken ({@link LookupDeferral}).
 */
@ApplicationScoped
public class PlanChecker {

    private static final Logger LOG = Logger.getLogger(PlanChecker.class);

    private final PlanReader reader = new PlanReader();
    private final ODataClients clients;

    @Inject
    public PlanChecker(ODataClients clients) {
        this.clients = clients;
    }

    /** Reads and validates the plan's JSON text. */
    public CheckedPlan check(String json) {
        PlanReadResult read = reader.read(json == null ? "" : json);
        List<PlanProblem> problems = new ArrayList<>(read.problems());
        if (read.plan().isEmpty()) {
            return new CheckedPlan(read.plan(), problems, Map.of());
        }
        Plan plan = read.plan().get();
        Set<String> configured = clients.environments();
        Map<String, ServiceMetadata> metadata = metadataOf(plan, configured);
        problems.addAll(new PlanValidator(configured).validate(plan, metadata));
        if (problems.isEmpty()) {
            problems.addAll(loadOrderProblems(plan, metadata.get(plan.source())));
        }
        return new CheckedPlan(read.plan(), problems, metadata);
    }

    /**
     * Lookup cycles no deferral breaks (required lookups), found once the plan is otherwise valid,
     * since the graph needs the source's metadata of every table.
     */
    static List<PlanProblem> loadOrderProblems(Plan plan, ServiceMetadata source) {
        List<String> tables = plan.tables().stream().map(TableSpec::entitySet).toList();
        return TableGraph.of(tables, source).problems().stream()
                .map(message -> new PlanProblem(ProblemCode.UNBREAKABLE_CYCLE, "/tables", message))
                .toList();
    }

    /**
     * The metadata of the plan's configured environments; one that cannot be read is left out
     * (the validator reports it) and logged with the reason.
     */
    private Map<String, ServiceMetadata> metadataOf(Plan plan, Set<String> configured) {
        Set<String> environments = new LinkedHashSet<>();
        for (String environment : new String[] {plan.source(), plan.target()}) {
            if (environment != null && configured.contains(environment)) {
                environments.add(environment);
            }
        }
        Map<String, ServiceMetadata> metadata = new LinkedHashMap<>();
        for (String environment : environments) {
            try {
                metadata.put(environment, clients.client(environment).metadata());
            } catch (RuntimeException e) {
                LOG.warnf("Could not read the $metadata of environment '%s': %s", environment, e.getMessage());
            }
        }
        return metadata;
    }
}
