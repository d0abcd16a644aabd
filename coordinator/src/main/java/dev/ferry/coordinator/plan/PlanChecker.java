package dev.ferry.coordinator.plan;

import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.ManyToManyRelationship;
import dev.ferry.common.odata.ODataClient;
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
 * lookup cycles that cannot be broken ({@link LookupDeferral}). A plan otherwise valid has its
 * tables' many-to-many relationships read from both sides, for its associations entries.
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
        PlanRelationships relationships = PlanRelationships.none();
        if (problems.isEmpty()) {
            List<ManyToManyRelationship> source = relationshipsOf(plan, plan.source(), metadata, problems);
            List<ManyToManyRelationship> target = relationshipsOf(plan, plan.target(), metadata, problems);
            relationships = new PlanRelationships(source, target);
        }
        return new CheckedPlan(read.plan(), problems, metadata, relationships);
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
     * The many-to-many relationships of the plan's tables in one environment, each once; a table whose
     * relationships cannot be read is a problem, since its associations would silently not be copied.
     */
    private List<ManyToManyRelationship> relationshipsOf(Plan plan, String environment,
                                                         Map<String, ServiceMetadata> metadata,
                                                         List<PlanProblem> problems) {
        ODataClient client = clients.client(environment);
        Map<String, ManyToManyRelationship> bySchemaName = new LinkedHashMap<>();
        for (int index = 0; index < plan.tables().size(); index++) {
            String table = plan.tables().get(index).entitySet();
            EntitySetInfo set = metadata.get(environment).entitySet(table).orElse(null);
            if (set == null) {
                continue;
            }
            try {
                client.manyToManyRelationships(set.entityType().name())
                        .forEach(relationship -> bySchemaName.putIfAbsent(relationship.schemaName(), relationship));
            } catch (RuntimeException e) {
                LOG.warnf("Could not read the many-to-many relationships of %s in environment '%s': %s", table,
                        environment, e.getMessage());
                problems.add(new PlanProblem(ProblemCode.METADATA_UNAVAILABLE, "/tables/" + index + "/entitySet",
                        "The many-to-many relationships of " + table + " could not be read from environment '"
                                + environment + "' (" + e.getMessage() + "), so its associations cannot be planned."
                                + " Check that the environment is reachable and try again."));
            }
        }
        return List.copyOf(bySchemaName.values());
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
