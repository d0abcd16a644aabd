package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The many-to-many relationships of a table, read through the client from an emulated Dataverse's EntityDefinitions. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataManyToManyMetadataTest {

    private static final ManyToManyRelationship ACCOUNT_LEADS = new ManyToManyRelationship("accountleads_association",
            "account", "accountid", "accountleads_association", "lead", "leadid", "accountleads_association",
            "accountleads");

    @Inject
    ODataClients clients;

    @Test
    void bothTablesOfARelationshipListItWithItsIntersectTableAndNavigations() {
        ODataClient source = clients.client("source");

        assertThat(source.manyToManyRelationships("account")).containsExactly(ACCOUNT_LEADS);
        assertThat(source.manyToManyRelationships("lead")).containsExactly(ACCOUNT_LEADS);
    }

    @Test
    void aTableWithoutManyToManyRelationshipsHasNone() {
        assertThat(clients.client("source").manyToManyRelationships("contact")).isEmpty();
    }

    @Test
    void theRelationshipsAreReadOnceAndCached() {
        ODataClient target = clients.client("target");

        assertThat(target.manyToManyRelationships("account")).isSameAs(target.manyToManyRelationships("account"));
    }
}
