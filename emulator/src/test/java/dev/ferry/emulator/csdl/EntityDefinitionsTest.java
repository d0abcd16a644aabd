package dev.ferry.emulator.csdl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EntityDefinitions and RelationshipDefinitions of the built-in crm schema, over HTTP. */
class EntityDefinitionsTest {
    private static Emulator emulator;
    private static String base;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        base = emulator.baseUrl();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void entityByLogicalNameTellsItsSetIdsNameAndOwnership() {
        JsonNode account = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')", 200);
        assertThat(account.get("@odata.context").asText()).isEqualTo(base + "$metadata#EntityDefinitions/$entity");
        assertThat(account.get("LogicalName").asText()).isEqualTo("account");
        assertThat(account.get("SchemaName").asText()).isEqualTo("Account");
        assertThat(account.get("EntitySetName").asText()).isEqualTo("accounts");
        assertThat(account.get("PrimaryIdAttribute").asText()).isEqualTo("accountid");
        assertThat(account.get("PrimaryNameAttribute").asText()).isEqualTo("name");
        assertThat(account.get("OwnershipType").asText()).isEqualTo("UserOwned");
        assertThat(account.get("MetadataId").asText()).isEqualTo(MetadataIds.entity("account").toString());
        assertThat(account.get("DisplayName").get("UserLocalizedLabel").get("LanguageCode").asInt()).isEqualTo(1033);
        assertThat(account.has("Attributes")).as("navigation properties come only with $expand").isFalse();
        assertThat(CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='team')", 200).get("OwnershipType").asText())
                .isEqualTo("OrganizationOwned");
    }

    @Test
    void entityByMetadataIdIsTheSameDefinition() {
        JsonNode byId = CsdlHttp.getJson(base, "EntityDefinitions(" + MetadataIds.entity("contact") + ")", 200);
        assertThat(byId).isEqualTo(CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='contact')", 200));
        assertThat(byId.get("PrimaryNameAttribute").asText()).isEqualTo("fullname");
    }

    @Test
    void selectKeepsTheSelectedPropertiesAndTheMetadataId() {
        JsonNode lead = CsdlHttp.getJson(base,
                "EntityDefinitions(LogicalName='lead')?$select=EntitySetName,PrimaryIdAttribute", 200);
        assertThat(fieldNames(lead)).containsExactlyInAnyOrder("@odata.context", "MetadataId", "EntitySetName",
                "PrimaryIdAttribute");
        assertThat(lead.get("@odata.context").asText())
                .isEqualTo(base + "$metadata#EntityDefinitions(EntitySetName,PrimaryIdAttribute)/$entity");
    }

    @Test
    void listsEveryTableAndFiltersByLogicalName() {
        JsonNode all = CsdlHttp.getJson(base, "EntityDefinitions?$select=LogicalName,EntitySetName", 200);
        assertThat(texts(all.get("value"), "LogicalName"))
                .containsExactly("systemuser", "team", "account", "contact", "lead", "opportunity", "accountleads");
        JsonNode one = CsdlHttp.getJson(base,
                "EntityDefinitions?$select=LogicalName,EntitySetName&$filter=LogicalName eq 'opportunity'", 200);
        assertThat(texts(one.get("value"), "EntitySetName")).containsExactly("opportunities");
    }

