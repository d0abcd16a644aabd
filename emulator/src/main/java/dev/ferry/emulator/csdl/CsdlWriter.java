package dev.ferry.emulator.csdl;

import static dev.ferry.emulator.csdl.DataverseCsdl.ALIAS;
import static dev.ferry.emulator.csdl.DataverseCsdl.ALTERNATE_KEY_RECORD;
import static dev.ferry.emulator.csdl.DataverseCsdl.BASE_ENTITY;
import static dev.ferry.emulator.csdl.DataverseCsdl.CONTAINER;
import static dev.ferry.emulator.csdl.DataverseCsdl.EDMX_NS;
import static dev.ferry.emulator.csdl.DataverseCsdl.EDM_NS;
import static dev.ferry.emulator.csdl.DataverseCsdl.NAMESPACE;
import static dev.ferry.emulator.csdl.DataverseCsdl.OWNERS_SET;
import static dev.ferry.emulator.csdl.DataverseCsdl.PERMISSION_READ;
import static dev.ferry.emulator.csdl.DataverseCsdl.PRINCIPAL;
import static dev.ferry.emulator.csdl.DataverseCsdl.PRINCIPAL_KEY;
import static dev.ferry.emulator.csdl.DataverseCsdl.PROPERTY_REF_RECORD;
import static dev.ferry.emulator.csdl.DataverseCsdl.TERM_ALTERNATE_KEYS;
import static dev.ferry.emulator.csdl.DataverseCsdl.TERM_COMPUTED;
import static dev.ferry.emulator.csdl.DataverseCsdl.TERM_PERMISSIONS;
import static dev.ferry.emulator.csdl.DataverseCsdl.qualified;
import static dev.ferry.emulator.csdl.XmlText.attr;

import dev.ferry.emulator.schema.AlternateKey;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.SchemaBuilder;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Schema} as the CSDL document Dataverse serves at {@code $metadata}, in the shape
 * of the real documents: namespace {@code Microsoft.Dynamics.CRM} (alias {@code mscrm}), every
 * table derived from the abstract {@code crmbaseentity}, systemuser and team derived from the
 * abstract {@code principal} (key {@code ownerid}), lookups as {@code _x_value} Edm.Guid
 * properties plus one single-valued navigation property per target (always
 * {@code Nullable="false"}, as Dataverse writes them), the referenced side's collection navigation
 * properties named after the relationship, N:N collection navigation properties on both sides,
 * alternate keys as {@code OData.Community.Keys.V1.AlternateKeys} annotations and an entity
 * container {@code System}.
 *
 * <p>As in the real documents, strings carry no MaxLength and decimals only {@code Scale="Variable"}:
 * lengths and precisions are told by the attribute metadata (EntityDefinitions).
 */
final class CsdlWriter {
    private static final int INITIAL_CAPACITY = 1 << 16;

    private final Schema schema;
    private final Set<String> principalTables = new LinkedHashSet<>();
    private final StringBuilder out = new StringBuilder(INITIAL_CAPACITY);

    private CsdlWriter(Schema schema) {
        this.schema = schema;
        for (String owner : SchemaBuilder.OWNER_TARGETS) {
            schema.table(owner).ifPresent(t -> principalTables.add(t.logicalName()));
        }
    }

    /** The CSDL document of a schema. */
    static String write(Schema schema) {
        return new CsdlWriter(schema).document();
    }

