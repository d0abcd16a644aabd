package dev.ferry.emulator.query;

import static dev.ferry.emulator.query.HttpJson.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.Ids;
import dev.ferry.emulator.store.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionQueryTest {
    private static final int LEADS = 5003;
    private Emulator emulator;
    private HttpJson http;
    private final List<Row> accounts = new ArrayList<>();

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        TestRows rows = new TestRows(emulator, 2);
        int[] employees = {10, 20, 10, 30, 10};
        String[] names = {"Beta", "Alpha", "Alpha", "Gamma", "Delta"};
        for (int i = 0; i < names.length; i++) {
            accounts.add(rows.row("account").set("name", names[i]).set("numberofemployees", employees[i])
                    .set("revenue", new BigDecimal(1000 * (i + 1))).build());
        }
        accounts.add(rows.row("account").set("name", "Nameless employees").build());
        rows.insertAll("account", accounts);
        List<Row> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(rows.row("lead").set("subject", "Lead " + i).set("leadqualitycode", i < 3 ? 1 : 2).build());
        }
        rows.insertAll("lead", leads);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void selectListsItsPropertiesInTheContextAndAlwaysAddsThePrimaryId() {
        HttpJson.Answer a = http.get("accounts?$select=name,revenue");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.header("OData-Version")).isEqualTo("4.0");
        JsonNode body = a.json();
        assertThat(body.path("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#accounts(name,revenue)");
        JsonNode first = body.path("value").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("@odata.etag", "name", "revenue", "accountid");
        Row stored = emulator.store().table("account").get(UUID.fromString(first.path("accountid").asText())).orElseThrow();
        int version = emulator.schema().table("account").orElseThrow().indexOf("versionnumber");
        assertThat(first.path("@odata.etag").asText()).isEqualTo("W/\"" + stored.get(version) + "\"");
    }

    @Test
    void withoutSelectEveryColumnComesWithLookupsAsValueProperties() {
        JsonNode body = http.get("accounts").json();
        assertThat(body.path("@odata.context").asText()).isEqualTo(emulator.baseUrl() + "$metadata#accounts");
        JsonNode first = body.path("value").get(0);
        assertThat(first.has("_parentaccountid_value")).isTrue();
        assertThat(first.path("_ownerid_value").isNull()).isTrue();
        assertThat(first.has("parentaccountid")).isFalse();
        assertThat(first.size()).isEqualTo(emulator.schema().table("account").orElseThrow().columnCount() + 1);
    }

    @Test
    void selectOfAnUnknownPropertyIsRefusedWithDataversesMessage() {
        HttpJson.Answer a = http.get("accounts?$select=name,nosuchcolumn");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage())
                .isEqualTo("Could not find a property named 'nosuchcolumn' on type 'Microsoft.Dynamics.CRM.account'.");
    }

    @Test
    void orderbyOnSeveralColumnsWithDirectionsBreaksTiesById() {
        List<UUID> ids = http.get("accounts?$select=name&$orderby=" + q("numberofemployees desc,name asc"))
                .ids("accountid");
        List<Row> expected = new ArrayList<>(accounts);
        int employees = emulator.schema().table("account").orElseThrow().indexOf("numberofemployees");
        int name = emulator.schema().table("account").orElseThrow().indexOf("name");
        expected.sort(Comparator.<Row, Integer>comparing(r -> (Integer) r.get(employees),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> (String) r.get(name))
                .thenComparing(Row::id, Ids.ORDER));
        assertThat(ids).containsExactlyElementsOf(expected.stream().map(Row::id).toList());
    }

    @Test
    void orderbyPutsEmptyValuesFirstAscendingLikeSqlServer() {
        JsonNode value = http.get("accounts?$select=name,numberofemployees&$orderby=numberofemployees").json().path("value");
        assertThat(value.get(0).path("name").asText()).isEqualTo("Nameless employees");
        assertThat(value.get(value.size() - 1).path("numberofemployees").asInt()).isEqualTo(30);
    }

    @Test
    void orderbyOfAnUnknownPropertyOrDirectionIsRefused() {
        assertThat(http.get("accounts?$orderby=nosuch").errorMessage()).contains("Could not find a property named 'nosuch'");
        assertThat(http.get("accounts?$orderby=" + q("name sideways")).status()).isEqualTo(400);
    }

    @Test
    void topLimitsTheRows() {
        assertThat(http.get("accounts?$top=2&$orderby=name").ids("accountid")).hasSize(2);
        assertThat(http.get("accounts?$top=0").json().path("value")).isEmpty();
        HttpJson.Answer bad = http.get("accounts?$top=-1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorMessage()).contains("Invalid value '-1' for $top query option");
    }

    @Test
    void countCountsEveryMatchingRowWhateverThePageSize() {
        HttpJson.Answer a = http.get("accounts?$count=true&$filter=" + q("numberofemployees eq 10"),
                "Prefer", "odata.maxpagesize=1");
        assertThat(a.json().path("@odata.count").asInt()).isEqualTo(3);
        assertThat(a.json().path("value")).hasSize(1);
        assertThat(a.json().has("@Microsoft.Dynamics.CRM.totalrecordcount")).isFalse();
    }

    @Test
    void countStopsAtFiveThousandAndSaysSoWhenAskedForTheAnnotations() {
        String prefer = "odata.include-annotations=\"Microsoft.Dynamics.CRM.totalrecordcount,"
                + "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded\"";
        JsonNode many = http.get("leads?$select=subject&$count=true&$top=1", "Prefer", prefer).json();
        assertThat(many.path("@odata.count").asInt()).isEqualTo(5000);
        assertThat(many.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(5000);
        assertThat(many.path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean()).isTrue();
        JsonNode few = http.get("leads?$select=subject&$count=true&$filter=" + q("leadqualitycode eq 1"), "Prefer", prefer)
                .json();
        assertThat(few.path("@odata.count").asInt()).isEqualTo(3);
        assertThat(few.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(3);
        assertThat(few.path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean()).isFalse();
        JsonNode uncounted = http.get("leads?$select=subject&$top=1", "Prefer", prefer).json();
        assertThat(uncounted.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(-1);
    }

    @Test
    void countSegmentAnswersAPlainNumber() {
        HttpJson.Answer a = http.get("accounts/$count?$filter=" + q("numberofemployees eq 10"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("text/plain");
        assertThat(a.body()).isEqualTo("3");
        assertThat(http.get("leads/$count").body()).isEqualTo("5000");
    }

    @Test
    void skipIsRefusedAsDataverseRefusesIt() {
        HttpJson.Answer a = http.get("accounts?$skip=2");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("0x80060888");
        assertThat(a.errorMessage()).isEqualTo("The query parameter $skip is not supported");
    }

    @Test
    void collectionExpandAndAggregationAnswerNotImplemented() {
        HttpJson.Answer expand = http.get("accounts?$expand=contact_customer_accounts");
        assertThat(expand.status()).isEqualTo(501);
        assertThat(expand.errorMessage()).contains("$expand of the collection-valued navigation property");
        assertThat(http.get("accounts?$apply=" + q("groupby((name))")).status()).isEqualTo(501);
    }

    @Test
    void unknownSystemQueryOptionsAreRefusedAndCustomOnesIgnored() {
        HttpJson.Answer a = http.get("accounts?$levels=2");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorMessage()).isEqualTo("The query parameter '$levels' is not supported.");
        assertThat(http.get("accounts?tracking=abc").status()).isEqualTo(200);
    }
}
