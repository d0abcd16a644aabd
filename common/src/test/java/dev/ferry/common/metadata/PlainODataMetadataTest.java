package dev.ferry.common.metadata;

import static dev.ferry.common.metadata.MetadataFixtures.PLAIN_ODATA_SHOP;
import static dev.ferry.common.metadata.MetadataFixtures.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A plain OData v4 service: foreign-key properties, aliased vocabularies, out-of-line annotations. */
class PlainODataMetadataTest {

    private static final String SHOP = "Ferry.Samples.Shop.";

    private final ServiceMetadata shop = metadata(PLAIN_ODATA_SHOP);

    @Test
    void isRecognisedAsAGenericODataService() {
        assertThat(shop.kind()).isEqualTo(ServiceKind.GENERIC_ODATA);
    }

    @Test
    void productCategoryIsARequiredLookupThroughAForeignKeyProperty() {
        Lookup category = products().lookup("Category").orElseThrow();

        assertThat(category.targetEntityType()).isEqualTo(SHOP + "Category");
        assertThat(category.targetEntitySetIfBound()).contains("Categories");
        assertThat(category.foreignKeyProperty()).isEqualTo("CategoryID");
        assertThat(category.referencedProperty()).isEqualTo("ID");
        assertThat(category.foreignKeyStyle()).isEqualTo(ForeignKeyStyle.PROPERTY);
        assertThat(category.requiredness()).isEqualTo(Requiredness.REQUIRED);
    }

    @Test
    void aNullableForeignKeyMakesAnOptionalLookup() {
        Lookup supplier = products().lookup("Supplier").orElseThrow();

        assertThat(supplier.foreignKeyProperty()).isEqualTo("SupplierID");
        assertThat(supplier.targetEntitySetIfBound()).contains("Suppliers");
        assertThat(supplier.requiredness()).isEqualTo(Requiredness.OPTIONAL);
    }

    @Test
    void aPlainForeignKeyIsItsOwnLogicalName() {
        LookupColumn column = products().lookupColumn("CategoryID").orElseThrow();

        assertThat(column.logicalName()).isEqualTo("CategoryID");
        assertThat(column.isPolymorphic()).isFalse();
    }

    @Test
    void anUnboundSelfReferenceResolvesToTheOnlyEntitySetOfItsType() {
        EntitySetInfo employees = shop.entitySet("Employees").orElseThrow();

        Lookup manager = employees.lookup("Manager").orElseThrow();

        assertThat(manager.targetEntitySetIfBound()).contains("Employees");
        assertThat(manager.foreignKeyProperty()).isEqualTo("ManagerID");
        assertThat(employees.keyPropertyNames()).containsExactly("ID");
        assertThat(employees.entityType().properties()).containsOnlyKeys("ID", "FullName", "ManagerID", "HiredOn");
    }

    @Test
    void collectionsWithACollectionPartnerAreManyToMany() {
        assertThat(products().manyToMany()).singleElement().satisfies(tags -> {
            assertThat(tags.navigationProperty()).isEqualTo("Tags");
            assertThat(tags.targetEntitySetIfBound()).contains("Tags");
            assertThat(tags.partnerNavigation()).isEqualTo("Products");
        });
        assertThat(shop.entitySet("Categories").orElseThrow().manyToMany()).isEmpty();
    }

    @Test
    void propertiesCarryTypeLengthNullabilityAndCollection() {
        PropertyInfo name = products().property("Name").orElseThrow();
        PropertyInfo labels = products().property("Labels").orElseThrow();

        assertThat(name.type()).isEqualTo("Edm.String");
        assertThat(name.maxLengthIfDeclared()).hasValue(80);
        assertThat(name.nullable()).isFalse();
        assertThat(labels.collection()).isTrue();
        assertThat(labels.type()).isEqualTo("Edm.String");
        assertThat(products().property("UnitPrice").orElseThrow().maxLengthIfDeclared()).isEmpty();
    }

    @Test
    void aliasedAndOutOfLineAnnotationsMarkComputedAndReadOnlyColumns() {
        assertThat(products().property("CreatedAt").orElseThrow().computed()).isTrue();
        assertThat(products().property("Sku").orElseThrow().readOnly()).isTrue();
        assertThat(products().property("Name").orElseThrow().readOnly()).isFalse();
        assertThat(products().property("UnitPrice").orElseThrow().writableAsFarAsCsdlSays()).isTrue();
    }

    @Test
    void alternateKeysComeFromTheTypeAndFromTheEntitySet() {
        assertThat(shop.entitySet("Suppliers").orElseThrow().alternateKeys()).extracting(AlternateKey::name)
                .containsExactly("Code");
        assertThat(products().alternateKeys()).extracting(AlternateKey::name).containsExactly("Sku");
    }

    private EntitySetInfo products() {
        return shop.entitySet("Products").orElseThrow();
    }
}
