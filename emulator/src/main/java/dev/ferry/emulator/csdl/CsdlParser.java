package dev.ferry.emulator.csdl;

import dev.ferry.emulator.csdl.CsdlDocument.Constraint;
import dev.ferry.emulator.csdl.CsdlDocument.EntityTypeDecl;
import dev.ferry.emulator.csdl.CsdlDocument.NavigationDecl;
import dev.ferry.emulator.csdl.CsdlDocument.PropertyDecl;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the entity types and entity sets of a CSDL document with the JDK's StAX parser, in one
 * pass. Complex types, enums, actions and functions are skipped: a schema needs none of them.
 */
final class CsdlParser {
    private static final String COLLECTION_PREFIX = "Collection(";

    private final XMLStreamReader xml;
    private final List<String> namespacePrefixes = new ArrayList<>();
    private final Map<String, EntityTypeDecl> types = new LinkedHashMap<>();
    private final Map<String, String> entitySets = new LinkedHashMap<>();

    private TypeBuilder type;
    private PropertyBuilder property;
    private NavigationBuilder navigation;
    private boolean inKey;
    private String annotationTerm;
    private StringBuilder annotationText;
    /** Depth of the AlternateKeys annotation being read, 0 outside one. */
    private int alternateKeysDepth;
    private int depth;
    private List<String> keyColumns;

    private CsdlParser(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Parses a whole document; throws {@link IllegalArgumentException} naming what is wrong. */
    static CsdlDocument parse(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A metadata document needs no DTD; refusing them shuts out entity expansion attacks.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return new CsdlParser(xml).read();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("cannot read the CSDL document " + source + ": " + e.getMessage(), e);
        }
    }

