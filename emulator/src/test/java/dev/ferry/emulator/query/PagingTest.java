package dev.ferry.emulator.query;

import static dev.ferry.emulator.query.HttpJson.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.Ids;
import dev.ferry.emulator.store.Row;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest {
    private static final int ACCOUNTS = 12_000;
    private Emulator emulator;
    private HttpJson http;
    private TestRows rows;
    private List<UUID> accountIds;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        http = new HttpJson(emulator.baseUrl());
        rows = new TestRows(emulator, 3);
        accountIds = rows.accounts(ACCOUNTS);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    /** Follows nextLinks from a first request to the end; returns every page. */
    private List<HttpJson.Answer> allPages(String first, String... headers) {
        List<HttpJson.Answer> pages = new ArrayList<>();
        HttpJson.Answer page = http.get(first, headers);
        while (true) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            pages.add(page);
            JsonNode next = page.json().path("@odata.nextLink");
            if (next.isMissingNode()) {
                return pages;
            }
            assertThat(next.asText()).startsWith(emulator.baseUrl());
            page = http.getAbsolute(next.asText(), headers);
        }
    }

    private static List<UUID> ids(List<HttpJson.Answer> pages, String idProperty) {
        List<UUID> ids = new ArrayList<>();
        pages.forEach(p -> ids.addAll(p.ids(idProperty)));
        return ids;
    }

    private List<UUID> sortedAccountIds() {
        return accountIds.stream().sorted(Ids.ORDER).toList();
    }

    @Test
    void pagesOfFiveThousandCoverTwelveThousandRowsExactlyOnce() {
        List<HttpJson.Answer> pages = allPages("accounts?$select=name", "Prefer", "odata.maxpagesize=5000");
        assertThat(pages).extracting(p -> p.json().path("value").size()).containsExactly(5000, 5000, 2000);
        assertThat(pages).allSatisfy(p -> assertThat(p.header("Preference-Applied")).isEqualTo("odata.maxpagesize=5000"));
        assertThat(ids(pages, "accountid")).containsExactlyElementsOf(sortedAccountIds());
    }

    @Test
    void withoutAPreferenceThePageIsFiveThousandAndNothingIsSaidApplied() {
        HttpJson.Answer first = http.get("accounts?$select=name");
        assertThat(first.json().path("value")).hasSize(5000);
        assertThat(first.header("Preference-Applied")).isNull();
        HttpJson.Answer tooBig = http.get("accounts?$select=name", "Prefer", "odata.maxpagesize=6000");
        assertThat(tooBig.json().path("value")).hasSize(5000);
        assertThat(tooBig.header("Preference-Applied")).isNull();
    }

    @Test
    void smallPagesFollowAbsoluteNextLinksToTheLastRow() {
        List<HttpJson.Answer> pages = allPages("accounts?$select=name", "Prefer", "odata.maxpagesize=700");
        assertThat(pages).hasSize(18);
        assertThat(ids(pages, "accountid")).containsExactlyElementsOf(sortedAccountIds());
        String nextLink = pages.get(0).json().path("@odata.nextLink").asText();
        assertThat(nextLink).startsWith(emulator.baseUrl() + "accounts?$select=name&$skiptoken=%3Ccookie%20pagenumber=%222%22");
        String token = URLDecoder.decode(nextLink.substring(nextLink.indexOf("$skiptoken=") + 11), StandardCharsets.UTF_8);
        assertThat(token).startsWith("<cookie pagenumber=\"2\" pagingcookie=\"%3ccookie%20page%3d%221%22")
                .endsWith("istracking=\"False\" />");
    }

    @Test
    void nextLinksKeepTheFilterAndTheOrder() {
        String filter = "contains(name,'1') and numberofemployees lt 11000";
        List<HttpJson.Answer> pages = allPages("accounts?$select=name,numberofemployees&$orderby="
                + q("numberofemployees desc") + "&$filter=" + q(filter), "Prefer", "odata.maxpagesize=333");
        List<Integer> seen = new ArrayList<>();
        pages.forEach(p -> p.json().path("value").forEach(v -> seen.add(v.path("numberofemployees").asInt())));
        List<Integer> expected = new ArrayList<>();
        for (int i = 10_999; i >= 0; i--) {
            if (String.format("Account %05d", i).substring(8).contains("1")) {
                expected.add(i);
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages.get(0).json().path("@odata.nextLink").asText())
                .contains("$filter=contains(name,'1')%20and%20numberofemployees%20lt%2011000");
    }

    @Test
    void topAppliesToTheWholeResultAcrossPages() {
        List<HttpJson.Answer> pages = allPages("accounts?$select=name&$top=1234", "Prefer", "odata.maxpagesize=500");
        assertThat(pages).extracting(p -> p.json().path("value").size()).containsExactly(500, 500, 234);
        assertThat(ids(pages, "accountid")).containsExactlyElementsOf(sortedAccountIds().subList(0, 1234));
        assertThat(pages.get(0).json().path("@odata.nextLink").asText()).contains("$top=1234");
        List<HttpJson.Answer> exact = allPages("accounts?$select=name&$top=1000", "Prefer", "odata.maxpagesize=500");
        assertThat(exact).hasSize(2);
    }

    @Test
    void countIsOnEveryPage() {
        List<HttpJson.Answer> pages = allPages("accounts?$select=name&$count=true&$filter=" + q("numberofemployees lt 2500"),
                "Prefer", "odata.maxpagesize=1000");
        assertThat(pages).hasSize(3);
        assertThat(pages).allSatisfy(p -> assertThat(p.json().path("@odata.count").asInt()).isEqualTo(2500));
    }

    @Test
    void rowsInsertedOrDeletedBetweenPagesAreNeitherSkippedNorRepeated() {
        List<Row> contacts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            contacts.add(rows.row("contact").set("lastname", "C" + i).set("fullname", "C" + i).build());
        }
        rows.insertAll("contact", contacts);
        List<UUID> sorted = contacts.stream().map(Row::id).sorted(Ids.ORDER).toList();
        String prefer = "odata.maxpagesize=100";

        HttpJson.Answer page = http.get("contacts?$select=fullname", "Prefer", prefer);
        List<UUID> seen = new ArrayList<>(page.ids("contactid"));
        UUID cursor = seen.get(seen.size() - 1);
        UUID deletedBefore = seen.get(10);
        UUID deletedAfter = sorted.get(500);
        rows.delete("contact", deletedBefore);
        rows.delete("contact", deletedAfter);
        UUID insertedBefore = rows.row("contact").id(idWhere(id -> Ids.ORDER.compare(id, cursor) < 0))
                .set("lastname", "new").insert();
        UUID insertedAfter = rows.row("contact").id(idWhere(id -> Ids.ORDER.compare(id, cursor) > 0))
                .set("lastname", "new").insert();

        while (page.json().has("@odata.nextLink")) {
            page = http.getAbsolute(page.json().path("@odata.nextLink").asText(), "Prefer", prefer);
            seen.addAll(page.ids("contactid"));
        }
        Set<UUID> expected = new HashSet<>(sorted);
        expected.remove(deletedAfter);
        expected.add(insertedAfter);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(seen).doesNotContain(insertedBefore, deletedAfter).contains(deletedBefore);
        assertThat(seen).isSortedAccordingTo(Ids.ORDER);
    }

    @Test
    void orderedPagesStayExactWhenRowsChangeBetweenPages() {
        List<Row> leads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            leads.add(rows.row("lead").set("subject", "S" + (i % 7)).set("numberofemployees", i % 13).build());
        }
        rows.insertAll("lead", leads);
        String query = "leads?$select=subject&$orderby=" + q("subject desc,numberofemployees");
        String prefer = "odata.maxpagesize=40";
        HttpJson.Answer page = http.get(query, "Prefer", prefer);
        List<UUID> seen = new ArrayList<>(page.ids("leadid"));
        UUID lastBeforeChange = seen.get(seen.size() - 1);
        rows.delete("lead", lastBeforeChange);
        UUID addedAtTheEnd = rows.row("lead").set("subject", "A").set("numberofemployees", 0).insert();
        UUID addedAtTheStart = rows.row("lead").set("subject", "Z").set("numberofemployees", 0).insert();
        while (page.json().has("@odata.nextLink")) {
            page = http.getAbsolute(page.json().path("@odata.nextLink").asText(), "Prefer", prefer);
            seen.addAll(page.ids("leadid"));
        }
        Set<UUID> expected = new HashSet<>();
        leads.forEach(r -> expected.add(r.id()));
        expected.add(addedAtTheEnd);
        assertThat(seen).doesNotHaveDuplicates().doesNotContain(addedAtTheStart);
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
    }

    @Test
    void aSkipTokenThatIsNotOursOrForAnotherOrderIsRefused() {
        HttpJson.Answer garbage = http.get("accounts?$skiptoken=" + q("hello"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.errorMessage()).contains("$skiptoken");
        String nextLink = http.get("accounts?$select=name", "Prefer", "odata.maxpagesize=10").json()
                .path("@odata.nextLink").asText();
        HttpJson.Answer reordered = http.getAbsolute(nextLink + "&$orderby=name");
        assertThat(reordered.status()).isEqualTo(400);
        assertThat(reordered.errorMessage()).contains("another $orderby");
    }

    private static UUID idWhere(Predicate<UUID> wanted) {
        Random random = new Random(7);
        while (true) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            if (wanted.test(id)) {
                return id;
            }
        }
    }
}