    @Test
    void expandedAttributesTellWhatCanBeCreatedAndUpdated() {
        JsonNode account = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')?$select=LogicalName"
                + "&$expand=Attributes($select=LogicalName,IsValidForCreate,IsValidForUpdate,RequiredLevel)", 200);
        Map<String, JsonNode> attributes = byName(account.get("Attributes"));
        assertThat(attributes.get("createdon").get("IsValidForCreate").asBoolean()).isFalse();
        assertThat(attributes.get("createdon").get("IsValidForUpdate").asBoolean()).isFalse();
        assertThat(attributes.get("versionnumber").get("IsValidForUpdate").asBoolean()).isFalse();
        assertThat(attributes.get("exchangerate").get("IsValidForCreate").asBoolean()).isFalse();
        assertThat(attributes.get("name").get("IsValidForCreate").asBoolean()).isTrue();
        assertThat(attributes.get("name").get("IsValidForUpdate").asBoolean()).isTrue();
        assertThat(attributes.get("accountid").get("IsValidForCreate").asBoolean()).isTrue();
        assertThat(attributes.get("accountid").get("IsValidForUpdate").asBoolean()).isFalse();
        assertThat(attributes.get("name").get("RequiredLevel").get("Value").asText()).isEqualTo("ApplicationRequired");
        assertThat(attributes.get("parentaccountid").get("RequiredLevel").get("Value").asText()).isEqualTo("None");
        JsonNode owner = attributes.get("ownerid").get("RequiredLevel");
        assertThat(owner.get("Value").asText()).isEqualTo("SystemRequired");
        assertThat(owner.get("CanBeChanged").asBoolean()).isFalse();
        assertThat(owner.get("ManagedPropertyLogicalName").asText()).isEqualTo("canmodifyrequirementlevelsettings");
        assertThat(attributes.get("name").get("@odata.type").asText())
                .isEqualTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata");
        assertThat(fieldNames(attributes.get("name"))).containsExactlyInAnyOrder("@odata.type", "MetadataId",
                "LogicalName", "IsValidForCreate", "IsValidForUpdate", "RequiredLevel");
        assertThat(account.get("@odata.context").asText()).isEqualTo(base + "$metadata#EntityDefinitions(LogicalName,"
                + "Attributes(LogicalName,IsValidForCreate,IsValidForUpdate,RequiredLevel))/$entity");

