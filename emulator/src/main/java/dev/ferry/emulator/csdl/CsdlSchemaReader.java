package dev.ferry.emulator.csdl;

import static dev.ferry.emulator.csdl.DataverseCsdl.ASSOCIATION_SUFFIX;
import static dev.ferry.emulator.csdl.DataverseCsdl.BASE_ENTITY;
import static dev.ferry.emulator.csdl.DataverseCsdl.PRINCIPAL;
import static dev.ferry.emulator.csdl.DataverseCsdl.PRINCIPAL_KEY;
import static dev.ferry.emulator.csdl.DataverseCsdl.SYSTEM_LOOKUPS;

import dev.ferry.emulator.csdl.CsdlDocument.Constraint;
import dev.ferry.emulator.csdl.CsdlDocument.EntityTypeDecl;
import dev.ferry.emulator.csdl.CsdlDocument.NavigationDecl;
import dev.ferry.emulator.csdl.CsdlDocument.PropertyDecl;
import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Builds a {@link Schema} from a Dataverse {@code $metadata} document, so that the emulator can
 * serve the tables of a real environment.
 *
 * <p>Tables are the entity types derived from {@code crmbaseentity} that have an entity set.
 * Properties become columns by their EDM type; a {@code _x_value} property with single-valued
 * navigation properties whose {@code ReferentialConstraint} names it becomes a lookup (one target
 * per navigation property; polymorphic when several share it; an owner lookup when the navigation
 * property's type is {@code principal}); collection navigation properties partnered with
 * themselves become N:N relationships; {@code AlternateKeys} annotations become alternate keys.
 *
 * <p>CSDL does not tell everything attribute metadata does. What it lacks is filled in with
 * Dataverse's conventions: text columns get {@link #TEXT_MAX_LENGTH}, decimals
 * {@link #DECIMAL_PRECISION} places, doubles {@link #DOUBLE_PRECISION}; integer columns (option
 * sets included, whose options CSDL does not list) are plain integers; only owner lookups and
 * primary ids are required; the primary name is the first of {@link #PRIMARY_NAME_CANDIDATES}
 * the table has. Columns marked Computed or read-only, {@link #SYSTEM_READ_ONLY_COLUMNS} and
 * Dataverse's system lookups (createdby, owningbusinessunit, ...) are neither valid for create
 * nor for update; other lookups are writable through their navigation properties even though
 * Dataverse marks their {@code _x_value} properties read-only.
 */
public final class CsdlSchemaReader {
    /** Dataverse's largest String column: CSDL gives no lengths. */
    public static final int TEXT_MAX_LENGTH = 4000;
    /** Dataverse's largest Decimal precision: CSDL says only {@code Scale="Variable"}. */
    public static final int DECIMAL_PRECISION = 10;
    /** Dataverse's largest Double precision. */
    public static final int DOUBLE_PRECISION = 5;
    /** Columns taken as the primary name, first present wins: CSDL does not mark it. */
    public static final List<String> PRIMARY_NAME_CANDIDATES = List.of("name", "fullname", "subject", "title");
    /** Columns Dataverse always maintains itself, read-only even when a document does not say so. */
    public static final Set<String> SYSTEM_READ_ONLY_COLUMNS = Set.of("createdon", "modifiedon", "versionnumber");
    /** The targets of Dataverse's customer lookups. */
    private static final Set<String> CUSTOMER_TARGETS = Set.of("account", "contact");
    private static final String LOOKUP_PREFIX = "_";
    private static final String LOOKUP_SUFFIX = "_value";
    private static final String KEY_NAME_SUFFIX = "_key";
    private static final Logger LOG = Logger.getLogger(CsdlSchemaReader.class.getName());

    private final CsdlDocument doc;
    /** Every table of the document, by logical name, in document order. */
    private final Map<String, EntityTypeDecl> allTables = new LinkedHashMap<>();
    /** The tables the schema keeps. */
    private final Map<String, EntityTypeDecl> tables = new LinkedHashMap<>();

    private CsdlSchemaReader(CsdlDocument doc, Set<String> wanted, String source) {
        this.doc = doc;
        for (EntityTypeDecl t : doc.entityTypes().values()) {
            if (doc.entitySetByType().containsKey(t.name()) && derivesFrom(t, BASE_ENTITY)) {
                allTables.put(t.name(), t);
            }
        }
        if (wanted == null || wanted.isEmpty()) {
            tables.putAll(allTables);
            return;
        }
        List<String> missing = wanted.stream().filter(w -> !allTables.containsKey(w)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the metadata document " + source + " has no table " + missing
                    + " (it has " + allTables.size() + " tables, e.g. " + allTables.keySet().stream().limit(5).toList()
                    + ")");
        }
        allTables.forEach((name, t) -> {
            if (wanted.contains(name)) {
                tables.put(name, t);
            }
        });
    }

    /** Reads every table of a metadata document file; the schema is named after the file. */
    public static Schema read(Path file) {
        return read(file, Set.of());
    }

    /**
     * Reads the given tables of a metadata document file (all when {@code tables} is empty).
     * Lookups to tables left out are dropped, and polymorphic lookups keep only the targets kept.
     */
    public static Schema read(Path file, Set<String> tables) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, tables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metadata document " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the given tables (all when empty) of a metadata document into a schema named {@code schemaName}. */
    public static Schema read(InputStream in, String schemaName, Set<String> tables) {
        CsdlDocument doc = CsdlParser.parse(in, schemaName);
        return new CsdlSchemaReader(doc, tables, schemaName).build(schemaName);
    }

    private Schema build(String schemaName) {
        List<Table> built = new ArrayList<>();
        for (EntityTypeDecl t : tables.values()) {
            Table table = table(t);
            if (table != null) {
                built.add(table);
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        built.forEach(t -> kept.add(t.logicalName()));
        return new Schema(schemaName, built, manyToMany(kept));
    }

    private Table table(EntityTypeDecl t) {
        List<PropertyDecl> properties = inheritedProperties(t);
        String primaryId = primaryId(t, properties);
        if (primaryId == null) {
            LOG.fine(() -> "skipping entity type " + t.name() + ": it has no Edm.Guid key");
            return null;
        }
        Map<String, List<NavigationDecl>> navsByProperty = lookupNavigations(t);
        List<Column> columns = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (PropertyDecl p : properties) {
            Column c;
            if (navsByProperty.containsKey(p.name())) {
                c = lookup(t, p.name(), navsByProperty.get(p.name()), relationships);
            } else if (isLookupProperty(p.name())) {
                // A lookup to a table the document does not expose: nothing can be bound to it.
                c = null;
            } else {
                c = column(p, primaryId);
            }
            if (c != null && names.add(c.name())) {
                columns.add(c);
            }
        }
        boolean userOwned = columns.stream().anyMatch(c -> c.type() == ColumnType.OWNER);
        return new Table(t.name(), doc.entitySetByType().get(t.name()), primaryId, primaryName(columns), userOwned,
                columns, alternateKeys(t, names), relationships);
    }

    /** A table's own properties, then those of its base types (principal's key excepted). */
    private List<PropertyDecl> inheritedProperties(EntityTypeDecl t) {
        Map<String, PropertyDecl> byName = new LinkedHashMap<>();
        for (EntityTypeDecl type : chain(t)) {
            if (!type.name().equals(PRINCIPAL)) {
                type.properties().forEach(p -> byName.putIfAbsent(p.name(), p));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private List<NavigationDecl> inheritedNavigations(EntityTypeDecl t) {
        Map<String, NavigationDecl> byName = new LinkedHashMap<>();
        for (EntityTypeDecl type : chain(t)) {
            type.navigations().forEach(n -> byName.putIfAbsent(n.name(), n));
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The primary id: the key, except for systemuser and team whose key {@code ownerid} is
     * inherited from principal while their own id ({@code systemuserid}) is a property.
     */
    private String primaryId(EntityTypeDecl t, List<PropertyDecl> properties) {
        List<String> key = chain(t).stream().map(EntityTypeDecl::key).filter(k -> !k.isEmpty()).findFirst()
                .orElse(List.of());
        if (key.size() != 1) {
            return null;
        }
        String id = key.get(0);
        if (id.equals(PRINCIPAL_KEY) && derivesFrom(t, PRINCIPAL)) {
            id = t.name() + "id";
        }
        String finalId = id;
        boolean guid = properties.stream().anyMatch(p -> p.name().equals(finalId) && "Edm.Guid".equals(p.type()));
        return guid ? id : null;
    }

    /** Single-valued navigation properties constrained by a {@code _x_value} property, by that property. */
    private Map<String, List<NavigationDecl>> lookupNavigations(EntityTypeDecl t) {
        Map<String, List<NavigationDecl>> byProperty = new LinkedHashMap<>();
        for (NavigationDecl n : inheritedNavigations(t)) {
            if (n.isCollection()) {
                continue;
            }
            for (Constraint c : n.constraints()) {
                if (isLookupProperty(c.property())) {
                    byProperty.computeIfAbsent(c.property(), k -> new ArrayList<>()).add(n);
                }
            }
        }
        return byProperty;
    }

    private Column lookup(EntityTypeDecl t, String property, List<NavigationDecl> navs, List<Relationship> out) {
        String attribute = property.substring(LOOKUP_PREFIX.length(), property.length() - LOOKUP_SUFFIX.length());
        boolean owner = false;
        Set<String> documentTargets = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        List<Relationship> relationships = new ArrayList<>();
        for (NavigationDecl n : navs) {
            owner |= n.type().equals(PRINCIPAL);
            documentTargets.addAll(targetTables(n.type(), allTables));
            for (String target : targetTables(n.type(), tables)) {
                targets.add(target);
                relationships.add(new Relationship(relationshipName(t, n, target), target, t.name(), attribute,
                        n.name()));
            }
        }
        if (targets.isEmpty()) {
            return null;
        }
        out.addAll(relationships);
        ColumnType type = owner ? ColumnType.OWNER
                : documentTargets.equals(CUSTOMER_TARGETS) ? ColumnType.CUSTOMER : ColumnType.LOOKUP;
        boolean writable = !SYSTEM_LOOKUPS.contains(attribute);
        RequiredLevel level = owner ? RequiredLevel.SystemRequired : RequiredLevel.None;
        return new Column(attribute, type, 0, 0, level, writable, writable, true, Map.of(), List.copyOf(targets),
                attribute);
    }

    /** The tables a navigation property of the given type can point at: the type, or the tables derived from it. */
    private List<String> targetTables(String type, Map<String, EntityTypeDecl> among) {
        if (allTables.containsKey(type)) {
            return among.containsKey(type) ? List.of(type) : List.of();
        }
        if (type.equals(BASE_ENTITY)) {
            // Navigation properties to any record (e.g. an audit's subject) are no lookup columns.
            return List.of();
        }
        List<String> derived = new ArrayList<>();
        for (EntityTypeDecl t : among.values()) {
            if (derivesFrom(t, type)) {
                derived.add(t.name());
            }
        }
        return derived;
    }

    /**
     * The relationship behind one target of a lookup: the collection navigation property of the
     * target (or of a base of it) partnered with this navigation property, else the partner the
     * navigation property names, else a name made of both ends.
     */
    private String relationshipName(EntityTypeDecl referencing, NavigationDecl nav, String target) {
        Set<String> referencingTypes = new LinkedHashSet<>();
        chain(referencing).forEach(x -> referencingTypes.add(x.name()));
        for (EntityTypeDecl type : chain(doc.entityTypes().get(target))) {
            for (NavigationDecl n : type.navigations()) {
                if (n.isCollection() && nav.name().equals(n.partner()) && referencingTypes.contains(n.type())) {
                    return n.name();
                }
            }
        }
        return nav.partner() != null ? nav.partner() : referencing.name() + "_" + nav.name();
    }

    private Column column(PropertyDecl p, String primaryId) {
        ColumnType type = columnType(p.type());
        if (type == null) {
            return null;
        }
        int maxLength = type == ColumnType.STRING ? TEXT_MAX_LENGTH : 0;
        int precision = type == ColumnType.DECIMAL ? DECIMAL_PRECISION : type == ColumnType.DOUBLE ? DOUBLE_PRECISION : 0;
        if (p.name().equals(primaryId)) {
            return new Column(p.name(), type, 0, 0, RequiredLevel.SystemRequired, true, false, true, Map.of(),
                    List.of(), p.name());
        }
        boolean writable = !p.computed() && !p.readPermissionOnly() && !SYSTEM_READ_ONLY_COLUMNS.contains(p.name());
        return new Column(p.name(), type, maxLength, precision, RequiredLevel.None, writable, writable, true,
                Map.of(), List.of(), p.name());
    }

    /** The column type of an EDM primitive type; null for types the emulator does not store (binary, collections). */
    static ColumnType columnType(String edmType) {
        return switch (edmType) {
            case "Edm.String" -> ColumnType.STRING;
            case "Edm.Int32", "Edm.Int16", "Edm.Byte", "Edm.SByte" -> ColumnType.INTEGER;
            case "Edm.Int64" -> ColumnType.BIGINT;
            case "Edm.Decimal" -> ColumnType.DECIMAL;
            case "Edm.Double", "Edm.Single" -> ColumnType.DOUBLE;
            case "Edm.Boolean" -> ColumnType.BOOLEAN;
            case "Edm.DateTimeOffset" -> ColumnType.DATETIME;
            case "Edm.Date" -> ColumnType.DATEONLY;
            case "Edm.Guid" -> ColumnType.UNIQUEIDENTIFIER;
            default -> null;
        };
    }

    private static String primaryName(List<Column> columns) {
        for (String candidate : PRIMARY_NAME_CANDIDATES) {
            for (Column c : columns) {
                if (c.name().equals(candidate) && c.type() == ColumnType.STRING) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private List<AlternateKey> alternateKeys(EntityTypeDecl t, Set<String> columns) {
        List<AlternateKey> keys = new ArrayList<>();
        for (List<String> paths : t.alternateKeys()) {
            List<String> keyColumns = new ArrayList<>();
            for (String path : paths) {
                keyColumns.add(isLookupProperty(path)
                        ? path.substring(LOOKUP_PREFIX.length(), path.length() - LOOKUP_SUFFIX.length())
                        : path);
            }
            if (!keyColumns.isEmpty() && columns.containsAll(keyColumns)) {
                keys.add(new AlternateKey(String.join("_", keyColumns) + KEY_NAME_SUFFIX, keyColumns));
            }
        }
        return keys;
    }

    /**
     * N:N relationships: a collection navigation property partnered with itself, which the table
     * on the other side declares too. The intersect table is named after the relationship
     * ({@code accountleads_association} → {@code accountleads}): CSDL does not link them.
     */
    private List<ManyToMany> manyToMany(Set<String> kept) {
        Map<String, ManyToMany> found = new LinkedHashMap<>();
        for (String name : kept) {
            EntityTypeDecl t = tables.get(name);
            for (NavigationDecl n : t.navigations()) {
                if (!n.isCollection() || !n.name().equals(n.partner()) || !kept.contains(n.type())
                        || found.containsKey(n.name())) {
                    continue;
                }
                boolean otherSide = n.type().equals(name) || tables.get(n.type()).navigations().stream()
                        .anyMatch(o -> o.isCollection() && o.name().equals(n.name()) && o.type().equals(name));
                if (otherSide) {
                    String intersect = intersectName(n.name());
                    ManyToMany guess = new ManyToMany(n.name(), name, n.type(), intersect);
                    found.put(n.name(), new ManyToMany(n.name(), name, n.type(), intersect, intersectKey(guess)));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The key the document declares for the intersect entity type ({@code accountleadid} for
     * {@code accountleads}); null (no intersect entity set) when the document lacks that type or
     * its type lacks the two side id properties.
     */
    private String intersectKey(ManyToMany m) {
        return doc.type(m.intersectEntity())
                .filter(t -> t.key().size() == 1)
                .filter(t -> hasProperty(t, m.firstIdColumn()) && hasProperty(t, m.secondIdColumn()))
                .map(t -> t.key().get(0))
                .orElse(null);
    }

    private boolean hasProperty(EntityTypeDecl t, String name) {
        return inheritedProperties(t).stream().anyMatch(p -> p.name().equals(name));
    }

    private static String intersectName(String relationship) {
        String lower = relationship.toLowerCase(Locale.ROOT);
        return lower.endsWith(ASSOCIATION_SUFFIX) ? lower.substring(0, lower.length() - ASSOCIATION_SUFFIX.length())
                : lower;
    }

    private static boolean isLookupProperty(String property) {
        return property.length() > LOOKUP_PREFIX.length() + LOOKUP_SUFFIX.length()
                && property.startsWith(LOOKUP_PREFIX) && property.endsWith(LOOKUP_SUFFIX);
    }

    /** The type and its base types, nearest first. */
    private List<EntityTypeDecl> chain(EntityTypeDecl t) {
        List<EntityTypeDecl> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        EntityTypeDecl current = t;
        while (current != null && seen.add(current.name())) {
            chain.add(current);
            current = current.baseType() == null ? null : doc.entityTypes().get(current.baseType());
        }
        return chain;
    }

    private boolean derivesFrom(EntityTypeDecl t, String base) {
        return !t.name().equals(base) && chain(t).stream().anyMatch(x -> x.name().equals(base));
    }
}
