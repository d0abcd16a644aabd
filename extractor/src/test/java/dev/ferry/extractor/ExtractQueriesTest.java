package dev.ferry.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.ExtractTask;
import dev.ferry.common.contract.Slice;
import dev.ferry.common.odata.PageQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractQueriesTest {

    @Test
    void aSelectGetsTheKeyPropertiesItLacks() {
        PageQuery query = ExtractQueries.of(task(List.of("name", "accountnumber"), null, null), List.of("accountid"));

        assertThat(query.select()).containsExactly("name", "accountnumber", "accountid");
        assertThat(query.annotations()).isTrue();
        assertThat(query.pageSize()).isEqualTo(500);
        assertThat(query.entitySet()).isEqualTo("accounts");
    }

    @Test
    void anEmptySelectStaysEmptySoThatEveryColumnIsRead() {
        assertThat(ExtractQueries.of(task(List.of(), null, null), List.of("accountid")).select()).isEmpty();
    }

    @Test
    void aKeyAlreadySelectedIsNotAddedTwice() {
        assertThat(ExtractQueries.of(task(List.of("accountid", "name"), null, null), List.of("accountid")).select())
                .containsExactly("accountid", "name");
    }

    @Test
    void thePlanFilterAndTheSliceFilterAreBothApplied() {
        ExtractTask sliced = task(List.of(), "statecode eq 0 or name eq 'x'", new Slice(1, 2, "accountnumber ge 'M'"));

        assertThat(ExtractQueries.of(sliced, List.of("accountid")).filter())
                .isEqualTo("(statecode eq 0 or name eq 'x') and (accountnumber ge 'M')");
        assertThat(ExtractQueries.of(task(List.of(), null, new Slice(0, 2, "a lt 1")), List.of("id")).filter())
                .isEqualTo("a lt 1");
        assertThat(ExtractQueries.of(task(List.of(), "a gt 1", null), List.of("id")).filter()).isEqualTo("a gt 1");
        assertThat(ExtractQueries.of(task(List.of(), " ", null), List.of("id")).filter()).isNull();
    }

    private static ExtractTask task(List<String> select, String filter, Slice slice) {
        return new ExtractTask("r1", "accounts", "accounts", select, filter, 500, "source", slice);
    }
}