    private CsdlDocument read() throws XMLStreamException {
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    start(xml.getLocalName());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    end(xml.getLocalName());
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS -> {
                    if (annotationText != null) {
                        annotationText.append(xml.getText());
                    }
                }
                default -> {
                }
            }
        }
        return new CsdlDocument(types, entitySets);
    }

    private void start(String element) {
        switch (element) {
            case "Schema" -> {
                addPrefix(attribute("Namespace"));
                addPrefix(attribute("Alias"));
            }
            case "EntityType" -> type = new TypeBuilder(attribute("Name"), unqualified(attribute("BaseType")),
                    "true".equals(attribute("Abstract")));
            case "Key" -> inKey = type != null;
            case "PropertyRef" -> {
                if (inKey) {
                    type.key.add(attribute("Name"));
                }
            }
            case "Property" -> {
                if (type != null) {
                    property = new PropertyBuilder(attribute("Name"), attribute("Type"));
                }
            }
            case "NavigationProperty" -> {
                if (type != null) {
                    String t = attribute("Type");
                    boolean isCollection = t.startsWith(COLLECTION_PREFIX);
                    String item = isCollection ? t.substring(COLLECTION_PREFIX.length(), t.length() - 1) : t;
                    navigation = new NavigationBuilder(attribute("Name"), unqualified(item), isCollection,
                            attribute("Partner"));
                }
            }
            case "ReferentialConstraint" -> {
                if (navigation != null) {
                    navigation.constraints.add(new Constraint(attribute("Property"), attribute("ReferencedProperty")));
                }
            }
            case "Annotation" -> startAnnotation();
            case "Record" -> {
                if (alternateKeysDepth > 0 && endsWith(attribute("Type"), "AlternateKey")) {
                    keyColumns = new ArrayList<>();
                }
            }
            case "PropertyValue" -> {
                if (keyColumns != null && "Name".equals(attribute("Property")) && attribute("PropertyPath") != null) {
                    keyColumns.add(attribute("PropertyPath"));
                }
            }
            case "EntitySet" -> entitySets.put(unqualified(attribute("EntityType")), attribute("Name"));
            default -> {
            }
        }
    }

    private void startAnnotation() {
        String term = attribute("Term");
        if (term == null || type == null) {
            return;
        }
        if (property != null) {
            annotationTerm = term;
            annotationText = new StringBuilder();
            if (endsWith(term, "Core.V1.Computed") || term.equals("Core.Computed")) {
                property.computed = !"false".equals(attribute("Bool"));
            }
        } else if (navigation == null && alternateKeysDepth == 0 && endsWith(term, "AlternateKeys")) {
            alternateKeysDepth = depth;
        }
    }

    private void end(String element) {
        switch (element) {
            case "EntityType" -> {
                if (type != null) {
                    types.put(type.name, type.build());
                    type = null;
                }
            }
            case "Key" -> inKey = false;
            case "Property" -> {
                if (property != null) {
                    type.properties.add(property.build());
                    property = null;
                }
            }
            case "NavigationProperty" -> {
                if (navigation != null) {
                    type.navigations.add(navigation.build());
                    navigation = null;
                }
            }
            case "Annotation" -> endAnnotation();
            case "Record" -> {
                if (keyColumns != null && alternateKeysDepth > 0 && depth == alternateKeysDepth + 2) {
                    type.alternateKeys.add(List.copyOf(keyColumns));
                    keyColumns = null;
                }
            }
            default -> {
            }
        }
    }

    private void endAnnotation() {
        if (property != null && annotationTerm != null) {
            if (endsWith(annotationTerm, "Core.V1.Permissions") || annotationTerm.equals("Core.Permissions")) {
                property.readPermissionOnly = readOnly(annotationText.toString());
            }
            annotationTerm = null;
            annotationText = null;
        } else if (alternateKeysDepth == depth) {
            alternateKeysDepth = 0;
        }
    }

    /** Whether a PermissionType flags value grants reading alone (members are space-separated). */
    private static boolean readOnly(String permissions) {
        String[] members = permissions.trim().split("\\s+");
        for (String m : members) {
            if (!m.endsWith("/Read")) {
                return false;
            }
        }
        return members.length > 0 && !members[0].isEmpty();
    }

    private void addPrefix(String prefix) {
        if (prefix != null && !prefix.isEmpty()) {
            namespacePrefixes.add(prefix + ".");
        }
    }

    private String unqualified(String name) {
        if (name == null) {
            return null;
        }
        for (String prefix : namespacePrefixes) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private String attribute(String name) {
        return xml.getAttributeValue(null, name);
    }

    private static boolean endsWith(String s, String suffix) {
        return s != null && s.endsWith(suffix);
    }

    /** An entity type being read. */
    private static final class TypeBuilder {
        final String name;
        final String baseType;
        final boolean isAbstract;
        final List<String> key = new ArrayList<>();
        final List<PropertyDecl> properties = new ArrayList<>();
        final List<NavigationDecl> navigations = new ArrayList<>();
        final List<List<String>> alternateKeys = new ArrayList<>();

        TypeBuilder(String name, String baseType, boolean isAbstract) {
            this.name = name;
            this.baseType = baseType;
            this.isAbstract = isAbstract;
        }

        EntityTypeDecl build() {
            return new EntityTypeDecl(name, baseType, isAbstract, List.copyOf(key), List.copyOf(properties),
                    List.copyOf(navigations), List.copyOf(alternateKeys));
        }
    }

    /** A property being read. */
    private static final class PropertyBuilder {
        final String name;
        final String type;
        boolean computed;
        boolean readPermissionOnly;

        PropertyBuilder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        PropertyDecl build() {
            return new PropertyDecl(name, type, computed, readPermissionOnly);
        }
    }

    /** A navigation property being read. */
    private static final class NavigationBuilder {
        final String name;
        final String type;
        final boolean isCollection;
        final String partner;
        final List<Constraint> constraints = new ArrayList<>();

        NavigationBuilder(String name, String type, boolean isCollection, String partner) {
            this.name = name;
            this.type = type;
            this.isCollection = isCollection;
            this.partner = partner;
        }

        NavigationDecl build() {
            return new NavigationDecl(name, type, isCollection, partner, List.copyOf(constraints));
        }
    }
}
