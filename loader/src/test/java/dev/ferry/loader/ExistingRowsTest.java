package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExistingRowsTest {

    private final CountingClient target = new CountingClient(EmulatorMetadata.crm());

    @Test
    void asksOnlyForRowsNotKnownToExistAndNeverRemembersMissingOnes() {
        ExistingRows rows = new ExistingRows(10);
        target.existingRows.add("a1");

        assertThat(rows.missing(target, "run-1", "accounts", List.of("a1", "a2"))).containsExactly("a2");
        assertThat(rows.missing(target, "run-1", "accounts", List.of("a1", "a2"))).containsExactly("a2");

        assertThat(target.existenceChecks).containsExactly(List.of("a1", "a2"), List.of("a2"));
    }

    @Test
    void remembersRowsPerRunAndEntitySet() {
        ExistingRows rows = new ExistingRows(10);
        target.existingRows.add("a1");
        rows.missing(target, "run-1", "accounts", List.of("a1"));

        rows.missing(target, "run-2", "accounts", List.of("a1"));
        rows.missing(target, "run-1", "contacts", List.of("a1"));
        rows.missing(target, "run-1", "accounts", List.of("a1"));

        assertThat(target.existenceChecks).hasSize(3);
    }

    @Test
    void forgetsTheLeastRecentlyUsedRowsBeyondItsCapacity() {
        ExistingRows rows = new ExistingRows(2);
        target.existingRows.addAll(List.of("a1", "a2", "a3"));
        rows.missing(target, "run-1", "accounts", List.of("a1", "a2"));
        rows.missing(target, "run-1", "accounts", List.of("a1"));
        rows.missing(target, "run-1", "accounts", List.of("a3"));

        rows.missing(target, "run-1", "accounts", List.of("a1", "a2", "a3"));

        assertThat(target.existenceChecks).containsExactly(List.of("a1", "a2"), List.of("a3"), List.of("a2"));
    }
}
