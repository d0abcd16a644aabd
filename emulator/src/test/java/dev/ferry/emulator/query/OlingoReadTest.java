package dev.ferry.emulator.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.store.Ids;
import java.math.BigDecimal;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.EdmEnabledODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.communication.response.ODataRetrieveResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An independent OData client (Apache Olingo) pages through an entity set by its nextLinks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OlingoReadTest {
    private static final int ACCOUNTS = 2_345;
    private Emulator emulator;
    private List<UUID> ids;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        TestRows rows = new TestRows(emulator, 8);
        ids = rows.accounts(ACCOUNTS).stream().sorted(Ids.ORDER).toList();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private List<ClientEntity> readAll(ODataClient client, URI first) {
        List<ClientEntity> entities = new ArrayList<>();
        URI next = first;
        int pages = 0;
        while (next != null) {
            ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(next);
            request.setFormat(ContentType.JSON);
            request.addCustomHeader("Prefer", "odata.maxpagesize=500");
            ODataRetrieveResponse<ClientEntitySet> response = request.execute();
            assertThat(response.getStatusCode()).isEqualTo(200);
            ClientEntitySet page = response.getBody();
            entities.addAll(page.getEntities());
            next = page.getNext();
            pages++;
        }
        assertThat(pages).isEqualTo((ACCOUNTS + 499) / 500);
        return entities;
    }

    @Test
    void olingoFollowsNextLinksToTheEndAndReadsEveryEntity() {
        ODataClient client = ODataClientFactory.getClient();
        URI first = client.newURIBuilder(emulator.baseUrl()).appendEntitySetSegment("accounts")
                .select("name", "numberofemployees").build();
        List<ClientEntity> entities = readAll(client, first);
        List<UUID> read = entities.stream()
                .map(e -> UUID.fromString(e.getProperty("accountid").getPrimitiveValue().toString())).toList();
        assertThat(read).containsExactlyElementsOf(ids);
        assertThat(entities.get(0).getProperty("name").getPrimitiveValue().toString()).startsWith("Account ");
        assertThat(entities.get(0).getETag()).startsWith("W/\"");
    }

    /**
     * With the service's $metadata, Olingo types the values. The document is read here rather than
     * by Olingo, which would also fetch the OData vocabularies it references from the internet.
     */
    @Test
    void olingoWithTheServiceMetadataReadsTypedValues() throws Exception {
        HttpResponse<InputStream> metadata = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "$metadata")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(metadata.statusCode()).isEqualTo(200);
        Edm edm;
        try (InputStream in = metadata.body()) {
            edm = ODataClientFactory.getClient().getReader().readMetadata(in);
        }
        EdmEnabledODataClient client = ODataClientFactory.getEdmEnabledClient(emulator.baseUrl(), edm, null);
        URI first = client.newURIBuilder(emulator.baseUrl()).appendEntitySetSegment("accounts")
                .select("name", "numberofemployees").filter("numberofemployees lt 100").build();
        ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(first);
        request.setFormat(ContentType.JSON);
        ClientEntitySet set = request.execute().getBody();
        assertThat(set.getEntities()).hasSize(100);
        Object employees = set.getEntities().get(0).getProperty("numberofemployees").getPrimitiveValue().toValue();
        assertThat(employees).isInstanceOf(Integer.class);
        assertThat(new BigDecimal(employees.toString())).isLessThan(BigDecimal.valueOf(100));
        URI all = client.newURIBuilder(emulator.baseUrl()).appendEntitySetSegment("accounts").select("name").build();
        assertThat(readAll(client, all)).hasSize(ACCOUNTS);
    }
}
