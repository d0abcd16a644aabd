package dev.ferry.emulator.csdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.schema.Schema;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An emulator serving tables read from a real CRM 2016 $metadata document. */
class RealSchemaEmulatorTest {
    private static final Set<String> TABLES = Set.of("account", "contact", "lead", "systemuser", "team");
    private static Emulator emulator;
    private static String base;

    @BeforeAll
    static void start() {
        Schema schema = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V8_DOCUMENT), CsdlHttp.V8_DOCUMENT, TABLES);
        emulator = Emulator.start(EmulatorOptions.defaults().schema(schema));
        base = emulator.baseUrl();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void servesMetadataOlingoReadsWithTheRealTablesAndLookups() {
        HttpResponse<byte[]> r = CsdlHttp.get(base + "$metadata");
        assertThat(r.statusCode()).isEqualTo(200);
        var olingo = ODataClientFactory.getClient();
        Edm edm = olingo.getReader().readMetadata(new ByteArrayInputStream(r.body()));
        assertThat(edm.getEntityContainer().getEntitySets()).extracting(EdmEntitySet::getName)
                .containsExactlyInAnyOrder("accounts", "contacts", "leads", "systemusers", "teams",
                        "accountleadscollection", "contactleadscollection", "teammembershipcollection");
        EdmEntityType account = edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.CRM", "account"));
        assertThat(account.getPropertyNames()).contains("name", "revenue", "_parentaccountid_value",
                "_primarycontactid_value", "_ownerid_value", "_originatingleadid_value")
                .doesNotContain("_transactioncurrencyid_value");
        assertThat(account.getNavigationProperty("parentaccountid").getReferentialConstraints().get(0)
                .getPropertyName()).isEqualTo("_parentaccountid_value");
        assertThat(account.getNavigationProperty("ownerid").getType().getName()).isEqualTo("principal");
        EdmEntityType contact = edm.getEntityType(new FullQualifiedName("Microsoft.Dynamics.CRM", "contact"));
        assertThat(contact.getNavigationProperty("parentcustomerid_contact").getType().getName()).isEqualTo("contact");
        assertThat(olingo.getDeserializer(ContentType.APPLICATION_XML).toMetadata(new ByteArrayInputStream(r.body()))
                .getSchema("Microsoft.Dynamics.CRM").getEntityType("account").getProperty("createdon")
                .getAnnotations()).isNotEmpty();
    }

    @Test
    void servesTheEmulatorsMetadataBackAsTheSameSchema() {
        byte[] served = CsdlHttp.get(base + "$metadata").body();
        Schema again = CsdlSchemaReader.read(new ByteArrayInputStream(served), "again", Set.of());
        for (var t : emulator.schema().tables()) {
            var u = again.table(t.logicalName()).orElseThrow();
            assertThat(u.columns()).extracting(c -> c.name() + ":" + c.type() + ":" + c.validForCreate())
                    .as(t.logicalName()).containsExactlyElementsOf(t.columns().stream()
                            .map(c -> c.name() + ":" + c.type() + ":" + c.validForCreate()).toList());
            assertThat(Set.copyOf(u.lookupRelationships())).isEqualTo(Set.copyOf(t.lookupRelationships()));
        }
        assertThat(again.manyToMany()).isEqualTo(emulator.schema().manyToMany());
    }

    @Test
    void entityDefinitionsTellWritabilityRequiredLevelsAndTargets() {
        JsonNode contact = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='contact')?$select=LogicalName,"
                + "PrimaryIdAttribute,PrimaryNameAttribute&$expand=Attributes($select=LogicalName,IsValidForCreate,"
                + "IsValidForUpdate,RequiredLevel,Targets,AttributeType)", 200);
        assertThat(contact.get("PrimaryIdAttribute").asText()).isEqualTo("contactid");
        assertThat(contact.get("PrimaryNameAttribute").asText()).isEqualTo("fullname");
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        contact.get("Attributes").forEach(a -> attributes.put(a.get("LogicalName").asText(), a));
        assertThat(attributes.get("createdon").get("IsValidForCreate").asBoolean()).isFalse();
        assertThat(attributes.get("fullname").get("IsValidForUpdate").asBoolean()).isFalse();
        assertThat(attributes.get("lastname").get("IsValidForCreate").asBoolean()).isTrue();
        JsonNode parentCustomer = attributes.get("parentcustomerid");
        assertThat(parentCustomer.get("AttributeType").asText()).isEqualTo("Customer");
        assertThat(parentCustomer.get("Targets")).extracting(JsonNode::asText).containsExactly("account", "contact");
        assertThat(parentCustomer.get("RequiredLevel").get("Value").asText()).isEqualTo("None");
        assertThat(parentCustomer.get("IsValidForCreate").asBoolean()).isTrue();
        assertThat(attributes.get("ownerid").get("RequiredLevel").get("Value").asText()).isEqualTo("SystemRequired");
        assertThat(attributes.get("createdby").get("IsValidForCreate").asBoolean()).isFalse();

        JsonNode systemuser = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='systemuser')"
                + "?$select=PrimaryIdAttribute,EntitySetName", 200);
        assertThat(systemuser.get("PrimaryIdAttribute").asText()).isEqualTo("systemuserid");
        JsonNode manyToMany = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='lead')/ManyToManyRelationships"
                + "?$select=SchemaName,Entity1LogicalName,Entity2LogicalName", 200);
        assertThat(manyToMany.get("value")).extracting(n -> n.get("SchemaName").asText())
                .contains("accountleads_association", "contactleads_association");
    }
}
