package dev.ferry.loader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.metadata.EntitySetInfo;
import dev.ferry.common.metadata.ForeignKeyStyle;
import dev.ferry.common.metadata.LookupColumn;
import dev.ferry.common.metadata.PropertyInfo;
import dev.ferry.common.metadata.ServiceKind;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.AttributeInfo;
import dev.ferry.common.plan.LookupRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the records of one table become the target's records, worked out once from the target's
 * metadata: which properties are written as they are (matched by name; those the target lacks
 * or cannot write are left out), and how each Dataverse lookup is written as
 * {@code <navigationProperty>@odata.bind}. Immutable and thread-safe.
 *
 * <p>A table whose plan defers some lookups (self-references, cycles) is loaded in two passes, each
 * with its own mapping ({@link #forPass}): the {@link LoadPass#ROWS rows pass} leaves the deferred
 * lookups out; the {@link LoadPass#DEFERRED_LOOKUPS deferred-lookups pass} writes only the key and
 * those lookups (binds, or plain foreign keys as they are), once every row exists.
 *
 * <p>A lookup value that points at a table the plan does not copy follows the plan's rule for the
 * lookup ({@link #withOutsideLookups}): {@code keep} binds it (the loader first checks the row
 * exists, see {@link #keptOutsideReferences}), {@code clear} writes the lookup empty
 * ({@code "<nav>@odata.bind": null}), {@code reject} refuses the record.
 */
public final class TableMapping {

    /** Every OData annotation (and control information) has an {@code @} in its name. */
    static final String ANNOTATION_MARK = "@";
    /** Dataverse's annotation naming the table a lookup value points at. */
    static final String LOOKUP_LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    /** Dataverse's read-only mirror of lookup {@code x}: never writable, lookups are written with binds. */
    private static final Pattern LOOKUP_VALUE_NAME = Pattern.compile("_.+_value");

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final String entitySet;
    private final List<String> keyProperties;
    private final Set<String> writable;
    private final Map<String, LookupBinding> lookups;
    private final LoadPass pass;
    /** The source's lookup properties ({@code _x_value} or plain foreign keys) deferred to the second pass. */
    private final Set<String> deferred;
    /** The lookups that can point outside the plan, by the source's lookup property. */
    private final Map<String, OutsideLookup> outside;

    private TableMapping(String entitySet, List<String> keyProperties, Set<String> writable,
            Map<String, LookupBinding> lookups, LoadPass pass, Set<String> deferred, Map<String, OutsideLookup> outside) {
        this.entitySet = entitySet;
        this.keyProperties = List.copyOf(keyProperties);
        this.writable = Set.copyOf(writable);
        this.lookups = Map.copyOf(lookups);
        this.pass = pass;
        this.deferred = Set.copyOf(deferred);
        this.outside = Map.copyOf(outside);
    }

    /**
     * The mapping of a target entity set.
     *
     * @param target     the target's metadata
     * @param entitySet  the target entity set
     * @param attributes the target's attribute definitions of the table by logical name (Dataverse);
     *                   empty when the service publishes none
     * @throws TargetTableException if the target has no such entity set or it has no key
     */
    public static TableMapping of(ServiceMetadata target, String entitySet, Map<String, AttributeInfo> attributes) {
        EntitySetInfo set = target.entitySet(entitySet)
                .orElseThrow(() -> new TargetTableException("The target has no entity set '" + entitySet + "'"));
        List<String> keys = set.recordIdProperties();
        if (keys.isEmpty()) {
            throw new TargetTableException("The target's entity set '" + entitySet + "' has no key");
        }
        Map<String, LookupBinding> lookups = new LinkedHashMap<>();
        for (LookupColumn column : set.lookupColumns()) {
            // Plain foreign keys (CategoryID) are ordinary properties: written as they are.
            if (column.lookups().get(0).foreignKeyStyle() != ForeignKeyStyle.LOOKUP_VALUE) {
                continue;
            }
            AttributeInfo attribute = attributes.get(column.logicalName());
            if (attribute != null && !attribute.validForCreate() && !attribute.validForUpdate()) {
                // A lookup the target sets itself (createdby, modifiedby): never bound, and so never
                // checked against a plan's rule for lookups outside the plan either.
                continue;
            }
            lookups.put(column.foreignKeyProperty(), LookupBinding.of(target, column));
        }
        Set<String> writable = new LinkedHashSet<>();
        for (PropertyInfo property : set.entityType().properties().values()) {
            if (keys.contains(property.name())
                    || isWritable(property, target.kind(), lookups.keySet(), attributes)) {
                writable.add(property.name());
            }
        }
        return new TableMapping(entitySet, keys, writable, lookups, LoadPass.ROWS, Set.of(), Map.of());
    }

    /**
     * The mapping of the same table for one pass of a load.
     *
     * @param pass            {@link LoadPass#ROWS}: every column but the deferred lookups;
     *                        {@link LoadPass#DEFERRED_LOOKUPS}: only the key and the deferred lookups
     * @param deferredLookups the source's lookup properties deferred to the second pass, e.g.
     *                        {@code _parentaccountid_value} or a plain foreign key such as {@code CategoryID}
     * @throws IllegalArgumentException for {@link LoadPass#ASSOCIATIONS}: associations are not mapped rows
     */
    public TableMapping forPass(LoadPass pass, Collection<String> deferredLookups) {
        if (Objects.requireNonNull(pass, "pass") == LoadPass.ASSOCIATIONS) {
            throw new IllegalArgumentException("An associations pass writes $ref links, not rows of " + entitySet);
        }
        return new TableMapping(entitySet, keyProperties, writable, lookups, pass, new LinkedHashSet<>(deferredLookups),
                outside);
    }

    /**
     * The same mapping with the plan's rules for lookups that can point outside the plan.
     *
     * @param outsideLookups the release's {@code outsideLookups}; a lookup value pointing at one of
     *                       their entity sets follows their rule, any other is bound as usual
     */
    public TableMapping withOutsideLookups(Collection<OutsideLookup> outsideLookups) {
        Map<String, OutsideLookup> byLookup = new LinkedHashMap<>();
        for (OutsideLookup lookup : outsideLookups) {
            byLookup.put(lookup.lookup(), lookup);
        }
        return new TableMapping(entitySet, keyProperties, writable, lookups, pass, deferred, byLookup);
    }

    private static boolean isWritable(PropertyInfo property, ServiceKind kind, Set<String> lookupValues,
            Map<String, AttributeInfo> attributes) {
        if (lookupValues.contains(property.name())) {
            return false;
        }
        if (kind == ServiceKind.DATAVERSE && LOOKUP_VALUE_NAME.matcher(property.name()).matches()) {
            // A lookup value without a navigation (e.g. _createdby_value when createdby is not exposed).
            return false;
        }
        if (!property.writableAsFarAsCsdlSays()) {
            return false;
        }
        AttributeInfo attribute = attributes.get(property.name());
        // Dataverse 9.x CSDL no longer marks read-only columns: the attribute metadata does. A column
        // that either a create or an update may set is written (an upsert may be either).
        return attribute == null || attribute.validForCreate() || attribute.validForUpdate();
    }

    /** The target entity set. */
    public String entitySet() {
        return entitySet;
    }

    /** The properties written as they are, the key included. */
    public Set<String> writableProperties() {
        return writable;
    }

    /** The Dataverse lookup columns ({@code _x_value}) written as binds, by foreign-key property. */
    public Set<String> lookupColumns() {
        return lookups.keySet();
    }

    /** The lookups that can point outside the plan, with their rules, by the source's lookup property. */
    public Map<String, OutsideLookup> outsideLookups() {
        return outside;
    }

    /** Which pass of the load this mapping writes. */
    public LoadPass pass() {
        return pass;
    }

    /** The source's lookup properties deferred to the second pass (none for a table loaded in one pass). */
    public Set<String> deferredLookups() {
        return deferred;
    }

    /**
     * The deferred lookups the target cannot write (it lacks them or they are read-only): the
     * deferred-lookups pass has nothing to write for them.
     */
    public Set<String> unwritableDeferredLookups() {
        Set<String> unwritable = new LinkedHashSet<>(deferred);
        unwritable.removeIf(name -> lookups.containsKey(name) || writable.contains(name));
        return unwritable;
    }

    /**
     * Whether a mapped record carries nothing to write: in the deferred-lookups pass, a record
     * whose deferred lookups are all null (or unwritable) maps to its key alone. Such a record is
     * acknowledged without a request. In the rows pass a record is always written.
     */
    public boolean writesNothing(ObjectNode mapped) {
        if (pass != LoadPass.DEFERRED_LOOKUPS) {
            return false;
        }
        for (Iterator<String> names = mapped.fieldNames(); names.hasNext(); ) {
            if (!keyProperties.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** The record's id: its (single) key property's value, if the record has one. */
    public Optional<String> recordIdOf(JsonNode source) {
        if (keyProperties.size() != 1) {
            return Optional.empty();
        }
        JsonNode id = source.get(keyProperties.get(0));
        return id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText());
    }

    /**
     * The record in the target's shape: the writable properties it has, in its order, then its
     * lookups as binds. A null lookup is left out: an upsert leaves the target's value as it is,
     * so a later sync cannot clear a lookup yet. The deferred lookups (and so their annotations,
     * which are only read for them) are left out in the rows pass; the deferred-lookups pass maps
     * the key and the deferred lookups only, and a null one is left out there too.
     *
     * <p>A lookup value pointing outside the plan follows its rule: bound ({@code keep}; whether
     * the row exists is the caller's check, {@link #keptOutsideReferences}), written empty
     * ({@code clear}) or refused ({@code reject}).
     *
     * @throws UnmappableRecordException if a lookup cannot be written (it points at a table the
     *                                   target's lookup cannot point at, or does not say which), or
     *                                   its value points outside the plan under the {@code reject} rule
     */
    public ObjectNode map(ObjectNode source) {
        ObjectNode target = NODES.objectNode();
        ObjectNode binds = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.contains(ANNOTATION_MARK)) {
                continue;
            }
            if (!writtenInThisPass(name)) {
                continue;
            }
            if (pass == LoadPass.DEFERRED_LOOKUPS && field.getValue().isNull()) {
                // A null deferred lookup: nothing to set in this pass.
                continue;
            }
            LookupBinding lookup = lookups.get(name);
            JsonNode value = field.getValue();
            if (lookup != null) {
                if (value != null && !value.isNull()) {
                    LookupTarget bind = bindTargetOf(lookup, name, source);
                    if (ruleFor(name, bind.entitySet(), value.asText()) == LookupRule.CLEAR) {
                        binds.putNull(bind.bindProperty());
                    } else {
                        binds.put(bind.bindProperty(), bind.bindValue(value.asText()));
                    }
                }
            } else if (writable.contains(name)) {
                String outsideSet = value == null || value.isNull() ? null : plainKeyOutsideSet(name);
                if (outsideSet != null && ruleFor(name, outsideSet, value.asText()) == LookupRule.CLEAR) {
                    target.putNull(name);
                } else {
                    target.set(name, value);
                }
            }
        }
        target.setAll(binds);
        return target;
    }

    /**
     * The record's lookup values that point outside the plan under the {@code keep} rule and are
     * written in this pass: bound by {@link #map} only if the row exists, which the caller checks
     * in bulk. Call it for a record {@link #map} accepted.
     */
    public List<OutsideReference> keptOutsideReferences(ObjectNode source) {
        List<OutsideReference> references = new ArrayList<>();
        for (OutsideLookup rule : outside.values()) {
            String name = rule.lookup();
            JsonNode value = source.get(name);
            if (rule.rule() != LookupRule.KEEP || value == null || value.isNull() || !writtenInThisPass(name)) {
                continue;
            }
            LookupBinding lookup = lookups.get(name);
            String set = lookup != null ? bindTargetOf(lookup, name, source).entitySet()
                    : writable.contains(name) ? plainKeyOutsideSet(name) : null;
            if (set != null && rule.entitySets().contains(set)) {
                references.add(new OutsideReference(rule, set, value.asText()));
            }
        }
        return references;
    }

    private static LookupTarget bindTargetOf(LookupBinding lookup, String name, ObjectNode source) {
        JsonNode logicalName = source.get(name + LOOKUP_LOGICAL_NAME);
        return lookup.targetFor(logicalName == null || logicalName.isNull() ? null : logicalName.asText());
    }

    /**
     * The plan's rule for a lookup value pointing at a row of {@code targetSet}: null when the lookup
     * has no rule or that table is in the plan.
     *
     * @throws UnmappableRecordException under the {@code reject} rule
     */
    private LookupRule ruleFor(String name, String targetSet, String id) {
        OutsideLookup rule = outside.get(name);
        if (rule == null || !rule.entitySets().contains(targetSet)) {
            return null;
        }
        if (rule.rule() == LookupRule.REJECT) {
            throw new UnmappableRecordException("Lookup " + rule.logicalName() + " (" + name + ") points at "
                    + targetSet + "(" + id + "), a table the plan does not copy, and the plan's rule for this lookup"
                    + " is reject. Add " + targetSet + " to the plan, or set the rule of lookup " + rule.logicalName()
                    + " to keep (bind it if the row exists in the target) or clear (load the record without it).");
        }
        return rule.rule();
    }

    /**
     * The entity set a plain foreign key (not a Dataverse bind) with an outside rule points at: its
     * only outside entity set, or null if it has no rule or several.
     */
    private String plainKeyOutsideSet(String name) {
        OutsideLookup rule = outside.get(name);
        return rule == null || rule.entitySets().size() != 1 ? null : rule.entitySets().get(0);
    }

    /** The rows pass writes all but the deferred lookups; the deferred-lookups pass the key and those alone. */
    private boolean writtenInThisPass(String name) {
        boolean isDeferred = deferred.contains(name);
        return switch (pass) {
            case ROWS -> !isDeferred;
            case DEFERRED_LOOKUPS -> isDeferred || keyProperties.contains(name);
            case ASSOCIATIONS -> false;
        };
    }
}
