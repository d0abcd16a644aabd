package dev.ferry.common.metadata;

import static dev.ferry.common.metadata.MetadataFixtures.DATAVERSE_V91;
import static dev.ferry.common.metadata.MetadataFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What only the Dataverse v9.1 document says: alternate keys, and no read-only annotations any more. */
class DataverseV91MetadataTest {

    @Test
    void fortyNineEntityTypesDeclareSeventyFourAlternateKeys() {
        List<EntityTypeInfo> withKeys = metadata(DATAVERSE_V91).entityTypes().values().stream()
                .filter(type -> !type.alternateKeys().isEmpty()).toList();

        assertThat(withKeys).hasSize(49);
        assertThat(withKeys.stream().mapToInt(type -> type.alternateKeys().size()).sum()).isEqualTo(74);
    }

    @Test
    void teamsAlternateKeyIsNamedByItsPropertiesInDeclaredOrder() {
        EntitySetInfo teams = metadata(DATAVERSE_V91).entitySet("teams").orElseThrow();

        assertThat(teams.alternateKeys()).extracting(AlternateKey::name)
                .containsExactly("membershiptype,azureactivedirectoryobjectid");
        assertThat(teams.alternateKey("azureactivedirectoryobjectid, membershiptype")).isPresent();
        assertThat(teams.alternateKey("membershiptype")).isEmpty();
    }

    @Test
    void alternateKeyPropertiesExistOnTheirEntityType() {
        assertThat(metadata(DATAVERSE_V91).entitySets().values()).allSatisfy(set ->
                assertThat(set.alternateKeys()).allSatisfy(key ->
                        assertThat(set.entityType().properties()).containsKeys(key.propertyNames().toArray(String[]::new))));
    }

    @Test
    void someLookupsUseAPlainUniqueIdentifierPropertyInsteadOfALookupValue() {
        EntitySetInfo accounts = metadata(DATAVERSE_V91).entitySet("accounts").orElseThrow();

        Lookup stage = accounts.lookup("stageid_processstage").orElseThrow();

        assertThat(stage.foreignKeyProperty()).isEqualTo("stageid");
        assertThat(stage.foreignKeyStyle()).isEqualTo(ForeignKeyStyle.PROPERTY);
        assertThat(stage.referencedProperty()).isEqualTo("processstageid");
        assertThat(stage.targetEntitySetIfBound()).contains("processstages");
        assertThat(stage.requiredness()).isEqualTo(Requiredness.UNKNOWN);
    }

    @Test
    void saysNothingAboutReadOnlyColumns() {
        PropertyInfo createdOn = metadata(DATAVERSE_V91).entitySet("accounts").orElseThrow()
                .property("createdon").orElseThrow();

        assertThat(createdOn.computed()).isFalse();
        assertThat(createdOn.readOnly()).isFalse();
    }
}
