package dev.ferry.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.csdl.CsdlSchemaReader;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The seeder on tables read from a real environment's $metadata, which it knows only by type. */
class RealSchemaSeedTest {
    private static final Set<String> TABLES = Set.of("systemuser", "team", "account", "contact", "lead", "opportunity");

    @Test
    void seedsTablesOfARealMetadataDocumentWithValidLookups() throws IOException {
        Schema schema;
        try (InputStream in = new GZIPInputStream(
                getClass().getResourceAsStream("/fixtures/crm2016-v8-DynamicsCRM.xml.gz"))) {
            schema = CsdlSchemaReader.read(in, "crm2016", TABLES);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, 60));

        SeededStore seeded = SeededStore.seeded(schema, counts, 11);

        int lookups = 0;
        for (Table t : schema.tables()) {
            if (t.isIntersect()) {
                // Intersect rows follow the associations the seeder links, not the seed counts.
                assertThat(seeded.store.table(t.logicalName()).size())
                        .isEqualTo(seeded.store.associations(schema.manyToManyByIntersect(t.logicalName())
                                .orElseThrow().schemaName()).size());
                continue;
            }
            assertThat(seeded.store.table(t.logicalName()).size()).isEqualTo(60);
            for (Column c : t.columns()) {
                if (c.type().isLookup()) {
                    for (LookupValue v : seeded.lookups(t.logicalName(), c.name()).toList()) {
                        assertThat(seeded.store.table(v.table()).get(v.id())).as(t + "." + c.name()).isPresent();
                        lookups++;
                    }
                }
            }
        }
        assertThat(lookups).isPositive();
        assertThat(seeded.values("account", "name")).doesNotContainNull();
        assertThat(seeded.strings()).anyMatch(s -> s.chars().anyMatch(ch -> ch > 0x7F));
    }
}