    private String document() {
        line(0, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        line(0, "<edmx:Edmx xmlns:edmx=\"" + EDMX_NS + "\" Version=\"4.0\">");
        reference(1, "http://vocabularies.odata.org/OData.Community.Keys.V1.xml", "OData.Community.Keys.V1", "Keys");
        reference(1, "http://vocabularies.odata.org/OData.Community.Display.V1.xml", "OData.Community.Display.V1",
                "Display");
        line(1, "<edmx:DataServices>");
        line(2, "<Schema xmlns=\"" + EDM_NS + "\" Namespace=\"" + NAMESPACE + "\" Alias=\"" + ALIAS + "\">");
        line(3, "<EntityType Name=\"" + BASE_ENTITY + "\" Abstract=\"true\"/>");
        if (!principalTables.isEmpty()) {
            principalType();
        }
        for (Table t : schema.tables()) {
            entityType(t);
        }
        container();
        line(2, "</Schema>");
        line(1, "</edmx:DataServices>");
        line(0, "</edmx:Edmx>");
        return out.toString();
    }

    private void reference(int depth, String uri, String namespace, String alias) {
        line(depth, "<edmx:Reference Uri=\"" + uri + "\">");
        line(depth + 1, "<edmx:Include Namespace=\"" + namespace + "\" Alias=\"" + alias + "\"/>");
        line(depth + 1, "<edmx:IncludeAnnotations TermNamespace=\"" + namespace + "\"/>");
        line(depth, "</edmx:Reference>");
    }

    private void principalType() {
        line(3, "<EntityType Name=\"" + PRINCIPAL + "\" BaseType=\"" + qualified(BASE_ENTITY) + "\" Abstract=\"true\">");
        key(4, PRINCIPAL_KEY);
        line(4, "<Property Name=\"" + PRINCIPAL_KEY + "\" Type=\"Edm.Guid\"/>");
        for (Nav nav : principalNavigations()) {
            nav.write(this, 4);
        }
        line(3, "</EntityType>");
    }

    /** The collection navigation properties of principal: one per table with an owner lookup. */
    private List<Nav> principalNavigations() {
        List<Nav> navs = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (c.type() == ColumnType.OWNER) {
                    for (String navigation : ownerNavigations(t, c)) {
                        navs.add(Nav.collection(DataverseCsdl.ownerPartner(navigation, t.entitySetName()),
                                t.logicalName(), navigation));
                    }
                }
            }
        }
        return navs;
    }

    private void entityType(Table t) {
        boolean principal = principalTables.contains(t.logicalName());
        line(3, "<EntityType Name=\"" + attr(t.logicalName()) + "\" BaseType=\""
                + qualified(principal ? PRINCIPAL : BASE_ENTITY) + "\">");
        // Dataverse repeats the inherited key on systemuser and team.
        key(4, principal ? PRINCIPAL_KEY : t.primaryId());
        for (Column c : t.columns()) {
            property(c);
        }
        for (Nav nav : navigations(t)) {
            nav.write(this, 4);
        }
        alternateKeys(t);
        line(3, "</EntityType>");
    }

    private void key(int depth, String property) {
        line(depth, "<Key>");
        line(depth + 1, "<PropertyRef Name=\"" + attr(property) + "\"/>");
        line(depth, "</Key>");
    }

    private void property(Column c) {
        StringBuilder sb = new StringBuilder("<Property Name=\"").append(attr(c.propertyName()))
                .append("\" Type=\"").append(c.type().edmType()).append('"');
        switch (c.type()) {
            case STRING, MEMO, MULTISELECTPICKLIST -> sb.append(" Unicode=\"false\"");
            case DECIMAL, MONEY -> sb.append(" Scale=\"Variable\"");
            default -> {
            }
        }
        if (!c.readOnly()) {
            line(4, sb.append("/>").toString());
            return;
        }
        line(4, sb.append('>').toString());
        if (c.type().isLookup()) {
            line(5, "<Annotation Term=\"" + TERM_COMPUTED + "\" Bool=\"true\"/>");
        }
        line(5, "<Annotation Term=\"" + TERM_PERMISSIONS + "\">");
        line(6, "<EnumMember>" + PERMISSION_READ + "</EnumMember>");
        line(5, "</Annotation>");
        line(4, "</Property>");
    }

    /** Every navigation property declared on a table's entity type, each name once. */
    List<Nav> navigations(Table t) {
        Map<String, Nav> navs = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            if (!c.type().isLookup()) {
                continue;
            }
            if (c.type() == ColumnType.OWNER) {
                for (String navigation : ownerNavigations(t, c)) {
                    navs.putIfAbsent(navigation, Nav.single(navigation, PRINCIPAL, c.propertyName(), PRINCIPAL_KEY,
                            DataverseCsdl.ownerPartner(navigation, t.entitySetName()), OWNERS_SET));
                }
                continue;
            }
            for (Relationship r : t.lookupRelationships()) {
                if (r.referencingAttribute().equals(c.name())) {
                    Table target = table(r.referencedTable());
                    navs.putIfAbsent(r.referencingNavigation(), Nav.single(r.referencingNavigation(),
                            target.logicalName(), c.propertyName(), target.primaryId(), r.schemaName(),
                            target.entitySetName()));
                }
            }
        }
        Set<String> inherited = principalTables.contains(t.logicalName()) ? principalNavigationNames() : Set.of();
        for (Relationship r : schema.relationshipsReferencing(t.logicalName())) {
            if (!inherited.contains(r.schemaName())) {
                navs.putIfAbsent(r.schemaName(), Nav.collection(r.schemaName(), r.referencingTable(),
                        r.referencingNavigation()).boundTo(table(r.referencingTable()).entitySetName()));
            }
        }
        for (ManyToMany m : schema.manyToManyOf(t.logicalName())) {
            String other = m.otherSide(t.logicalName());
            navs.putIfAbsent(m.schemaName(), Nav.collection(m.schemaName(), other, m.schemaName())
                    .boundTo(table(other).entitySetName()));
        }
        return new ArrayList<>(navs.values());
    }

    private Set<String> principalNavigationNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Nav n : principalNavigations()) {
            names.add(n.name());
        }
        return names;
    }

    /** Navigation properties of the principal type, with the entity sets they bind to. */
    private List<Nav> inheritedNavigations(Table t) {
        if (!principalTables.contains(t.logicalName())) {
            return List.of();
        }
        List<Nav> navs = new ArrayList<>();
        for (Nav n : principalNavigations()) {
            navs.add(n.boundTo(table(n.type()).entitySetName()));
        }
        return navs;
    }

    private static List<String> ownerNavigations(Table t, Column owner) {
        Set<String> names = new LinkedHashSet<>();
        for (Relationship r : t.lookupRelationships()) {
            if (r.referencingAttribute().equals(owner.name())) {
                names.add(r.referencingNavigation());
            }
        }
        return new ArrayList<>(names);
    }

    private void alternateKeys(Table t) {
        if (t.alternateKeys().isEmpty()) {
            return;
        }
        line(4, "<Annotation Term=\"" + TERM_ALTERNATE_KEYS + "\">");
        line(5, "<Collection>");
        for (AlternateKey k : t.alternateKeys()) {
            line(6, "<Record Type=\"" + ALTERNATE_KEY_RECORD + "\">");
            line(7, "<PropertyValue Property=\"Key\">");
            line(8, "<Collection>");
            for (String column : k.columns()) {
                String property = t.column(column).map(Column::propertyName).orElse(column);
                line(9, "<Record Type=\"" + PROPERTY_REF_RECORD + "\">");
                line(10, "<PropertyValue Property=\"Alias\" String=\"" + attr(property) + "\"/>");
                line(10, "<PropertyValue Property=\"Name\" PropertyPath=\"" + attr(property) + "\"/>");
                line(9, "</Record>");
            }
            line(8, "</Collection>");
            line(7, "</PropertyValue>");
            line(6, "</Record>");
        }
        line(5, "</Collection>");
        line(4, "</Annotation>");
    }

    private void container() {
        line(3, "<EntityContainer Name=\"" + CONTAINER + "\">");
        for (Table t : schema.tables()) {
            line(4, "<EntitySet Name=\"" + attr(t.entitySetName()) + "\" EntityType=\"" + NAMESPACE + "."
                    + attr(t.logicalName()) + "\">");
            List<Nav> navs = new ArrayList<>(inheritedNavigations(t));
            navs.addAll(navigations(t));
            for (Nav n : navs) {
                line(5, "<NavigationPropertyBinding Path=\"" + attr(n.name()) + "\" Target=\"" + attr(n.boundSet())
                        + "\"/>");
            }
            line(4, "</EntitySet>");
        }
        line(3, "</EntityContainer>");
    }

    private Table table(String logicalName) {
        return schema.table(logicalName).orElseThrow(() -> new IllegalStateException(
                "schema " + schema.name() + " refers to table " + logicalName + " which it lacks"));
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    /**
     * A navigation property: single-valued with its referential constraint, or a collection.
     *
     * @param type the entity type name (unqualified) of the property or of its collection's items
     * @param boundSet the entity set its EntitySet binding targets
     */
    record Nav(String name, String type, boolean isCollection, String partner, String constraintProperty,
            String referencedProperty, String boundSet) {

        static Nav single(String name, String type, String constraintProperty, String referencedProperty,
                String partner, String boundSet) {
            return new Nav(name, type, false, partner, constraintProperty, referencedProperty, boundSet);
        }

        static Nav collection(String name, String type, String partner) {
            return new Nav(name, type, true, partner, null, null, null);
        }

        Nav boundTo(String set) {
            return new Nav(name, type, isCollection, partner, constraintProperty, referencedProperty, set);
        }

        void write(CsdlWriter w, int depth) {
            if (isCollection) {
                w.line(depth, "<NavigationProperty Name=\"" + attr(name) + "\" Type=\"" + DataverseCsdl.collection(attr(type))
                        + "\" Partner=\"" + attr(partner) + "\"/>");
                return;
            }
            w.line(depth, "<NavigationProperty Name=\"" + attr(name) + "\" Type=\"" + qualified(attr(type))
                    + "\" Nullable=\"false\" Partner=\"" + attr(partner) + "\">");
            w.line(depth + 1, "<ReferentialConstraint Property=\"" + attr(constraintProperty)
                    + "\" ReferencedProperty=\"" + attr(referencedProperty) + "\"/>");
            w.line(depth, "</NavigationProperty>");
        }
    }
}
