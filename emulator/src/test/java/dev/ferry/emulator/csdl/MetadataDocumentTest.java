package dev.ferry.emulator.csdl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.domain.ClientServiceDocument;
import org.apache.olingo.client.api.edm.xml.XMLMetadata;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityContainer;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmReferentialConstraint;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlCollection;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlPropertyValue;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlRecord;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code $metadata} and the service document of the built-in crm schema, read by Apache Olingo. */
class MetadataDocumentTest {
    private static final String NS = "Microsoft.Dynamics.CRM";
    private static Emulator emulator;
    private static byte[] metadata;
    private final ODataClient olingo = ODataClientFactory.getClient();

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        HttpResponse<byte[]> r = CsdlHttp.get(emulator.baseUrl() + "$metadata");
        assertThat(r.statusCode()).isEqualTo(200);
        metadata = r.body();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void servesWellFormedXmlWithODataHeaders() throws Exception {
        HttpResponse<byte[]> r = CsdlHttp.get(emulator.baseUrl() + "$metadata");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(r.headers().firstValue("OData-Version")).hasValue("4.0");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("Edmx");
    }

    @Test
    void olingoFindsEveryEntitySetOfTheSchema() {
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(metadata));
        EdmEntityContainer container = edm.getEntityContainer();
        assertThat(container.getName()).isEqualTo("System");
        assertThat(container.getEntitySets()).extracting(EdmEntitySet::getName)
                .containsExactlyInAnyOrder("systemusers", "teams", "accounts", "contacts", "leads", "opportunities",
                        "accountleadscollection");
        assertThat(container.getEntitySet("accounts").getEntityType().getFullQualifiedName())
                .isEqualTo(new FullQualifiedName(NS, "account"));
    }

    @Test
    void lookupsAreNavigationPropertiesConstrainedByTheirValueProperty() {
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(metadata));
        EdmEntityType account = edm.getEntityType(new FullQualifiedName(NS, "account"));
        assertThat(account.getBaseType().getName()).isEqualTo("crmbaseentity");
        assertThat(account.getKeyPredicateNames()).containsExactly("accountid");
        assertThat(account.getProperty("_parentaccountid_value").getType().getFullQualifiedName().toString())
                .isEqualTo("Edm.Guid");

        EdmNavigationProperty parent = account.getNavigationProperty("parentaccountid");
        assertThat(parent.isCollection()).isFalse();
        assertThat(parent.isNullable()).as("Dataverse says Nullable=false even on optional lookups").isFalse();
        assertThat(parent.getType().getName()).isEqualTo("account");
        assertThat(constraints(parent)).containsExactly(Map.entry("_parentaccountid_value", "accountid"));
        assertThat(parent.getPartner().getName()).isEqualTo("account_parent_account");
        assertThat(account.getNavigationProperty("account_parent_account").isCollection()).isTrue();

        EdmEntityType contact = edm.getEntityType(new FullQualifiedName(NS, "contact"));
        assertThat(constraints(contact.getNavigationProperty("parentcustomerid_account")))
                .containsExactly(Map.entry("_parentcustomerid_value", "accountid"));
        assertThat(constraints(contact.getNavigationProperty("parentcustomerid_contact")))
                .containsExactly(Map.entry("_parentcustomerid_value", "contactid"));
        assertThat(contact.getNavigationProperty("parentcustomerid_account").getType().getName()).isEqualTo("account");
    }

    @Test
    void ownerLookupPointsAtTheAbstractPrincipalWhichSystemuserAndTeamDerive() {
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(metadata));
        EdmEntityType principal = edm.getEntityType(new FullQualifiedName(NS, "principal"));
        assertThat(principal.isAbstract()).isTrue();
        assertThat(principal.getKeyPredicateNames()).containsExactly("ownerid");
        EdmNavigationProperty owner = edm.getEntityType(new FullQualifiedName(NS, "lead"))
                .getNavigationProperty("ownerid");
        assertThat(owner.getType().getName()).isEqualTo("principal");
        assertThat(constraints(owner)).containsExactly(Map.entry("_ownerid_value", "ownerid"));

        EdmEntityType systemuser = edm.getEntityType(new FullQualifiedName(NS, "systemuser"));
        assertThat(systemuser.getBaseType().getName()).isEqualTo("principal");
        assertThat(systemuser.getKeyPredicateNames()).containsExactly("ownerid");
        assertThat(systemuser.getProperty("systemuserid")).isNotNull();
        assertThat(systemuser.getNavigationProperty("owner_leads").isCollection()).isTrue();
        assertThat(edm.getEntityType(new FullQualifiedName(NS, "team")).getBaseType().getName())
                .isEqualTo("principal");
    }

    @Test
    void manyToManyIsACollectionNavigationPropertyOnBothSides() {
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(metadata));
        EdmNavigationProperty fromAccount = edm.getEntityType(new FullQualifiedName(NS, "account"))
                .getNavigationProperty("accountleads_association");
        EdmNavigationProperty fromLead = edm.getEntityType(new FullQualifiedName(NS, "lead"))
                .getNavigationProperty("accountleads_association");
        assertThat(fromAccount.isCollection()).isTrue();
        assertThat(fromAccount.getType().getName()).isEqualTo("lead");
        assertThat(fromLead.isCollection()).isTrue();
        assertThat(fromLead.getType().getName()).isEqualTo("account");
        assertThat(edm.getEntityContainer().getEntitySet("accounts")
                .getRelatedBindingTarget("accountleads_association").getName()).isEqualTo("leads");
    }

    @Test
    void propertiesHaveTheEdmTypesOfTheirColumns() {
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(metadata));
        EdmEntityType contact = edm.getEntityType(new FullQualifiedName(NS, "contact"));
        assertThat(type(contact, "birthdate")).isEqualTo("Edm.Date");
        assertThat(type(contact, "annualincome")).isEqualTo("Edm.Decimal");
        assertThat(type(contact, "numberofchildren")).isEqualTo("Edm.Int32");
        assertThat(type(contact, "createdon")).isEqualTo("Edm.DateTimeOffset");
        assertThat(type(contact, "versionnumber")).isEqualTo("Edm.Int64");
        assertThat(type(contact, "donotemail")).isEqualTo("Edm.Boolean");
        assertThat(type(contact, "ferry_interests")).isEqualTo("Edm.String");
        EdmEntityType account = edm.getEntityType(new FullQualifiedName(NS, "account"));
        assertThat(type(account, "address1_latitude")).isEqualTo("Edm.Double");
        EdmEntityType realAccount = olingo.getReader().readMetadata(CsdlHttp.fixture(CsdlHttp.V8_DOCUMENT))
                .getEntityType(new FullQualifiedName(NS, "account"));
        assertThat(account.getStructuralProperty("revenue").getScale()).as("Scale=\"Variable\" as in real documents")
                .isEqualTo(realAccount.getStructuralProperty("revenue").getScale());
        assertThat(account.getStructuralProperty("name").getMaxLength()).as("no MaxLength, as in real documents")
                .isEqualTo(realAccount.getStructuralProperty("name").getMaxLength()).isNull();
    }

    @Test
    void alternateKeysAreAnnotatedInDataversesShape() {
        XMLMetadata xml = olingo.getDeserializer(ContentType.APPLICATION_XML)
                .toMetadata(new ByteArrayInputStream(metadata));
        CsdlEntityType account = xml.getSchema(NS).getEntityType("account");
        assertThat(alternateKeys(account)).containsExactly(List.of("accountnumber"));
        assertThat(alternateKeys(xml.getSchema(NS).getEntityType("systemuser"))).containsExactly(List.of("domainname"));
        assertThat(alternateKeys(xml.getSchema(NS).getEntityType("contact"))).isEmpty();
    }

    @Test
    void readOnlyColumnsCarryTheReadPermissionAnnotation() {
        XMLMetadata xml = olingo.getDeserializer(ContentType.APPLICATION_XML)
                .toMetadata(new ByteArrayInputStream(metadata));
        CsdlEntityType contact = xml.getSchema(NS).getEntityType("contact");
        assertThat(contact.getProperty("createdon").getAnnotations()).extracting(CsdlAnnotation::getTerm)
                .containsExactly("Org.OData.Core.V1.Permissions");
        assertThat(contact.getProperty("fullname").getAnnotations()).isNotEmpty();
        assertThat(contact.getProperty("lastname").getAnnotations()).isEmpty();
        assertThat(contact.getProperty("contactid").getAnnotations()).isEmpty();
    }

    @Test
    void serviceDocumentListsTheEntitySetsWithTheMetadataContext() throws Exception {
        HttpResponse<byte[]> r = CsdlHttp.get(emulator.baseUrl());
        assertThat(r.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(json.get("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata");
        assertThat(json.get("value").get(0).get("kind").asText()).isEqualTo("EntitySet");
        ClientServiceDocument doc = olingo.getReader().readServiceDocument(new ByteArrayInputStream(r.body()),
                ContentType.JSON);
        assertThat(doc.getEntitySetNames()).contains("accounts", "contacts", "leads", "systemusers");
        assertThat(doc.getEntitySetURI("accounts").toString()).isEqualTo(emulator.baseUrl() + "accounts");
    }

    @Test
    void writesEveryTableOfARealOrganisationAsADocumentOlingoReads() {
        var schema = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V91_DOCUMENT), CsdlHttp.V91_DOCUMENT, Set.of());
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(MetadataHandler.document(schema)));
        assertThat(edm.getEntityContainer().getEntitySets()).hasSameSizeAs(schema.tables());
        EdmNavigationProperty owner = edm.getEntityType(new FullQualifiedName(NS, "contact"))
                .getNavigationProperty("ownerid");
        assertThat(constraints(owner)).containsExactly(Map.entry("_ownerid_value", "ownerid"));
        assertThat(MetadataHandler.document(schema)).as("written once per schema").isSameAs(
                MetadataHandler.document(schema));
    }

    private static Map<String, String> constraints(EdmNavigationProperty nav) {
        return nav.getReferentialConstraints().stream().collect(Collectors.toMap(
                EdmReferentialConstraint::getPropertyName, EdmReferentialConstraint::getReferencedPropertyName));
    }

    private static String type(EdmEntityType t, String property) {
        return t.getProperty(property).getType().getFullQualifiedName().toString();
    }

    /** The PropertyPath names of each alternate key of an entity type. */
    static List<List<String>> alternateKeys(CsdlEntityType type) {
        return type.getAnnotations().stream()
                .filter(a -> a.getTerm().equals("OData.Community.Keys.V1.AlternateKeys"))
                .flatMap(a -> a.getExpression().asDynamic().asCollection().getItems().stream())
                .map(key -> keyColumns((CsdlRecord) key))
                .toList();
    }

    private static List<String> keyColumns(CsdlRecord key) {
        CsdlExpression refs = key.getPropertyValues().stream().filter(p -> p.getProperty().equals("Key"))
                .findFirst().orElseThrow().getValue();
        return ((CsdlCollection) refs.asDynamic()).getItems().stream()
                .map(ref -> ((CsdlRecord) ref).getPropertyValues().stream()
                        .filter(p -> p.getProperty().equals("Name")).findFirst().orElseThrow())
                .map(CsdlPropertyValue::getValue)
                .map(v -> v.asDynamic().asPropertyPath().getValue())
                .toList();
    }
}
