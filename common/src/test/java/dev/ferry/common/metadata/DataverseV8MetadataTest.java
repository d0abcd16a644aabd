package dev.ferry.common.metadata;

import static dev.ferry.common.metadata.MetadataFixtures.DATAVERSE_V8;
import static dev.ferry.common.metadata.MetadataFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What only the CRM 2016 (v8) document says: read-only annotations and the account–lead N:N. */
class DataverseV8MetadataTest {

    @Test
    void accountLeadsAssociationIsManyToManyOnBothSides() {
        ServiceMetadata metadata = metadata(DATAVERSE_V8);

        ManyToMany fromAccounts = metadata.entitySet("accounts").orElseThrow().manyToMany().stream()
                .filter(association -> association.navigationProperty().equals("accountleads_association"))
                .findFirst().orElseThrow();
        ManyToMany fromLeads = metadata.entitySet("leads").orElseThrow().manyToMany().stream()
                .filter(association -> association.navigationProperty().equals("accountleads_association"))
                .findFirst().orElseThrow();

        assertThat(fromAccounts.targetEntityType()).isEqualTo("Microsoft.Dynamics.CRM.lead");
        assertThat(fromAccounts.targetEntitySetIfBound()).contains("leads");
        assertThat(fromAccounts.partnerNavigation()).isEqualTo("accountleads_association");
        assertThat(fromLeads.targetEntitySetIfBound()).contains("accounts");
    }

    @Test
    void oneToManyCollectionsAreNotManyToMany() {
        EntitySetInfo accounts = metadata(DATAVERSE_V8).entitySet("accounts").orElseThrow();

        // account_parent_account is the collection side of the parentaccountid lookup.
        assertThat(accounts.manyToMany()).extracting(ManyToMany::navigationProperty)
                .doesNotContain("account_parent_account", "contact_customer_accounts");
    }

    @Test
    void computedAndReadOnlyColumnsAreMarked() {
        EntitySetInfo accounts = metadata(DATAVERSE_V8).entitySet("accounts").orElseThrow();

        PropertyInfo openRevenue = accounts.property("openrevenue").orElseThrow();
        PropertyInfo name = accounts.property("name").orElseThrow();
        PropertyInfo versionNumber = accounts.property("versionnumber").orElseThrow();

        assertThat(openRevenue.computed()).isTrue();
        assertThat(openRevenue.readOnly()).isTrue();
        assertThat(openRevenue.writableAsFarAsCsdlSays()).isFalse();
        assertThat(versionNumber.readOnly()).isTrue();
        assertThat(name.writableAsFarAsCsdlSays()).isTrue();
    }

    @Test
    void hasNoAlternateKeys() {
        assertThat(metadata(DATAVERSE_V8).entityTypes().values())
                .allSatisfy(type -> assertThat(type.alternateKeys()).isEmpty());
    }
}