        JsonNode team = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='team')?$expand=Attributes", 200);
        assertThat(byName(team.get("Attributes")).get("administratorid").get("RequiredLevel").get("Value").asText())
                .isEqualTo("SystemRequired");
    }

    @Test
    void attributesSegmentGivesTypesAndTargetsOfLookups() {
        JsonNode attributes = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='contact')/Attributes", 200);
        assertThat(attributes.get("@odata.context").asText())
                .isEqualTo(base + "$metadata#EntityDefinitions('contact')/Attributes");
        Map<String, JsonNode> byName = byName(attributes.get("value"));
        JsonNode parentCustomer = byName.get("parentcustomerid");
        assertThat(parentCustomer.get("@odata.type").asText()).isEqualTo("#Microsoft.Dynamics.CRM.LookupAttributeMetadata");
        assertThat(parentCustomer.get("AttributeType").asText()).isEqualTo("Customer");
        assertThat(parentCustomer.get("AttributeTypeName").get("Value").asText()).isEqualTo("CustomerType");
        assertThat(texts(parentCustomer.get("Targets"))).containsExactly("account", "contact");
        assertThat(texts(byName.get("ownerid").get("Targets"))).containsExactly("systemuser", "team");
        assertThat(byName.get("ownerid").get("AttributeTypeName").get("Value").asText()).isEqualTo("OwnerType");
        assertThat(byName.get("fullname").get("IsValidForCreate").asBoolean()).isFalse();
        assertThat(byName.get("birthdate").get("Format").asText()).isEqualTo("DateOnly");
        assertThat(byName.get("ferry_interests").get("AttributeType").asText()).isEqualTo("Virtual");
        assertThat(byName.get("ferry_interests").get("AttributeTypeName").get("Value").asText())
                .isEqualTo("MultiSelectPicklistType");
        assertThat(byName.get("contactid").get("AttributeTypeName").get("Value").asText())
                .isEqualTo("UniqueidentifierType");
        assertThat(byName.get("contactid").get("IsPrimaryId").asBoolean()).isTrue();
        assertThat(byName.get("annualincome").get("@odata.type").asText())
                .isEqualTo("#Microsoft.Dynamics.CRM.MoneyAttributeMetadata");
        assertThat(byName.get("emailaddress1").has("Targets")).isFalse();
    }

    @Test
    void attributesCarryTheFieldsOfRealCaptures() {
        // Field names every attribute has in the dataverse-gen and amp-labs captures of real responses.
        JsonNode name = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')",
                200);
        assertThat(fieldNames(name)).contains("@odata.type", "LogicalName", "SchemaName", "MetadataId",
                "AttributeType", "AttributeTypeName", "IsValidForCreate", "IsValidForUpdate", "IsValidForRead",
                "RequiredLevel", "DisplayName", "IsPrimaryId", "IsPrimaryName", "EntityLogicalName", "Format",
                "MaxLength", "AttributeOf", "HasChanged", "ColumnNumber");
        assertThat(name.get("MaxLength").asInt()).isEqualTo(160);
        assertThat(name.get("IsPrimaryName").asBoolean()).isTrue();
        assertThat(name.get("@odata.context").asText())
                .isEqualTo(base + "$metadata#EntityDefinitions('account')/Attributes/$entity");
        JsonNode byId = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')/Attributes("
                + MetadataIds.attribute("account", "name") + ")", 200);
        assertThat(byId).isEqualTo(name);
        JsonNode revenue = CsdlHttp.getJson(base,
                "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='revenue')", 200);
        assertThat(revenue.get("Precision").asInt()).isEqualTo(4);
        assertThat(revenue.get("MaxValue").decimalValue()).isPositive();
    }

    @Test
    void castSegmentAndFilterNarrowTheAttributes() {
        JsonNode lookups = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='lead')/Attributes/"
                + "Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets", 200);
        assertThat(texts(lookups.get("value"), "LogicalName"))
                .containsExactly("parentaccountid", "parentcontactid", "customerid", "ownerid");
        JsonNode plain = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='lead')/Attributes?$select=LogicalName"
                + "&$filter=AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Lookup'", 200);
        assertThat(texts(plain.get("value"), "LogicalName")).containsExactly("parentaccountid", "parentcontactid");
        JsonNode required = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='lead')?$select=LogicalName"
                + "&$expand=Attributes($select=LogicalName;$filter=RequiredLevel/Value eq 'ApplicationRequired')", 200);
        assertThat(texts(required.get("Attributes"), "LogicalName")).containsExactly("subject");
    }

    @Test
    void optionSetOfAPicklistExpandsOnTheCastAttribute() {
        JsonNode industry = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')/Attributes("
                + "LogicalName='industrycode')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"
                + "?$select=LogicalName&$expand=OptionSet", 200);
        JsonNode options = industry.get("OptionSet").get("Options");
        assertThat(options).hasSize(7);
        assertThat(options.get(0).get("Value").asInt()).isEqualTo(1);
        assertThat(options.get(0).get("Label").get("UserLocalizedLabel").get("Label").asText()).isEqualTo("Accounting");
        JsonNode wrongCast = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')/Attributes("
                + "LogicalName='name')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata", 404);
        assertThat(wrongCast.get("error").get("code").asText()).isEqualTo("0x80040217");
    }

    @Test
    void relationshipsOfAnEntityNameBothEndsAndTheirNavigationProperties() {
        JsonNode contact = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='contact')?$select=LogicalName"
                + "&$expand=ManyToOneRelationships,OneToManyRelationships,ManyToManyRelationships", 200);
        Map<String, JsonNode> manyToOne = bySchemaName(contact.get("ManyToOneRelationships"));
        JsonNode customerAccounts = manyToOne.get("contact_customer_accounts");
        assertThat(customerAccounts.get("ReferencedEntity").asText()).isEqualTo("account");
        assertThat(customerAccounts.get("ReferencedAttribute").asText()).isEqualTo("accountid");
        assertThat(customerAccounts.get("ReferencingEntity").asText()).isEqualTo("contact");
        assertThat(customerAccounts.get("ReferencingAttribute").asText()).isEqualTo("parentcustomerid");
        assertThat(customerAccounts.get("ReferencingEntityNavigationPropertyName").asText())
                .isEqualTo("parentcustomerid_account");
        assertThat(customerAccounts.get("ReferencedEntityNavigationPropertyName").asText())
                .isEqualTo("contact_customer_accounts");
        assertThat(manyToOne).containsKeys("contact_customer_contacts", "user_contacts", "team_contacts");
        assertThat(bySchemaName(contact.get("OneToManyRelationships"))).containsKeys("account_primary_contact",
                "contact_customer_contacts", "lead_parent_contact", "opportunity_customer_contacts");
        assertThat(contact.get("ManyToManyRelationships")).isEmpty();

        JsonNode leads = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')/ManyToManyRelationships", 200);
        JsonNode association = leads.get("value").get(0);
        assertThat(association.get("SchemaName").asText()).isEqualTo("accountleads_association");
        assertThat(association.get("Entity1LogicalName").asText()).isEqualTo("account");
        assertThat(association.get("Entity2LogicalName").asText()).isEqualTo("lead");
        assertThat(association.get("IntersectEntityName").asText()).isEqualTo("accountleads");
        assertThat(association.get("Entity1NavigationPropertyName").asText()).isEqualTo("accountleads_association");
        assertThat(association.get("Entity2NavigationPropertyName").asText()).isEqualTo("accountleads_association");
        assertThat(association.get("Entity1IntersectAttribute").asText()).isEqualTo("accountid");
    }

    @Test
    void relationshipDefinitionsListBothKindsAndAddressOneBySchemaName() {
        JsonNode all = CsdlHttp.getJson(base, "RelationshipDefinitions?$select=SchemaName", 200);
        assertThat(texts(all.get("value"), "@odata.type")).contains(
                "#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata",
                "#Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata");
        JsonNode one = CsdlHttp.getJson(base, "RelationshipDefinitions(SchemaName='account_parent_account')", 200);
        assertThat(one.get("ReferencingAttribute").asText()).isEqualTo("parentaccountid");
        assertThat(one.get("RelationshipType").asText()).isEqualTo("OneToManyRelationship");
        JsonNode manyToMany = CsdlHttp.getJson(base,
                "RelationshipDefinitions/Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata", 200);
        assertThat(texts(manyToMany.get("value"), "SchemaName")).containsExactly("accountleads_association");
        CsdlHttp.getJson(base, "RelationshipDefinitions(SchemaName='no_such_relationship')", 404);
    }

    @Test
    void keysOfAnEntityNameTheirColumns() {
        JsonNode keys = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')/Keys", 200);
        assertThat(texts(keys.get("value").get(0).get("KeyAttributes"))).containsExactly("accountnumber");
        JsonNode expanded = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='systemuser')?$expand=Keys", 200);
        assertThat(texts(expanded.get("Keys").get(0).get("KeyAttributes"))).containsExactly("domainname");
    }

    @Test
    void unknownEntityOrAttributeIsNotFoundInDataversesErrorShape() {
        JsonNode error = CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='nosuchtable')", 404).get("error");
        assertThat(error.get("code").asText()).isEqualTo("0x80040217");
        assertThat(error.get("message").asText()).contains("nosuchtable");
        CsdlHttp.getJson(base, "EntityDefinitions(00000000-0000-0000-0000-000000000001)", 404);
        JsonNode attribute = CsdlHttp.getJson(base,
                "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='nosuchcolumn')", 404).get("error");
        assertThat(attribute.get("message").asText()).contains("nosuchcolumn").contains("account");
    }

    @Test
    void answersNotImplementedForWhatItDoesNotServe() {
        assertThat(CsdlHttp.getJson(base, "GlobalOptionSetDefinitions", 501).get("error").get("message").asText())
                .contains("GlobalOptionSetDefinitions");
        assertThat(CsdlHttp.getJson(base, "EntityDefinitions?$top=1", 501).get("error").get("message").asText())
                .contains("$top");
        assertThat(CsdlHttp.getJson(base, "EntityDefinitions?$filter=contains(LogicalName,'acc')", 501)
                .get("error").get("message").asText()).contains("$filter");
        assertThat(CsdlHttp.getJson(base, "EntityDefinitions(LogicalName='account')?$select=IsAuditEnabled", 501)
                .get("error").get("message").asText()).contains("IsAuditEnabled");
        JsonNode unknownNavigation = CsdlHttp.getJson(base,
                "EntityDefinitions(LogicalName='account')?$expand=Nothing", 400).get("error");
        assertThat(unknownNavigation.get("message").asText())
                .isEqualTo("Could not find a property named 'Nothing' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.");
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        return index(array, "LogicalName");
    }

    private static Map<String, JsonNode> bySchemaName(JsonNode array) {
        return index(array, "SchemaName");
    }

    private static Map<String, JsonNode> index(JsonNode array, String key) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        array.forEach(n -> map.put(n.get(key).asText(), n));
        return map;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
