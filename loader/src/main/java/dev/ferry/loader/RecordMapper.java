package dev.ferry.loader;

import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.metadata.ServiceKind;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.AttributeInfo;
import dev.ferry.common.odata.ODataClient;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Hands out the {@link TableMapping} of each target table and load pass, worked out from the
 * target's {@code $metadata} and (Dataverse) attribute definitions on first use and kept for the
 * life of the loader. Thread-safe.
 */
@Singleton
public class RecordMapper {

    private static final Logger LOG = Logger.getLogger(RecordMapper.class);

    /**
     * What a mapping depends on. The same entity set is loaded in two passes (rows, then deferred
     * lookups) with different mappings, so the pass and the deferred lookups are part of the key; so
     * are the rules for lookups outside the plan, which differ between plans.
     */
    private record MappingKey(String environment, String entitySet, LoadPass pass, Set<String> deferredLookups,
                              Set<OutsideLookup> outsideLookups) {
    }

    /** By environment and entity set: read from the target once, whatever the passes. */
    private final Map<MappingKey, TableMapping> baseMappings = new ConcurrentHashMap<>();
    private final Map<MappingKey, TableMapping> mappings = new ConcurrentHashMap<>();

    /**
     * The mapping of {@code entitySet} in the client's environment for a table loaded in one pass.
     *
     * @see #mappingFor(ODataClient, TableReleased)
     */
    public TableMapping mappingFor(ODataClient client, String entitySet) {
        return mappingFor(client, entitySet, LoadPass.ROWS, List.of());
    }

    /**
     * The mapping of a released table's entity set for the release's pass, deferred lookups and
     * rules for lookups outside the plan (not for an associations pass: it maps no rows).
     */
    public TableMapping mappingFor(ODataClient client, TableReleased table) {
        return mappingFor(client, table.entitySet(), table.pass(), table.deferredLookups(), table.outsideLookups());
    }

    /**
     * The mapping of {@code entitySet} in the client's environment for one pass. Reading the
     * metadata may fail (the client's {@code ODataException}); nothing is cached then, and the
     * next call tries again.
     */
    public TableMapping mappingFor(ODataClient client, String entitySet, LoadPass pass, List<String> deferredLookups) {
        return mappingFor(client, entitySet, pass, deferredLookups, List.of());
    }

    /**
     * The mapping of {@code entitySet} for one pass, with the plan's rules for lookups that can point
     * outside the plan; see {@link #mappingFor(ODataClient, String, LoadPass, List)}.
     */
    public TableMapping mappingFor(ODataClient client, String entitySet, LoadPass pass, List<String> deferredLookups,
            List<OutsideLookup> outsideLookups) {
        MappingKey key = new MappingKey(client.environment(), entitySet, pass, Set.copyOf(deferredLookups),
                Set.copyOf(outsideLookups));
        TableMapping known = mappings.get(key);
        if (known != null) {
            return known;
        }
        TableMapping base = baseMappingFor(client, entitySet);
        TableMapping forPass = key.pass() == LoadPass.ROWS && key.deferredLookups().isEmpty()
                ? base : base.forPass(pass, deferredLookups);
        TableMapping built = outsideLookups.isEmpty() ? forPass : forPass.withOutsideLookups(outsideLookups);
        TableMapping raced = mappings.putIfAbsent(key, built);
        if (raced == null && !built.unwritableDeferredLookups().isEmpty()) {
            LOG.warnf("The target %s cannot write the deferred lookups %s of %s (it lacks them or they are read-only):"
                    + " the %s pass leaves them out", client.environment(), built.unwritableDeferredLookups(), entitySet,
                    pass);
        }
        return raced == null ? built : raced;
    }

    private TableMapping baseMappingFor(ODataClient client, String entitySet) {
        MappingKey key = new MappingKey(client.environment(), entitySet, LoadPass.ROWS, Set.of(), Set.of());
        TableMapping known = baseMappings.get(key);
        if (known != null) {
            return known;
        }
        // Built outside the map's lock: it reads over HTTP. Two threads may build it at once; both
        // results are the same.
        TableMapping built = build(client, entitySet);
        TableMapping raced = baseMappings.putIfAbsent(key, built);
        return raced == null ? built : raced;
    }

    private static TableMapping build(ODataClient client, String entitySet) {
        ServiceMetadata metadata = client.metadata();
        Map<String, AttributeInfo> attributes = Map.of();
        if (metadata.kind() == ServiceKind.DATAVERSE) {
            String logicalName = metadata.entitySet(entitySet)
                    .orElseThrow(() -> new TargetTableException("The target " + client.environment()
                            + " has no entity set '" + entitySet + "'"))
                    .entityType().name();
            attributes = client.attributes(logicalName);
        }
        return TableMapping.of(metadata, entitySet, attributes);
    }
}
