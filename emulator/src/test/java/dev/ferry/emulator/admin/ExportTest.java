package dev.ferry.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportTest {
    private static final Map<String, Integer> SEED = Map.of("systemuser", 5, "account", 40, "contact", 60, "lead", 30);

    @Test
    void exportsRowsAsJsonLinesOrderedByIdWithEveryWritableColumn() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(SEED))) {
            AdminClient admin = new AdminClient(emulator);
            HttpResponse<String> raw = admin.get("tables/contact/export");
            List<JsonNode> lines = admin.export("tables/contact/export");

            assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/x-ndjson"));
            assertThat(lines).hasSize(60);
            List<String> ids = lines.stream().map(l -> l.path("contactid").asText()).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            Table contact = emulator.schema().table("contact").orElseThrow();
            List<String> expected = contact.columns().stream().filter(c -> !c.readOnly()).map(Column::name).toList();
            for (JsonNode line : lines) {
                assertThat(fieldNames(line)).containsExactlyElementsOf(expected);
            }
            assertThat(lines).anyMatch(l -> l.path("parentcustomerid").asText().matches("(account|contact):[0-9a-f-]{36}"));
            assertThat(lines).anyMatch(l -> l.path("emailaddress1").isNull());
        }
    }

    @Test
    void includesReadOnlyColumnsOnRequest() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(SEED))) {
            JsonNode first = new AdminClient(emulator).export("tables/contact/export?system=true").get(0);

            assertThat(fieldNames(first)).contains("createdon", "modifiedon", "versionnumber", "fullname");
            assertThat(first.path("versionnumber").isNumber()).isTrue();
            assertThat(first.path("createdon").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
    }

    @Test
    void sameRandomSeedExportsTheSameAndAnotherSeedDiffers() {
        String first;
        String second;
        String other;
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(SEED).randomSeed(5))) {
            first = new AdminClient(emulator).get("tables/account/export").body();
        }
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(SEED).randomSeed(5))) {
            second = new AdminClient(emulator).get("tables/account/export").body();
        }
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(SEED).randomSeed(6))) {
            other = new AdminClient(emulator).get("tables/account/export").body();
        }
        assertThat(first).isNotEmpty().isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void sameDataWrittenDifferentlyExportsTheSame() {
        try (Emulator source = Emulator.start(EmulatorOptions.defaults().seed(SEED));
                Emulator target = Emulator.start(EmulatorOptions.defaults())) {
            // As a migration would: same values, other system columns, decimals with another scale.
            for (String tableName : List.of("systemuser", "account", "contact", "lead")) {
                Table table = source.schema().table(tableName).orElseThrow();
                List<Row> copies = new ArrayList<>();
                for (Row r : source.store().table(tableName).rows()) {
                    Object[] v = r.copyValues();
                    for (Column c : table.columns()) {
                        int slot = table.indexOf(c);
                        if (v[slot] instanceof BigDecimal d) {
                            v[slot] = d.setScale(4);
                        }
                    }
                    v[table.indexOf("createdon")] = Instant.now();
                    v[table.indexOf("modifiedon")] = Instant.now();
                    v[table.indexOf("versionnumber")] = target.store().nextVersion();
                    copies.add(new Row(r.id(), v));
                }
                target.store().inTransaction(tx -> {
                    copies.forEach(row -> tx.put(tableName, row));
                    return null;
                });
            }
            target.store().inTransaction(tx -> {
                source.store().associations("accountleads_association").pairs()
                        .forEach(p -> tx.associate("accountleads_association", p[0], p[1]));
                return null;
            });
            AdminClient from = new AdminClient(source);
            AdminClient to = new AdminClient(target);

            for (String table : List.of("systemuser", "account", "contact", "lead")) {
                assertThat(to.get("tables/" + table + "/export").body()).as(table)
                        .isEqualTo(from.get("tables/" + table + "/export").body());
            }
            assertThat(to.get("associations/accountleads_association/export").body())
                    .isEqualTo(from.get("associations/accountleads_association/export").body());
            assertThat(to.get("tables/account/export?system=true").body())
                    .isNotEqualTo(from.get("tables/account/export?system=true").body());
        }
    }

    @Test
    void writesValuesInCanonicalForm() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
            Table account = emulator.schema().table("account").orElseThrow();
            UUID id = UUID.fromString("0000000a-0000-4000-8000-00000000000a");
            UUID contactId = UUID.fromString("0000000b-0000-4000-8000-00000000000b");
            Object[] v = new Object[account.columnCount()];
            v[account.primaryIdIndex()] = id;
            v[account.indexOf("name")] = "Café ☕ \"quoted\"";
            v[account.indexOf("revenue")] = new BigDecimal("1500.5000");
            v[account.indexOf("creditlimit")] = new BigDecimal("0.0000");
            v[account.indexOf("address1_latitude")] = 47.5;
            v[account.indexOf("creditonhold")] = true;
            v[account.indexOf("numberofemployees")] = 12;
            v[account.indexOf("lastusedincampaign")] = Instant.parse("2024-03-01T10:15:30.789Z");
            v[account.indexOf("primarycontactid")] = new LookupValue("contact", contactId);
            v[account.indexOf("industrycode")] = 3;
            emulator.store().inTransaction(tx -> tx.put("account", new Row(id, v)));

            JsonNode line = new AdminClient(emulator).export("tables/account/export").get(0);

            assertThat(line.path("accountid").asText()).isEqualTo(id.toString());
            assertThat(line.path("name").asText()).isEqualTo("Café ☕ \"quoted\"");
            assertThat(line.path("revenue").toString()).isEqualTo("1500.5");
            assertThat(line.path("creditlimit").toString()).isEqualTo("0");
            assertThat(line.path("address1_latitude").asDouble()).isEqualTo(47.5);
            assertThat(line.path("creditonhold").asBoolean()).isTrue();
            assertThat(line.path("numberofemployees").asInt()).isEqualTo(12);
            assertThat(line.path("industrycode").asInt()).isEqualTo(3);
            assertThat(line.path("lastusedincampaign").asText()).isEqualTo("2024-03-01T10:15:30Z");
            assertThat(line.path("primarycontactid").asText()).isEqualTo("contact:" + contactId);
            assertThat(line.path("ownerid").isNull()).isTrue();
        }
    }

    @Test
    void exportsAssociationsAsOrderedPairsNamedLikeTheIntersectTable() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().seed(SEED))) {
            List<JsonNode> pairs = new AdminClient(emulator).export("associations/accountleads_association/export");

            assertThat(pairs).hasSize((int) emulator.store().associations("accountleads_association").size())
                    .isNotEmpty();
            List<String> keys = pairs.stream().map(p -> p.path("accountid").asText() + p.path("leadid").asText())
                    .toList();
            assertThat(keys).isSorted().doesNotHaveDuplicates();
            assertThat(fieldNames(pairs.get(0))).containsExactly("accountid", "leadid");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
