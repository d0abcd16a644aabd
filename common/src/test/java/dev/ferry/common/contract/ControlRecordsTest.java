package dev.ferry.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlRecordsTest {

    private static final String WHERE = ControlRecords.where(Topics.CONTROL, 0, 12, "run-1/accounts");

    @Test
    void readsAControlMessage() {
        TableCancelled cancel = new TableCancelled("run-1", "accounts", "run cancelled on request");

        assertThat(ControlRecords.read(Messages.toJson(cancel), WHERE)).contains(cancel);
    }

    @Test
    void aTombstoneAndAnUnreadableValueAreNothingToDecide() {
        assertThat(ControlRecords.read(null, WHERE)).isEmpty();
        assertThat(ControlRecords.read("not json", WHERE)).isEmpty();
        assertThat(ControlRecords.read("{\"type\":\"NoSuchDecision\"}", WHERE)).isEmpty();
    }

    @Test
    void namesWhereTheRecordIs() {
        assertThat(WHERE).isEqualTo("ferry.control-0@12 (key run-1/accounts)");
    }
}
