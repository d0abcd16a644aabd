package dev.ferry.emulator.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import dev.ferry.emulator.store.Store;
import dev.ferry.emulator.store.TableStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as Dataverse writes entities in JSON: {@code @odata.etag} first, then the selected
 * properties (lookups as {@code _x_value} guids), each preceded by the instance annotations the
 * client asked for (FormattedValue; for lookups also associatednavigationproperty and
 * lookuplogicalname), then any expanded lookups as nested objects (without etag, as Dataverse
 * writes them). Built once per response for one selection; {@link #write} is the per-row hot
 * path. Also used by writes answering {@code Prefer: return=representation}.
 */
public final class RowWriter {
    /** Shared factory: Jackson factories are thread-safe and costly to build. */
    public static final JsonFactory JSON = new JsonFactory();

    private static final SerializedString ETAG = new SerializedString("@odata.etag");
    private static final SerializedString CONTEXT = new SerializedString("@odata.context");
    private static final String FORMATTED_SUFFIX = "@" + IncludeAnnotations.FORMATTED_VALUE;
    private static final String NAVIGATION_SUFFIX = "@" + IncludeAnnotations.ASSOCIATED_NAVIGATION_PROPERTY;
    private static final String LOGICAL_NAME_SUFFIX = "@" + IncludeAnnotations.LOOKUP_LOGICAL_NAME;

    private final Store store;
    private final Selection selection;
    private final IncludeAnnotations annotations;
    private final List<Expansion> expansions;
    private final int versionSlot;
    private final PropertyPlan[] plan;
    private final ExpansionPlan[] expansionPlan;

    private RowWriter(Store store, Selection selection, IncludeAnnotations annotations, List<Expansion> expansions,
            boolean withEtag) {
        this.store = store;
        this.selection = selection;
        this.annotations = annotations;
        this.expansions = List.copyOf(expansions);
        Table table = selection.table();
        this.versionSlot = withEtag ? table.indexOf("versionnumber") : -1;
        this.plan = new PropertyPlan[selection.columns().size()];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = new PropertyPlan(table, selection.columns().get(i));
        }
        this.expansionPlan = new ExpansionPlan[expansions.size()];
        for (int i = 0; i < expansionPlan.length; i++) {
            expansionPlan[i] = new ExpansionPlan(store, expansions.get(i));
        }
    }

    /** A writer for rows of {@code selection.table()} with these columns and annotations. */
    public static RowWriter of(Store store, Selection selection, IncludeAnnotations annotations) {
        return new RowWriter(store, selection, annotations, List.of(), true);
    }

    /** A writer that also writes the referenced rows of expanded lookups. */
    public static RowWriter of(Store store, Selection selection, IncludeAnnotations annotations,
            List<Expansion> expansions) {
        return new RowWriter(store, selection, annotations, expansions, true);
    }

    public Selection selection() {
        return selection;
    }

    /** What follows the entity set in {@code @odata.context}: {@code (name,primarycontactid(fullname))} or empty. */
    public String contextSuffix() {
        return expansions.isEmpty() ? selection.contextSuffix() : ExpandParser.contextOf(selection, expansions);
    }

    /** Writes one row as a JSON object (no {@code @odata.context}: that belongs to the document). */
    public void write(JsonGenerator g, Row row) throws IOException {
        g.writeStartObject();
        writeProperties(g, row);
        g.writeEndObject();
    }

    /**
     * A whole single-entity response body: {@code @odata.context} ({@code <root>$metadata#accounts(name)/$entity}),
     * then the row as {@link #write} writes it.
     */
    public byte[] entityDocument(String serviceRoot, Row row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(CONTEXT);
            g.writeString(serviceRoot + "$metadata#" + selection.table().entitySetName() + contextSuffix() + "/$entity");
            writeProperties(g, row);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an entity to memory", e);
        }
        return out.toByteArray();
    }

    /** The weak etag of a row, {@code W/"<versionnumber>"}, or null when it has no version. */
    public static String etag(Table table, Row row) {
        int slot = table.indexOf("versionnumber");
        Object version = slot < 0 ? null : row.get(slot);
        return version == null ? null : "W/\"" + version + "\"";
    }

    private void writeProperties(JsonGenerator g, Row row) throws IOException {
        Object version = versionSlot < 0 ? null : row.get(versionSlot);
        if (version != null) {
            g.writeFieldName(ETAG);
            g.writeString("W/\"" + version + "\"");
        }
        for (PropertyPlan p : plan) {
            Object value = row.get(p.slot);
            if (value != null) {
                writeAnnotations(g, p, value);
            }
            g.writeFieldName(p.name);
            ValueCodec.write(g, p.column, value);
        }
        for (ExpansionPlan e : expansionPlan) {
            e.write(g, row);
        }
    }

    private void writeAnnotations(JsonGenerator g, PropertyPlan p, Object value) throws IOException {
        if (p.lookup) {
            LookupValue lookup = (LookupValue) value;
            if (annotations.formattedValue()) {
                String name = p.primaryName(store, lookup);
                if (name != null) {
                    g.writeFieldName(p.formattedName);
                    g.writeString(name);
                }
            }
            if (annotations.associatedNavigationProperty()) {
                String navigation = p.navigationByTarget.get(lookup.table());
                if (navigation != null) {
                    g.writeFieldName(p.navigationName);
                    g.writeString(navigation);
                }
            }
            if (annotations.lookupLogicalName()) {
                g.writeFieldName(p.logicalNameName);
                g.writeString(lookup.table());
            }
        } else if (annotations.formattedValue()) {
            String formatted = ValueCodec.formatted(p.column, value);
            if (formatted != null) {
                g.writeFieldName(p.formattedName);
                g.writeString(formatted);
            }
        }
    }

    /** Writes one expanded lookup: the referenced row as a nested object, or null. */
    private static final class ExpansionPlan {
        final SerializableString name;
        final int slot;
        final Store store;
        final Map<String, RowWriter> writerByTarget = new HashMap<>();

        ExpansionPlan(Store store, Expansion expansion) {
            this.store = store;
            this.name = new SerializedString(expansion.navigation());
            this.slot = expansion.slot();
            expansion.targets().forEach((table, target) -> writerByTarget.put(table,
                    new RowWriter(store, target.selection(), IncludeAnnotations.NONE, target.nested(), false)));
        }

        void write(JsonGenerator g, Row row) throws IOException {
            g.writeFieldName(name);
            Object value = row.get(slot);
            if (value instanceof LookupValue lookup && writerByTarget.containsKey(lookup.table())) {
                Row target = store.table(lookup.table()).get(lookup.id()).orElse(null);
                if (target != null) {
                    writerByTarget.get(lookup.table()).write(g, target);
                    return;
                }
            }
            g.writeNull();
        }
    }

    /** What is precomputed for one property so that writing a row does no lookups by name. */
    private static final class PropertyPlan {
        final Column column;
        final int slot;
        final boolean lookup;
        final SerializableString name;
        final SerializableString formattedName;
        final SerializableString navigationName;
        final SerializableString logicalNameName;
        final Map<String, String> navigationByTarget = new HashMap<>();

        PropertyPlan(Table table, Column column) {
            this.column = column;
            this.slot = table.indexOf(column);
            this.lookup = column.type().isLookup();
            String property = column.propertyName();
            this.name = new SerializedString(property);
            this.formattedName = new SerializedString(property + FORMATTED_SUFFIX);
            this.navigationName = new SerializedString(property + NAVIGATION_SUFFIX);
            this.logicalNameName = new SerializedString(property + LOGICAL_NAME_SUFFIX);
            if (lookup) {
                for (String target : column.targets()) {
                    table.relationship(column.name(), target)
                            .map(Relationship::referencingNavigation)
                            .ifPresent(nav -> navigationByTarget.put(target, nav));
                }
            }
        }

        /** The referenced row's primary name: Dataverse's FormattedValue of a lookup. */
        String primaryName(Store store, LookupValue lookup) {
            TableStore target = store.table(lookup.table());
            String primaryName = target.table().primaryName();
            if (primaryName == null) {
                return null;
            }
            return target.get(lookup.id())
                    .map(r -> r.get(target.table().indexOf(primaryName)))
                    .map(Object::toString)
                    .orElse(null);
        }
    }
}
