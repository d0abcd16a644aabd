package dev.ferry.common.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader's behaviour on documents that are not the happy path. */
class CsdlMetadataReaderTest {

    private final CsdlMetadataReader reader = new CsdlMetadataReader();

    @Test
    void refusesADocumentThatIsNotXml() {
        assertThatThrownBy(() -> reader.read(stream("{\"value\": []}")))
                .isInstanceOf(MetadataReadException.class)
                .hasMessageStartingWith("Not a readable CSDL document");
    }

    @Test
    void refusesAnEntitySetOfAnUndefinedType() {
        String csdl = edmx("""
                <EntityContainer Name="C">
                  <EntitySet Name="things" EntityType="N.Missing"/>
                </EntityContainer>""");

        assertThatThrownBy(() -> reader.read(stream(csdl)))
                .isInstanceOf(MetadataReadException.class)
                .hasMessageContaining("'things'").hasMessageContaining("'N.Missing'");
    }

    @Test
    void readsADocumentWithoutAnEntityContainerAsTypesOnly() {
        String csdl = edmx("""
                <EntityType Name="Thing"><Key><PropertyRef Name="Id"/></Key>
                  <Property Name="Id" Type="Edm.Int32" Nullable="false"/>
                </EntityType>""");

        ServiceMetadata metadata = reader.read(stream(csdl));

        assertThat(metadata.entitySets()).isEmpty();
        assertThat(metadata.entityType("N.Thing")).isPresent();
    }

    @Test
    void computedWithAFalseValueIsNotComputed() {
        String csdl = edmx("""
                <EntityType Name="Thing"><Key><PropertyRef Name="Id"/></Key>
                  <Property Name="Id" Type="Edm.Int32" Nullable="false">
                    <Annotation Term="Org.OData.Core.V1.Computed" Bool="false"/>
                  </Property>
                </EntityType>""");

        assertThat(reader.read(stream(csdl)).entityType("N.Thing").orElseThrow().property("Id").orElseThrow().computed())
                .isFalse();
    }

    @Test
    void aCompositeForeignKeyIsNotReadAsALookup() {
        String csdl = edmx("""
                <EntityType Name="Order"><Key><PropertyRef Name="Id"/></Key>
                  <Property Name="Id" Type="Edm.Int32" Nullable="false"/>
                </EntityType>
                <EntityType Name="Line"><Key><PropertyRef Name="Id"/></Key>
                  <Property Name="Id" Type="Edm.Int32" Nullable="false"/>
                  <Property Name="A" Type="Edm.Int32"/><Property Name="B" Type="Edm.Int32"/>
                  <NavigationProperty Name="Order" Type="N.Order">
                    <ReferentialConstraint Property="A" ReferencedProperty="Id"/>
                    <ReferentialConstraint Property="B" ReferencedProperty="Id"/>
                  </NavigationProperty>
                </EntityType>
                <EntityContainer Name="C">
                  <EntitySet Name="Orders" EntityType="N.Order"/>
                  <EntitySet Name="Lines" EntityType="N.Line"/>
                </EntityContainer>""");

        assertThat(reader.read(stream(csdl)).entitySet("Lines").orElseThrow().lookups()).isEmpty();
    }

    private static String edmx(String schemaContent) {
        return """
                <edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
                  <edmx:DataServices>
                    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="N">
                """ + schemaContent + """
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>""";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
