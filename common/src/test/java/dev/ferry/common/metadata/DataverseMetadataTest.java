package dev.ferry.common.metadata;

import static dev.ferry.common.metadata.MetadataFixtures.DATAVERSE_V8;
import static dev.ferry.common.metadata.MetadataFixtures.DATAVERSE_V91;
import static dev.ferry.common.metadata.MetadataFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the real Dataverse {@code $metadata} documents (CRM 2016 v8 and Dataverse v9.1). */
class DataverseMetadataTest {

    private static final String CRM = "Microsoft.Dynamics.CRM.";
    private static final int MANY_LOOKUPS = 1000;

    @ParameterizedTest
    @CsvSource({DATAVERSE_V8 + ",237,265", DATAVERSE_V91 + ",269,300"})
    void readsEveryEntitySetAndEntityType(String fixture, int entitySets, int entityTypes) {
        ServiceMetadata metadata = metadata(fixture);

        assertThat(metadata.entitySets()).hasSize(entitySets);
        assertThat(metadata.entityTypes()).hasSize(entityTypes);
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void accountHasItsPrimaryKeyAndTypedProperties(String fixture) {
        EntitySetInfo accounts = metadata(fixture).entitySet("accounts").orElseThrow();

        assertThat(accounts.entityType().qualifiedName()).isEqualTo(CRM + "account");
        assertThat(accounts.entityType().name()).isEqualTo("account");
        assertThat(accounts.entityType().baseType()).isEqualTo(CRM + "crmbaseentity");
        assertThat(accounts.keyPropertyNames()).containsExactly("accountid");
        assertThat(accounts.property("accountid").orElseThrow().type()).isEqualTo("Edm.Guid");
        assertThat(accounts.property("name").orElseThrow().type()).isEqualTo("Edm.String");
        assertThat(accounts.property("revenue").orElseThrow().type()).isEqualTo("Edm.Decimal");
        assertThat(accounts.property("name").orElseThrow().nullable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void parentAccountIsASelfReferencingLookupThroughItsLookupValue(String fixture) {
        EntitySetInfo accounts = metadata(fixture).entitySet("accounts").orElseThrow();

        Lookup parent = accounts.lookup("parentaccountid").orElseThrow();

        assertThat(parent.targetEntityType()).isEqualTo(CRM + "account");
        assertThat(parent.targetEntitySetIfBound()).contains("accounts");
        assertThat(parent.foreignKeyProperty()).isEqualTo("_parentaccountid_value");
        assertThat(parent.referencedProperty()).isEqualTo("accountid");
        assertThat(parent.foreignKeyStyle()).isEqualTo(ForeignKeyStyle.LOOKUP_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void isRecognisedAsDataverse(String fixture) {
        assertThat(metadata(fixture).kind()).isEqualTo(ServiceKind.DATAVERSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void everyDataverseLookupHasUnknownRequirednessDespiteNullableFalse(String fixture) {
        List<Lookup> lookups = allLookups(fixture);

        assertThat(lookups).allSatisfy(lookup -> assertThat(lookup.requiredness()).isEqualTo(Requiredness.UNKNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void parentCustomerIsAPolymorphicLookupOverAccountAndContact(String fixture) {
        EntitySetInfo contacts = metadata(fixture).entitySet("contacts").orElseThrow();

        LookupColumn customer = contacts.lookupColumn("_parentcustomerid_value").orElseThrow();

        assertThat(customer.isPolymorphic()).isTrue();
        assertThat(customer.logicalName()).isEqualTo("parentcustomerid");
        assertThat(customer.lookups()).extracting(Lookup::navigationProperty)
                .containsExactlyInAnyOrder("parentcustomerid_account", "parentcustomerid_contact");
        assertThat(customer.lookupForTargetType("account").orElseThrow().targetEntitySetIfBound()).contains("accounts");
        assertThat(customer.lookupForTargetType("contact").orElseThrow().referencedProperty()).isEqualTo("contactid");
        assertThat(contacts.lookupColumn("parentcustomerid")).contains(customer);
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void ownerPointsToTheAbstractPrincipalWhoseRecordsLiveInUsersAndTeams(String fixture) {
        ServiceMetadata metadata = metadata(fixture);
        EntitySetInfo accounts = metadata.entitySet("accounts").orElseThrow();

        Lookup owner = accounts.lookup("ownerid").orElseThrow();

        assertThat(owner.targetEntityType()).isEqualTo(CRM + "principal");
        assertThat(owner.foreignKeyProperty()).isEqualTo("_ownerid_value");
        assertThat(owner.referencedProperty()).isEqualTo("ownerid");
        // The document binds ownerid to "owners", an entity set it does not define.
        assertThat(owner.targetEntitySetIfBound()).isEmpty();
        assertThat(metadata.entityType(owner.targetEntityType()).orElseThrow().isAbstract()).isTrue();
        assertThat(metadata.entitySetsAssignableTo(owner.targetEntityType())).extracting(EntitySetInfo::name)
                .containsExactlyInAnyOrder("systemusers", "teams");
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void derivedTypesInheritPropertiesAndLookupsOfTheirBaseType(String fixture) {
        EntitySetInfo users = metadata(fixture).entitySet("systemusers").orElseThrow();
        EntitySetInfo emails = metadata(fixture).entitySet("emails").orElseThrow();

        assertThat(users.keyPropertyNames()).containsExactly("ownerid");
        assertThat(users.property("ownerid")).isPresent();
        assertThat(emails.entityType().baseType()).isEqualTo(CRM + "activitypointer");
        assertThat(emails.keyPropertyNames()).containsExactly("activityid");
        assertThat(emails.property("subject")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void mostLookupsGoThroughALookupValueAndEveryForeignKeyIsAPropertyOfItsType(String fixture) {
        ServiceMetadata metadata = metadata(fixture);
        List<Lookup> lookups = allLookups(fixture);

        assertThat(lookups).hasSizeGreaterThan(MANY_LOOKUPS);
        assertThat(lookups).filteredOn(lookup -> lookup.foreignKeyStyle() == ForeignKeyStyle.LOOKUP_VALUE)
                .hasSizeGreaterThan(lookups.size() * 9 / 10)
                .allSatisfy(lookup -> assertThat(lookup.foreignKeyProperty()).startsWith("_").endsWith("_value"));
        assertThat(metadata.entitySets().values()).allSatisfy(set ->
                assertThat(set.lookups()).allSatisfy(lookup ->
                        assertThat(set.property(lookup.foreignKeyProperty())).isPresent()));
    }

    @ParameterizedTest
    @ValueSource(strings = {DATAVERSE_V8, DATAVERSE_V91})
    void aPlanMayNameALookupByItsLogicalName(String fixture) {
        EntitySetInfo contacts = metadata(fixture).entitySet("contacts").orElseThrow();

        assertThat(contacts.hasColumn("parentcustomerid")).isTrue();
        assertThat(contacts.hasColumn("_parentcustomerid_value")).isTrue();
        assertThat(contacts.hasColumn("firstname")).isTrue();
        assertThat(contacts.hasColumn("parentcustomerid_account")).isFalse();
        assertThat(contacts.hasColumn("FirstName")).isFalse();
    }

    private static List<Lookup> allLookups(String fixture) {
        return metadata(fixture).entitySets().values().stream().flatMap(set -> set.lookups().stream()).toList();
    }
}
