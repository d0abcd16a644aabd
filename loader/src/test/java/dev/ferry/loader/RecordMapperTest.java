package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.OutsideLookup;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.metadata.CsdlMetadataReader;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.AttributeInfo;
import dev.ferry.common.plan.LookupRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT_ID = "01f7e603-0c06-41e8-b7e4-876fcd083d3b";
    private static final String USER_ID = "5608d195-0661-4e08-ab60-917a24e0115e";
    private static final String TEAM_ID = "6a1b2c3d-0000-4e08-ab60-917a24e0115e";

    @Test
    void copiesColumnsByNameAndKeepsTheKey() {
        ObjectNode target = accounts().map(source("""
                {"accountid":"%s","name":"Litware K.K.","numberofemployees":3,"revenue":null,
                 "creditlimit":31063.97,"address1_city":"London"}""".formatted(ACCOUNT_ID)));

        assertThat(target.get("accountid").asText()).isEqualTo(ACCOUNT_ID);
        assertThat(target.get("name").asText()).isEqualTo("Litware K.K.");
        assertThat(target.get("numberofemployees").asInt()).isEqualTo(3);
        assertThat(target.has("revenue")).as("a null column is written as null").isTrue();
        assertThat(target.get("revenue").isNull()).isTrue();
        assertThat(target.get("address1_city").asText()).isEqualTo("London");
    }

    @Test
    void dropsColumnsTheTargetLacks() {
        ObjectNode target = accounts().map(source("""
                {"accountid":"%s","name":"A","new_customfield":"only in the source"}""".formatted(ACCOUNT_ID)));

        assertThat(target.has("new_customfield")).isFalse();
    }

    @Test
    void dropsColumnsTheTargetsMetadataMarksReadOnly() {
        ObjectNode target = accounts().map(source("""
                {"accountid":"%s","name":"A","createdon":"2022-02-23T10:54:30Z","modifiedon":"2023-12-23T21:41:14Z",
                 "versionnumber":1000005,"exchangerate":1.0}""".formatted(ACCOUNT_ID)));

        assertThat(target.fieldNames()).toIterable().containsExactlyInAnyOrder("accountid", "name");
    }

    @Test
    void dropsTheComputedFullNameOfContacts() {
        TableMapping contacts = TableMapping.of(EmulatorMetadata.crm(), "contacts", Map.of());

        ObjectNode target = contacts.map(source("""
                {"contactid":"c1","fullname":"Ana Müller","firstname":"Ana","lastname":"Müller"}"""));

        assertThat(target.fieldNames()).toIterable().containsExactlyInAnyOrder("contactid", "firstname", "lastname");
    }

    @Test
    void dropsColumnsTheAttributeMetadataSaysNeitherCreateNorUpdateMaySet() {
        TableMapping accounts = TableMapping.of(EmulatorMetadata.crm(), "accounts", Map.of(
                "telephone1", new AttributeInfo("telephone1", "String", false, false, "None"),
                "accountnumber", new AttributeInfo("accountnumber", "String", true, false, "None"),
                "accountid", new AttributeInfo("accountid", "Uniqueidentifier", true, false, "SystemRequired")));

        ObjectNode target = accounts.map(source("""
                {"accountid":"%s","telephone1":"+44 20","accountnumber":"ACC-1"}""".formatted(ACCOUNT_ID)));

        assertThat(target.fieldNames()).toIterable().containsExactlyInAnyOrder("accountid", "accountnumber");
    }

    @Test
    void dropsALookupTheAttributeMetadataSaysNeitherCreateNorUpdateMaySet() {
        TableMapping contacts = TableMapping.of(EmulatorMetadata.crm(), "contacts", Map.of(
                "ownerid", new AttributeInfo("ownerid", "Owner", false, false, "SystemRequired")));

        ObjectNode target = contacts.map(source("""
                {"contactid":"c1","lastname":"Müller","_ownerid_value":"%s",
                 "_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"systemuser"}""".formatted(ACCOUNT_ID)));

        assertThat(target.fieldNames()).toIterable().containsExactlyInAnyOrder("contactid", "lastname");
    }

    @Test
    void dropsAnnotationsAndControlInformation() {
        ObjectNode target = accounts().map(source("""
                {"@odata.etag":"W/\\"1000005\\"","accountid":"%s","name":"A",
                 "creditlimit@OData.Community.Display.V1.FormattedValue":"$31,063.97","creditlimit":31063.97}"""
                .formatted(ACCOUNT_ID)));

        assertThat(target.fieldNames()).toIterable().containsExactlyInAnyOrder("accountid", "name", "creditlimit");
    }

    @Test
    void keepsDecimalsExact() throws Exception {
        ObjectNode source = (ObjectNode) new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"accountid\":\"a\",\"creditlimit\":12345678901234.10}");

        assertThat(accounts().map(source).get("creditlimit").decimalValue()).isEqualByComparingTo("12345678901234.10");
    }

    @Test
    void writesALookupAsABindToTheEntitySetOfItsTable() {
        ObjectNode target = accounts().map(source("""
                {"accountid":"%s","_parentaccountid_value":"p1",
                 "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}""".formatted(ACCOUNT_ID)));

        assertThat(target.get("parentaccountid@odata.bind").asText()).isEqualTo("/accounts(p1)");
        assertThat(target.has("_parentaccountid_value")).isFalse();
    }

    @Test
    void writesAPlainLookupWithoutAnnotationToItsOnlyTable() {
        ObjectNode target = accounts().map(source("""
                {"accountid":"%s","_primarycontactid_value":"c9"}""".formatted(ACCOUNT_ID)));

        assertThat(target.get("primarycontactid@odata.bind").asText()).isEqualTo("/contacts(c9)");
    }

    @Test
    void picksTheNavigationOfAPolymorphicCustomerLookupByItsLogicalName() {
        TableMapping contacts = TableMapping.of(EmulatorMetadata.crm(), "contacts", Map.of());

        ObjectNode toAccount = contacts.map(source("""
                {"contactid":"c1","_parentcustomerid_value":"a1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty":"parentcustomerid_account",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account",
                 "_parentcustomerid_value@OData.Community.Display.V1.FormattedValue":"Litware plc"}"""));
        ObjectNode toContact = contacts.map(source("""
                {"contactid":"c2","_parentcustomerid_value":"c1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"contact"}"""));

        assertThat(toAccount.get("parentcustomerid_account@odata.bind").asText()).isEqualTo("/accounts(a1)");
        assertThat(toAccount.has("parentcustomerid_contact@odata.bind")).isFalse();
        assertThat(toContact.get("parentcustomerid_contact@odata.bind").asText()).isEqualTo("/contacts(c1)");
    }

    @Test
    void bindsAnOwnerToSystemUsersOrTeams() {
        ObjectNode ownedByUser = accounts().map(source("""
                {"accountid":"a1","_ownerid_value":"%s",
                 "_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"systemuser"}""".formatted(USER_ID)));
        ObjectNode ownedByTeam = accounts().map(source("""
                {"accountid":"a2","_ownerid_value":"%s",
                 "_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"team"}""".formatted(TEAM_ID)));

        assertThat(ownedByUser.get("ownerid@odata.bind").asText()).isEqualTo("/systemusers(" + USER_ID + ")");
        assertThat(ownedByTeam.get("ownerid@odata.bind").asText()).isEqualTo("/teams(" + TEAM_ID + ")");
    }

    @Test
    void leavesANullLookupOut() {
        ObjectNode target = accounts().map(source("""
                {"accountid":"a1","_parentaccountid_value":null,"_ownerid_value":null}"""));

        assertThat(target.fieldNames()).toIterable().containsExactly("accountid");
    }

    @Test
    void refusesAPolymorphicLookupThatDoesNotSayWhichTable() {
        assertThatThrownBy(() -> accounts().map(source("""
                {"accountid":"a1","_ownerid_value":"%s"}""".formatted(USER_ID))))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("_ownerid_value")
                .hasMessageContaining("lookuplogicalname");
    }

    @Test
    void refusesALookupToATableTheTargetsLookupCannotPointAt() {
        assertThatThrownBy(() -> accounts().map(source("""
                {"accountid":"a1","_parentaccountid_value":"x",
                 "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"lead"}""")))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("points at a lead record");
    }

    @Test
    void readsTheRecordIdFromTheKey() {
        assertThat(accounts().recordIdOf(source("{\"accountid\":\"%s\"}".formatted(ACCOUNT_ID)))).hasValue(ACCOUNT_ID);
        assertThat(accounts().recordIdOf(source("{\"name\":\"no id\"}"))).isEmpty();
    }

    @Test
    void refusesAnEntitySetTheTargetLacks() {
        assertThatThrownBy(() -> TableMapping.of(EmulatorMetadata.crm(), "invoices", Map.of()))
                .isInstanceOf(TargetTableException.class).hasMessageContaining("invoices");
    }

    @Test
    void copiesAPlainForeignKeyAsItIsForAPlainODataTarget() {
        TableMapping products = TableMapping.of(plainShop(), "Products", Map.of());

        ObjectNode target = products.map(source("""
                {"@odata.etag":"W/\\"1\\"","ProductID":7,"Name":"Tea","CategoryID":3,"Rating":5}"""));

        assertThat(target.fieldNames()).toIterable().containsExactlyInAnyOrder("ProductID", "Name", "CategoryID");
        assertThat(target.get("CategoryID").asInt()).isEqualTo(3);
    }

    @Test
    void cachesTheMappingOfATable() {
        assertThat(products()).isNotNull();
        RecordMapper mapper = new RecordMapper();
        CountingClient client = new CountingClient(plainShop());

        TableMapping first = mapper.mappingFor(client, "Products");
        TableMapping second = mapper.mappingFor(client, "Products");

        assertThat(second).isSameAs(first);
        assertThat(client.metadataReads).isEqualTo(1);
    }

    @Test
    void theRowsPassLeavesADeferredSelfReferenceAndItsAnnotationsOut() {
        TableMapping rows = accounts().forPass(LoadPass.ROWS, List.of("_parentaccountid_value"));

        ObjectNode target = rows.map(source("""
                {"accountid":"a1","name":"Litware","_parentaccountid_value":"a0",
                 "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account",
                 "_parentaccountid_value@OData.Community.Display.V1.FormattedValue":"Litware Holding",
                 "_primarycontactid_value":"c9"}"""));

        assertThat(target.fieldNames()).toIterable()
                .containsExactly("accountid", "name", "primarycontactid@odata.bind");
        assertThat(rows.writesNothing(source("{\"accountid\":\"a1\"}"))).as("a rows pass always writes").isFalse();
    }

    @Test
    void theDeferredLookupsPassWritesOnlyTheKeyAndTheDeferredSelfReference() {
        TableMapping lookups = accounts().forPass(LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value"));

        ObjectNode target = lookups.map(source("""
                {"accountid":"a1","name":"Litware","_parentaccountid_value":"a0",
                 "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account",
                 "_primarycontactid_value":"c9"}"""));

        assertThat(target.fieldNames()).toIterable().containsExactly("accountid", "parentaccountid@odata.bind");
        assertThat(target.get("parentaccountid@odata.bind").asText()).isEqualTo("/accounts(a0)");
        assertThat(lookups.writesNothing(target)).isFalse();
    }

    @Test
    void theDeferredLookupsPassHasNothingToWriteWhenEveryDeferredLookupIsNull() {
        TableMapping lookups = accounts().forPass(LoadPass.DEFERRED_LOOKUPS,
                List.of("_parentaccountid_value", "_primarycontactid_value"));

        ObjectNode allNull = lookups.map(source("""
                {"accountid":"a1","_parentaccountid_value":null,"_primarycontactid_value":null}"""));
        ObjectNode oneSet = lookups.map(source("""
                {"accountid":"a2","_parentaccountid_value":null,"_primarycontactid_value":"c9"}"""));

        assertThat(allNull.fieldNames()).toIterable().containsExactly("accountid");
        assertThat(lookups.writesNothing(allNull)).isTrue();
        assertThat(oneSet.fieldNames()).toIterable().containsExactly("accountid", "primarycontactid@odata.bind");
        assertThat(lookups.writesNothing(oneSet)).isFalse();
    }

    @Test
    void aDeferredPolymorphicCustomerIsLeftOutOfTheRowsAndBoundAloneInItsPass() {
        TableMapping contacts = TableMapping.of(EmulatorMetadata.crm(), "contacts", Map.of());
        String contact = """
                {"contactid":"c1","firstname":"Ana","_parentcustomerid_value":"a1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty":"parentcustomerid_account",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}""";

        ObjectNode rows = contacts.forPass(LoadPass.ROWS, List.of("_parentcustomerid_value")).map(source(contact));
        ObjectNode lookups = contacts.forPass(LoadPass.DEFERRED_LOOKUPS, List.of("_parentcustomerid_value"))
                .map(source(contact));

        assertThat(rows.fieldNames()).toIterable().containsExactly("contactid", "firstname");
        assertThat(lookups.fieldNames()).toIterable().containsExactly("contactid", "parentcustomerid_account@odata.bind");
        assertThat(lookups.get("parentcustomerid_account@odata.bind").asText()).isEqualTo("/accounts(a1)");
    }

    @Test
    void theRowsPassDoesNotNeedTheAnnotationOfADeferredPolymorphicLookup() {
        TableMapping rows = accounts().forPass(LoadPass.ROWS, List.of("_ownerid_value"));

        ObjectNode target = rows.map(source("{\"accountid\":\"a1\",\"_ownerid_value\":\"%s\"}".formatted(USER_ID)));

        assertThat(target.fieldNames()).toIterable().containsExactly("accountid");
    }

    @Test
    void aDeferredPlainForeignKeyIsLeftOutOfTheRowsAndCopiedAloneInItsPass() {
        String product = "{\"ProductID\":7,\"Name\":\"Tea\",\"CategoryID\":3}";

        ObjectNode rows = products().forPass(LoadPass.ROWS, List.of("CategoryID")).map(source(product));
        ObjectNode lookups = products().forPass(LoadPass.DEFERRED_LOOKUPS, List.of("CategoryID")).map(source(product));

        assertThat(rows.fieldNames()).toIterable().containsExactly("ProductID", "Name");
        assertThat(lookups.fieldNames()).toIterable().containsExactly("ProductID", "CategoryID");
        assertThat(lookups.get("CategoryID").asInt()).isEqualTo(3);
    }

    @Test
    void namesTheDeferredLookupsTheTargetCannotWrite() {
        TableMapping lookups = accounts().forPass(LoadPass.DEFERRED_LOOKUPS,
                List.of("_parentaccountid_value", "_new_sponsorid_value"));

        assertThat(lookups.unwritableDeferredLookups()).containsExactly("_new_sponsorid_value");
    }

    @Test
    void cachesOneMappingPerPassAndDeferredLookupsButReadsTheTargetOnce() {
        RecordMapper mapper = new RecordMapper();
        CountingClient client = new CountingClient(EmulatorMetadata.crm());
        TableReleased rowsRelease = new TableReleased("run-1", "accounts", "target", "accounts", 500, 4, LoadPass.ROWS,
                List.of("_parentaccountid_value", "_primarycontactid_value"));
        TableReleased lookupsRelease = new TableReleased("run-1", "accounts--lookups", "target", "accounts", 500, 4,
                LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value", "_primarycontactid_value"));

        TableMapping plain = mapper.mappingFor(client, "accounts");
        TableMapping rows = mapper.mappingFor(client, rowsRelease);
        TableMapping lookups = mapper.mappingFor(client, lookupsRelease);
        TableMapping rowsInOtherOrder = mapper.mappingFor(client, "accounts", LoadPass.ROWS,
                List.of("_primarycontactid_value", "_parentaccountid_value"));

        assertThat(client.metadataReads).isEqualTo(1);
        assertThat(plain.pass()).isEqualTo(LoadPass.ROWS);
        assertThat(plain.deferredLookups()).isEmpty();
        assertThat(rows).isNotSameAs(plain).isNotSameAs(lookups).isSameAs(rowsInOtherOrder);
        assertThat(rows.deferredLookups()).containsExactlyInAnyOrder("_parentaccountid_value", "_primarycontactid_value");
        assertThat(lookups.pass()).isEqualTo(LoadPass.DEFERRED_LOOKUPS);
        assertThat(mapper.mappingFor(client, lookupsRelease)).isSameAs(lookups);
        assertThat(mapper.mappingFor(client, "accounts")).isSameAs(plain);
    }

    @Test
    void writesALookupToATableOutsideThePlanEmptyUnderTheClearRuleAndBindsOneIntoThePlan() {
        TableMapping contacts = contactsWithOutsideAccounts(LookupRule.CLEAR);

        ObjectNode toAccount = contacts.map(source("""
                {"contactid":"c1","_parentcustomerid_value":"a1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}"""));
        ObjectNode toContact = contacts.map(source("""
                {"contactid":"c2","_parentcustomerid_value":"c1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"contact"}"""));

        assertThat(toAccount.has("parentcustomerid_account@odata.bind")).isTrue();
        assertThat(toAccount.get("parentcustomerid_account@odata.bind").isNull()).isTrue();
        assertThat(toContact.get("parentcustomerid_contact@odata.bind").asText()).isEqualTo("/contacts(c1)");
        assertThat(contacts.keptOutsideReferences(source("""
                {"contactid":"c1","_parentcustomerid_value":"a1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}"""))).isEmpty();
    }

    @Test
    void refusesARecordWhoseLookupPointsOutsideThePlanUnderTheRejectRuleNamingTheLookupAndTheRow() {
        TableMapping contacts = contactsWithOutsideAccounts(LookupRule.REJECT);

        assertThatThrownBy(() -> contacts.map(source("""
                {"contactid":"c1","_parentcustomerid_value":"a1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}""")))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("Lookup parentcustomerid (_parentcustomerid_value) points at accounts(a1)")
                .hasMessageContaining("rule for this lookup is reject");
        assertThat(contacts.map(source("""
                {"contactid":"c2","_parentcustomerid_value":null}""")).has("parentcustomerid_account@odata.bind"))
                .as("a null lookup points nowhere").isFalse();
    }

    @Test
    void bindsAKeptLookupOutsideThePlanAndNamesItForTheExistenceCheck() {
        TableMapping contacts = contactsWithOutsideAccounts(LookupRule.KEEP);
        ObjectNode source = source("""
                {"contactid":"c1","_parentcustomerid_value":"a1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"account"}""");

        ObjectNode target = contacts.map(source);

        assertThat(target.get("parentcustomerid_account@odata.bind").asText()).isEqualTo("/accounts(a1)");
        assertThat(contacts.keptOutsideReferences(source)).singleElement().satisfies(reference -> {
            assertThat(reference.entitySet()).isEqualTo("accounts");
            assertThat(reference.id()).isEqualTo("a1");
            assertThat(reference.describe()).isEqualTo(
                    "lookup parentcustomerid (_parentcustomerid_value) points at accounts(a1)");
        });
        assertThat(contacts.keptOutsideReferences(source("""
                {"contactid":"c2","_parentcustomerid_value":"c1",
                 "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"contact"}""")))
                .as("contacts are in the plan").isEmpty();
    }

    @Test
    void clearsAPlainForeignKeyToATableOutsideThePlan() {
        TableMapping products = products().withOutsideLookups(List.of(
                new OutsideLookup("CategoryID", "Category", List.of("Categories"), LookupRule.CLEAR)));

        ObjectNode target = products.map(source("{\"ProductID\":1,\"Name\":\"Chai\",\"CategoryID\":3}"));

        assertThat(target.has("CategoryID")).isTrue();
        assertThat(target.get("CategoryID").isNull()).isTrue();
        assertThat(target.get("Name").asText()).isEqualTo("Chai");
    }

    @Test
    void keepsOneMappingPerSetOfOutsideLookupRules() {
        RecordMapper mapper = new RecordMapper();
        CountingClient client = new CountingClient(EmulatorMetadata.crm());
        OutsideLookup clear = new OutsideLookup("_parentcustomerid_value", "parentcustomerid", List.of("accounts"),
                LookupRule.CLEAR);
        TableReleased withRule = new TableReleased("run-1", "contacts", "target", "contacts", 500, 4, LoadPass.ROWS,
                List.of(), null, List.of(clear));

        TableMapping ruled = mapper.mappingFor(client, withRule);

        assertThat(ruled.outsideLookups()).containsEntry("_parentcustomerid_value", clear);
        assertThat(mapper.mappingFor(client, "contacts").outsideLookups()).isEmpty();
        assertThat(mapper.mappingFor(client, withRule)).isSameAs(ruled);
    }

    private static TableMapping contactsWithOutsideAccounts(LookupRule rule) {
        return TableMapping.of(EmulatorMetadata.crm(), "contacts", Map.of()).withOutsideLookups(List.of(
                new OutsideLookup("_parentcustomerid_value", "parentcustomerid", List.of("accounts"), rule)));
    }

    private static TableMapping products() {
        return TableMapping.of(plainShop(), "Products", Map.of());
    }

    private static TableMapping accounts() {
        return TableMapping.of(EmulatorMetadata.crm(), "accounts", Map.of());
    }

    private static ObjectNode source(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** A plain OData v4 service: foreign-key properties, a computed column. */
    static ServiceMetadata plainShop() {
        String csdl = """
                <?xml version="1.0" encoding="utf-8"?>
                <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
                  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
                    <edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/>
                  </edmx:Reference>
                  <edmx:DataServices>
                    <Schema Namespace="Shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                      <EntityType Name="Category">
                        <Key><PropertyRef Name="CategoryID"/></Key>
                        <Property Name="CategoryID" Type="Edm.Int32" Nullable="false"/>
                        <Property Name="Name" Type="Edm.String"/>
                      </EntityType>
                      <EntityType Name="Product">
                        <Key><PropertyRef Name="ProductID"/></Key>
                        <Property Name="ProductID" Type="Edm.Int32" Nullable="false"/>
                        <Property Name="Name" Type="Edm.String" MaxLength="40"/>
                        <Property Name="CategoryID" Type="Edm.Int32"/>
                        <Property Name="Rating" Type="Edm.Int32">
                          <Annotation Term="Core.Computed" Bool="true"/>
                        </Property>
                        <NavigationProperty Name="Category" Type="Shop.Category">
                          <ReferentialConstraint Property="CategoryID" ReferencedProperty="CategoryID"/>
                        </NavigationProperty>
                      </EntityType>
                      <EntityContainer Name="Container">
                        <EntitySet Name="Categories" EntityType="Shop.Category"/>
                        <EntitySet Name="Products" EntityType="Shop.Product">
                          <NavigationPropertyBinding Path="Category" Target="Categories"/>
                        </EntitySet>
                      </EntityContainer>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """;
        return new CsdlMetadataReader().read(new ByteArrayInputStream(csdl.getBytes(StandardCharsets.UTF_8)));
    }
}
