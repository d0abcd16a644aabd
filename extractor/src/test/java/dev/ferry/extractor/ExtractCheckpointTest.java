package dev.ferry.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.Messages;
import dev.ferry.common.contract.Slice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractCheckpointTest {

    private static final ExtractTask WHOLE = new ExtractTask("r1", "accounts", "accounts", List.of(), null, 5000,
            "source", null);
    private static final ExtractTask SLICE = new ExtractTask("r1", "accounts", "accounts", List.of(), null, 5000,
            "source", new Slice(2, 4, "name ge 'M'"));

    @Test
    void keysNameRunTableAndSlice() {
        assertThat(ExtractCheckpoint.key(WHOLE)).isEqualTo("r1/accounts/-");
        assertThat(ExtractCheckpoint.key(SLICE)).isEqualTo("r1/accounts/2");
    }

    @Test
    void checkpointsRoundTripThroughJson() {
        ExtractCheckpoint page = ExtractCheckpoint.afterPage(SLICE,
                "https://org.crm.dynamics.com/api/data/v9.2/accounts?$skiptoken=%3Ccookie%20page=%222%22/%3E", 2,
                10_000);
        ExtractCheckpoint last = ExtractCheckpoint.afterLastPage(WHOLE, 3, 12_000, Map.of(0, 4_000L, 1, 8_000L));

        assertThat(Messages.fromBytes(Messages.toBytes(page), ExtractCheckpoint.class)).isEqualTo(page);
        assertThat(Messages.fromBytes(Messages.toBytes(last), ExtractCheckpoint.class)).isEqualTo(last);
        assertThat(last.completed()).isTrue();
        assertThat(last.nextLink()).isNull();
        assertThat(page.slice()).isEqualTo(2);
    }
}
