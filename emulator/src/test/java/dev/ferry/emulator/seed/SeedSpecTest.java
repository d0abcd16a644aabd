package dev.ferry.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.emulator.schema.CrmSchema;
import dev.ferry.emulator.schema.Schema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedSpecTest {
    private final Schema crm = CrmSchema.build();

    @Test
    void readsTableCountsInOrder() {
        assertThat(SeedSpec.parse("account=10000, contact=30000,lead=0", crm))
                .containsExactly(Map.entry("account", 10000), Map.entry("contact", 30000), Map.entry("lead", 0));
        assertThat(SeedSpec.parse("  ", crm)).isEmpty();
    }

    @Test
    void namesTheUnknownTableAndTheKnownOnes() {
        assertThatThrownBy(() -> SeedSpec.parse("acount=10", crm)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown table 'acount'").hasMessageContaining("account, contact");
    }

    @Test
    void refusesCountsThatAreNotWholeNumbers() {
        assertThatThrownBy(() -> SeedSpec.parse("account=ten", crm))
                .hasMessageContaining("row count 'ten' for table 'account' is not a whole number");
        assertThatThrownBy(() -> SeedSpec.parse("account=99999999999", crm)).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> SeedSpec.parse("account=-1", crm)).hasMessageContaining("must be 0 or more");
    }

    @Test
    void refusesMalformedAndRepeatedEntries() {
        assertThatThrownBy(() -> SeedSpec.parse("account", crm)).hasMessageContaining("must be TABLE=COUNT");
        assertThatThrownBy(() -> SeedSpec.parse("account=", crm)).hasMessageContaining("must be TABLE=COUNT");
        assertThatThrownBy(() -> SeedSpec.parse("account=1,,contact=2", crm)).hasMessageContaining("TABLE=COUNT");
        assertThatThrownBy(() -> SeedSpec.parse("account=1,account=2", crm)).hasMessageContaining("appears twice");
    }
}
