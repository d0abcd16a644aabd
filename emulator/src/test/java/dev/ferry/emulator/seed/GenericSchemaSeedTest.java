package dev.ferry.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.schema.SchemaBuilder;
import dev.ferry.emulator.store.LookupValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Tables the seeder knows nothing about are generated from their column types. */
class GenericSchemaSeedTest {

    @Test
    void seedsEveryColumnTypeOfUnknownTablesWithValidLookupsAndUniqueKeys() {
        SchemaBuilder b = new SchemaBuilder("custom");
        b.table("ferry_warehouse", "ferry_warehouses")
                .primaryName("ferry_name", 100, RequiredLevel.ApplicationRequired)
                .integer("ferry_code")
                .alternateKey("ferry_code_key", "ferry_code");
        b.table("ferry_widget", "ferry_widgets")
                .primaryName("ferry_name", 50, RequiredLevel.SystemRequired)
                .string("ferry_label", 10)
                .memo("ferry_notes", 4000)
                .integer("ferry_count")
                .bigint("ferry_big")
                .decimal("ferry_ratio", 3)
                .money("ferry_price")
                .doubleColumn("ferry_weight", 2)
                .bool("ferry_flag")
                .dateTime("ferry_when")
                .dateOnly("ferry_day")
                .guid("ferry_ref")
                .picklist("ferry_kind", Map.of(100000000, "A", 100000001, "B"))
                .multiSelect("ferry_tags", Map.of(1, "x", 2, "y", 3, "z"))
                .stateAndStatus(Map.of(0, "Active", 1, "Inactive"), Map.of(1, "Active", 2, "Inactive"))
                .lookup("ferry_warehouseid", "ferry_warehouse", "ferry_widget_warehouse", RequiredLevel.SystemRequired)
                .lookup("ferry_parentid", "ferry_widget", "ferry_widget_parent", RequiredLevel.None);
        b.manyToMany("ferry_widget_warehouse_nn", "ferry_widget", "ferry_warehouse", "ferry_widget_warehouse_set");
        Schema schema = b.build();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("ferry_widget", 300);
        counts.put("ferry_warehouse", 20);

        SeededStore seeded = SeededStore.seeded(schema, counts, 7);

        assertThat(seeded.result.rows()).containsEntry("ferry_widget", 300).containsEntry("ferry_warehouse", 20);
        for (String column : new String[] {"ferry_label", "ferry_notes", "ferry_count", "ferry_big", "ferry_ratio",
                "ferry_price", "ferry_weight", "ferry_flag", "ferry_when", "ferry_day", "ferry_ref", "ferry_kind",
                "ferry_tags", "statecode", "statuscode"}) {
            assertThat(seeded.values("ferry_widget", column)).as(column).anyMatch(Objects::nonNull);
        }
        assertThat(seeded.values("ferry_widget", "ferry_label")).allMatch(v -> v == null || ((String) v).length() <= 10);
        assertThat(seeded.lookups("ferry_widget", "ferry_warehouseid")).hasSize(300)
                .allMatch(v -> seeded.store.table("ferry_warehouse").get(v.id()).isPresent());
        assertThat(seeded.lookups("ferry_widget", "ferry_parentid").map(LookupValue::table)).isNotEmpty()
                .allMatch("ferry_widget"::equals);
        assertThat(seeded.values("ferry_warehouse", "ferry_code")).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(seeded.store.associations("ferry_widget_warehouse_nn").size()).isPositive();
        assertThat(schema.table("ferry_widget").orElseThrow().column("ferry_big").orElseThrow().type())
                .isEqualTo(ColumnType.BIGINT);
    }
}
