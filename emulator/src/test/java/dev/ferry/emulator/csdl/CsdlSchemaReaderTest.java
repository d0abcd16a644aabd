package dev.ferry.emulator.csdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.CrmSchema;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Relationship;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CsdlSchemaReader reads the emulator's own documents back and reads real Dataverse documents. */
class CsdlSchemaReaderTest {
    private static final Set<String> CRM_TABLES = Set.of("account", "contact", "lead", "systemuser", "team");

    @Test
    void readsItsOwnMetadataBackIntoAnEquivalentSchema() {
        Schema original = CrmSchema.build();
        Schema read = CsdlSchemaReader.read(new ByteArrayInputStream(MetadataHandler.document(original)), "crm",
                Set.of());

        assertThat(read.tables()).extracting(Table::logicalName)
                .containsExactlyElementsOf(original.tables().stream().map(Table::logicalName).toList());
        for (Table o : original.tables()) {
            Table r = read.table(o.logicalName()).orElseThrow();
            assertThat(r.entitySetName()).isEqualTo(o.entitySetName());
            assertThat(r.primaryId()).isEqualTo(o.primaryId());
            assertThat(r.primaryName()).as(o + " primary name").isEqualTo(o.primaryName());
            assertThat(r.userOwned()).isEqualTo(o.userOwned());
            assertThat(r.columns()).extracting(CsdlSchemaReaderTest::shape).as(o + " columns")
                    .containsExactlyElementsOf(o.columns().stream().map(CsdlSchemaReaderTest::shape).toList());
            assertThat(new HashSet<>(r.lookupRelationships())).as(o + " relationships")
                    .isEqualTo(new HashSet<>(o.lookupRelationships()));
            assertThat(r.alternateKeys()).isEqualTo(o.alternateKeys());
        }
        assertThat(read.manyToMany()).isEqualTo(original.manyToMany());
    }

    @Test
    void keepsTheKindOfEachLookupThroughItsOwnMetadata() {
        Schema read = CsdlSchemaReader.read(new ByteArrayInputStream(MetadataHandler.document(CrmSchema.build())),
                "crm", Set.of());
        Table contact = read.table("contact").orElseThrow();
        assertThat(contact.column("parentcustomerid").orElseThrow().type()).isEqualTo(ColumnType.CUSTOMER);
        assertThat(contact.column("ownerid").orElseThrow().type()).isEqualTo(ColumnType.OWNER);
        assertThat(contact.column("ownerid").orElseThrow().requiredLevel()).isEqualTo(RequiredLevel.SystemRequired);
        assertThat(read.table("account").orElseThrow().column("parentaccountid").orElseThrow().type())
                .isEqualTo(ColumnType.LOOKUP);
        assertThat(contact.column("fullname").orElseThrow().validForCreate()).isFalse();
        assertThat(contact.column("createdon").orElseThrow().validForUpdate()).isFalse();
        assertThat(contact.column("contactid").orElseThrow().validForCreate()).isTrue();
        assertThat(contact.column("contactid").orElseThrow().validForUpdate()).isFalse();
    }

