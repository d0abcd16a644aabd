package dev.ferry.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSingleKeyIsTheValueOfTheKeyProperty() throws Exception {
        RecordKeys keys = new RecordKeys("accounts", List.of("accountid"));

        assertThat(keys.keyOf(record("{\"accountid\":\"5c1f0c9e-7f6a-4c50-9c44-3f2e9f1a0b11\",\"name\":\"A\"}"), 0))
                .isEqualTo("5c1f0c9e-7f6a-4c50-9c44-3f2e9f1a0b11");
    }

    @Test
    void aCompositeKeyIsAnODataKeyPredicateWithQuotedStrings() throws Exception {
        RecordKeys keys = new RecordKeys("Order_Details", List.of("OrderID", "Code"));

        assertThat(keys.keyOf(record("{\"OrderID\":7,\"Code\":\"O'Brien\"}"), 0))
                .isEqualTo("OrderID=7,Code='O''Brien'");
    }

    @Test
    void aRecordWithoutItsKeyIsAnErrorNamingTheRecordTheEntitySetAndTheProperty() throws Exception {
        RecordKeys keys = new RecordKeys("accounts", List.of("accountid"));

        assertThatThrownBy(() -> keys.keyOf(record("{\"name\":\"A\"}"), 41))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("record 42 of entity set 'accounts' has no value for its key property 'accountid' "
                        + "(the source did not send it)");
        assertThatThrownBy(() -> keys.keyOf(record("{\"accountid\":null}"), 0))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("'accountid': null");
    }

    @Test
    void anEntitySetWithoutKeyCannotBeKeyed() {
        assertThatThrownBy(() -> new RecordKeys("things", List.of()))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("'things' has no key property");
    }

    private static ObjectNode record(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
