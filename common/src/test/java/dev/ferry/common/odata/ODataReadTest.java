package dev.ferry.common.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.metadata.ServiceKind;
import dev.ferry.common.metadata.ServiceMetadata;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads through the client from an emulated Dataverse: paging, query options, annotations, metadata. */
@QuarkusTest
@QuarkusTestResource(EmulatorEnvironments.class)
class ODataReadTest {

    @Inject
    ODataClients clients;

    @Test
    void pagesOfFiveThousandReadEveryRowOnce() {
        PageQuery query = new PageQuery("accounts", List.of("accountid", "name"), null, 5000, false);

        ReadResult result = readAll(query);

        assertThat(result.pages).isEqualTo(3);
        assertThat(result.ids).hasSize(EmulatorEnvironments.SOURCE_ACCOUNTS);
        assertThat(result.rows).isEqualTo(EmulatorEnvironments.SOURCE_ACCOUNTS);
    }

    @Test
    void pagesOfSevenHundredFollowNextLinksToTheEnd() {
        PageQuery query = new PageQuery("accounts", List.of("accountid"), null, 700, false);

        ReadResult result = readAll(query);

        assertThat(result.pages).isEqualTo((EmulatorEnvironments.SOURCE_ACCOUNTS + 699) / 700);
        assertThat(result.ids).hasSize(EmulatorEnvironments.SOURCE_ACCOUNTS);
        assertThat(result.rows).isEqualTo(EmulatorEnvironments.SOURCE_ACCOUNTS);
    }

    @Test
    void selectAndFilterReachTheService() {
        Page page = clients.client("source").firstPage(new PageQuery("accounts", List.of("accountnumber", "name"),
                "accountnumber eq 'ACC-0000042'", 5000, false));

        assertThat(page.records()).hasSize(1);
        ObjectNode record = page.records().get(0);
        assertThat(record.path("accountnumber").asText()).isEqualTo("ACC-0000042");
        assertThat(record.has("telephone1")).as("unselected column").isFalse();
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void filterWithQuotesAndSpecialCharactersIsEncoded() {
        Page page = clients.client("source").firstPage(new PageQuery("accounts", List.of("name"),
                "name eq 'O''Brien & Söhne #1 100%'", 10, false));

        assertThat(page.records()).isEmpty();
    }

    @Test
    void annotationsComeOnlyWhenAskedFor() {
        String annotation = "_parentaccountid_value@Microsoft.Dynamics.CRM.lookuplogicalname";
        PageQuery with = new PageQuery("accounts", List.of("name", "_parentaccountid_value"), "_parentaccountid_value ne null",
                50, true);
        PageQuery without = new PageQuery("accounts", List.of("name", "_parentaccountid_value"), "_parentaccountid_value ne null",
                50, false);

        Page annotated = clients.client("source").firstPage(with);
        Page plain = clients.client("source").firstPage(without);

        assertThat(annotated.records()).isNotEmpty()
                .allSatisfy(record -> assertThat(record.path(annotation).asText()).isEqualTo("account"));
        assertThat(plain.records()).isNotEmpty().noneMatch(record -> record.has(annotation));
    }

    @Test
    void metadataIsReadAndCached() {
        ODataClient source = clients.client("source");

        ServiceMetadata metadata = source.metadata();

        assertThat(metadata.kind()).isEqualTo(ServiceKind.DATAVERSE);
        assertThat(metadata.entitySet("accounts")).isPresent();
        assertThat(metadata.entitySet("accounts").orElseThrow().keyPropertyNames()).containsExactly("accountid");
        assertThat(source.metadata()).isSameAs(metadata);
    }

    @Test
    void attributesTellWhatMayBeWritten() {
        Map<String, AttributeInfo> attributes = clients.client("source").attributes("account");

        assertThat(attributes.get("createdon").validForCreate()).isFalse();
        assertThat(attributes.get("createdon").validForUpdate()).isFalse();
        assertThat(attributes.get("name").validForCreate()).isTrue();
        assertThat(attributes.get("name").attributeType()).isEqualTo("String");
        assertThat(attributes.get("parentaccountid").attributeType()).isEqualTo("Lookup");
        assertThat(attributes.get("name").requiredLevel()).isNotBlank();
        assertThat(clients.client("source").attributes("account")).isSameAs(attributes);
    }

    @Test
    void serviceRootIsNormalisedToEndInASlash() {
        assertThat(clients.client("source").serviceRoot()).endsWith("/api/data/v9.2/");
        assertThat(clients.client("source").environment()).isEqualTo("source");
    }

    @Test
    void aNextLinkToAnotherHostIsRefused() {
        PageQuery query = new PageQuery("accounts", List.of(), null, 10, false);

        assertThatThrownBy(() -> clients.client("source").nextPage("https://elsewhere.example.com/api/data/v9.2/accounts?$skiptoken=x", query))
                .isInstanceOf(ODataException.class)
                .hasMessageContaining("leaves the service root")
                .satisfies(e -> assertThat(((ODataException) e).retriable()).isFalse());
    }

    @Test
    void aRelativeNextLinkIsResolvedAgainstTheServiceRoot() {
        ODataClient source = clients.client("source");
        PageQuery query = new PageQuery("accounts", List.of("accountid"), null, 100, false);
        Page first = source.firstPage(query);
        String relative = first.nextLink().substring(source.serviceRoot().length());

        Page second = source.nextPage(relative, query);

        assertThat(second.records()).hasSize(100);
        assertThat(second.records().get(0)).isNotEqualTo(first.records().get(0));
    }

    private ReadResult readAll(PageQuery query) {
        ODataClient source = clients.client("source");
        ReadResult result = new ReadResult();
        Page page = source.firstPage(query);
        while (true) {
            result.pages++;
            assertThat(page.records()).hasSizeLessThanOrEqualTo(query.pageSize());
            for (ObjectNode record : page.records()) {
                result.rows++;
                result.ids.add(record.path("accountid").asText());
            }
            if (page.isLast()) {
                return result;
            }
            page = source.nextPage(page.nextLink(), query);
        }
    }

    private static final class ReadResult {
        int pages;
        int rows;
        final Set<String> ids = new HashSet<>();
    }
}