    @Test
    void readsTheRealCrm2016Document() {
        Schema v8 = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V8_DOCUMENT), CsdlHttp.V8_DOCUMENT, Set.of());
        // 237 entity sets, less the 4 metadata sets and ExampleEntity, which derive from no crmbaseentity.
        assertThat(v8.tables()).hasSize(232);

        Table account = v8.table("account").orElseThrow();
        assertThat(account.entitySetName()).isEqualTo("accounts");
        assertThat(account.primaryId()).isEqualTo("accountid");
        assertThat(account.primaryName()).isEqualTo("name");
        assertThat(account.userOwned()).isTrue();
        assertThat(lookups(account)).contains("parentaccountid", "primarycontactid", "ownerid", "createdby");
        assertThat(account.relationship("parentaccountid", "account").orElseThrow())
                .isEqualTo(new Relationship("account_parent_account", "account", "account", "parentaccountid",
                        "parentaccountid"));
        assertThat(account.relationship("primarycontactid", "contact").orElseThrow().schemaName())
                .isEqualTo("account_primary_contact");

        Column parentCustomer = v8.table("contact").orElseThrow().column("parentcustomerid").orElseThrow();
        assertThat(parentCustomer.type()).isEqualTo(ColumnType.CUSTOMER);
        assertThat(parentCustomer.targets()).containsExactlyInAnyOrder("account", "contact");
        assertThat(v8.table("contact").orElseThrow().relationshipsByNavigation("parentcustomerid_contact"))
                .extracting(Relationship::schemaName).containsExactly("contact_customer_contacts");

        Column owner = account.column("ownerid").orElseThrow();
        assertThat(owner.type()).isEqualTo(ColumnType.OWNER);
        assertThat(owner.targets()).containsExactlyInAnyOrder("systemuser", "team");
        assertThat(account.relationshipsByNavigation("ownerid")).extracting(Relationship::referencedTable)
                .containsExactlyInAnyOrder("systemuser", "team");

        assertThat(v8.manyToMany("accountleads_association")).contains(
                new ManyToMany("accountleads_association", "account", "lead", "accountleads", "accountleadid"));
        Table accountLeads = v8.table("accountleads").orElseThrow();
        assertThat(accountLeads.isIntersect()).as("the document's intersect type becomes the synced table").isTrue();
        assertThat(accountLeads.entitySetName()).isEqualTo("accountleadscollection");
        assertThat(accountLeads.columns()).extracting(Column::name)
                .containsExactly("accountleadid", "accountid", "leadid", "versionnumber");
        Table systemuser = v8.table("systemuser").orElseThrow();
        assertThat(systemuser.primaryId()).as("the key ownerid is principal's; the table's id is its own")
                .isEqualTo("systemuserid");
        assertThat(systemuser.column("ownerid")).isEmpty();
        assertThat(systemuser.primaryName()).isEqualTo("fullname");
    }

    @Test
    void takesReadOnlinessFromTheRealDocumentsAnnotations() {
        Table account = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V8_DOCUMENT), CsdlHttp.V8_DOCUMENT,
                Set.of("account", "systemuser", "team")).table("account").orElseThrow();
        assertThat(account.column("openrevenue").orElseThrow().readOnly()).as("Computed").isTrue();
        assertThat(account.column("createdon").orElseThrow().readOnly()).as("Permissions Read").isTrue();
        assertThat(account.column("name").orElseThrow().readOnly()).isFalse();
        assertThat(account.column("parentaccountid").orElseThrow().validForCreate())
                .as("written through its navigation property despite its read-only _x_value").isTrue();
        assertThat(account.column("createdby").orElseThrow().readOnly()).as("a system lookup").isTrue();
        assertThat(account.column("address1_latitude").orElseThrow().type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(account.column("entityimage")).as("Edm.Binary is not stored").isEmpty();
    }

    @Test
    void readsTheRealDataverse91DocumentWithItsAlternateKeys() {
        Schema v91 = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V91_DOCUMENT), CsdlHttp.V91_DOCUMENT, Set.of());
        assertThat(v91.tables()).hasSizeGreaterThan(250);
        assertThat(v91.table("lead")).as("a base org without sales").isEmpty();
        assertThat(v91.table("contact").orElseThrow().column("birthdate").orElseThrow().type())
                .isEqualTo(ColumnType.DATEONLY);
        List<Table> keyed = v91.tables().stream().filter(t -> !t.alternateKeys().isEmpty()).toList();
        assertThat(keyed).hasSizeGreaterThan(10);
        Table connectionReference = v91.table("connectionreference").orElseThrow();
        assertThat(connectionReference.alternateKeys()).singleElement().satisfies(k -> assertThat(k.columns())
                .containsExactly("overwritetime", "connectionreferencelogicalname", "componentstate"));
        assertThat(v91.table("contact").orElseThrow().column("createdon").orElseThrow().readOnly())
                .as("a system column, though this document has no annotations").isTrue();
    }

    @Test
    void restrictsToTheGivenTablesAndDropsLookupsLeavingThem() {
        Schema crm = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V8_DOCUMENT), CsdlHttp.V8_DOCUMENT, CRM_TABLES);
        assertThat(crm.tables()).filteredOn(t -> !t.isIntersect()).extracting(Table::logicalName)
                .containsExactlyInAnyOrderElementsOf(CRM_TABLES);
        assertThat(crm.tables()).filteredOn(Table::isIntersect).extracting(Table::logicalName)
                .as("the intersect tables of the N:N relationships between the tables kept")
                .containsExactlyInAnyOrder("accountleads", "contactleads", "teammembership");
        Table account = crm.table("account").orElseThrow();
        assertThat(lookups(account)).contains("parentaccountid", "primarycontactid", "ownerid", "originatingleadid")
                .doesNotContain("transactioncurrencyid", "owningbusinessunit", "territoryid");
        assertThat(crm.manyToMany()).extracting(ManyToMany::schemaName)
                .contains("accountleads_association", "teammembership_association");
        for (Table t : crm.tables()) {
            assertThat(t.lookupRelationships()).allSatisfy(r -> assertThat(CRM_TABLES).contains(r.referencedTable()));
        }

        Schema withoutTeams = CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V8_DOCUMENT), CsdlHttp.V8_DOCUMENT,
                Set.of("account", "systemuser"));
        assertThat(withoutTeams.table("account").orElseThrow().column("ownerid").orElseThrow().targets())
                .containsExactly("systemuser");
    }

    @Test
    void refusesTablesTheDocumentLacks() {
        assertThatThrownBy(() -> CsdlSchemaReader.read(CsdlHttp.fixture(CsdlHttp.V91_DOCUMENT),
                CsdlHttp.V91_DOCUMENT, Set.of("account", "lead", "nosuchtable")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[lead, nosuchtable]");
    }

    @Test
    void readsAFileAndNamesTheSchemaAfterIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("source-org.xml");
        Files.write(file, MetadataHandler.document(CrmSchema.build()));
        Schema read = CsdlSchemaReader.read(file, Set.of("account", "contact", "systemuser", "team"));
        assertThat(read.name()).isEqualTo("source-org");
        assertThat(read.tables()).hasSize(4);
    }

    @Test
    void reportsADocumentItCannotRead() {
        assertThatThrownBy(() -> CsdlSchemaReader.read(new ByteArrayInputStream("<edmx:Edmx".getBytes()), "broken",
                Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken");
    }

    private static Set<String> lookups(Table t) {
        return t.columns().stream().filter(c -> c.type().isLookup()).map(Column::name).collect(Collectors.toSet());
    }

    /** What CSDL can carry of a column: its name, EDM type, writability and lookup targets. */
    private static String shape(Column c) {
        return c.name() + ":" + c.type().edmType() + ":" + c.validForCreate() + "/" + c.validForUpdate() + ":"
                + (c.type().isLookup() ? c.type() + c.targets().toString() : "");
    }
}
