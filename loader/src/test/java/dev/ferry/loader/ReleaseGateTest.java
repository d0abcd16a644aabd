package dev.ferry.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.contract.LoadPass;
import dev.ferry.common.contract.TableCancelled;
import dev.ferry.common.contract.TableReleased;
import dev.ferry.common.contract.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseGateTest {

    private static final TableReleased ACCOUNTS = new TableReleased("run-1", "accounts", "target", "accounts", 500, 4);
    private static final String ACCOUNTS_TOPIC = Topics.data("run-1", "accounts");

    private final ReleaseGate gate = new ReleaseGate();

    @Test
    void holdsATableItHasNotHeardOf() {
        assertThat(gate.isReleased(ACCOUNTS_TOPIC)).isFalse();
        assertThat(gate.isCancelled(ACCOUNTS_TOPIC)).isFalse();
        assertThat(gate.released(ACCOUNTS_TOPIC)).isEmpty();
    }

    @Test
    void releasesATableByItsDataTopicWithItsWriteSettings() {
        assertThat(gate.record(ACCOUNTS)).isEqualTo(ReleaseGate.Change.RELEASED);

        assertThat(gate.isReleased(ACCOUNTS_TOPIC)).isTrue();
        assertThat(gate.released(ACCOUNTS_TOPIC)).hasValue(ACCOUNTS);
        assertThat(gate.isReleased(Topics.data("run-1", "contacts"))).isFalse();
        assertThat(gate.isReleased(Topics.data("run-2", "accounts"))).isFalse();
    }

    @Test
    void keepsThePassAndTheDeferredLookupsOfEachPassOfATable() {
        TableReleased rows = new TableReleased("run-1", "accounts", "target", "accounts", 500, 4, LoadPass.ROWS,
                List.of("_parentaccountid_value"));
        TableReleased lookups = new TableReleased("run-1", "accounts--lookups", "target", "accounts", 500, 4,
                LoadPass.DEFERRED_LOOKUPS, List.of("_parentaccountid_value"));

        gate.record(rows);
        assertThat(gate.isReleased(Topics.data("run-1", "accounts--lookups"))).as("the second pass is held").isFalse();
        gate.record(lookups);

        assertThat(gate.released(ACCOUNTS_TOPIC)).hasValueSatisfying(release -> {
            assertThat(release.pass()).isEqualTo(LoadPass.ROWS);
            assertThat(release.deferredLookups()).containsExactly("_parentaccountid_value");
        });
        assertThat(gate.released(Topics.data("run-1", "accounts--lookups"))).hasValueSatisfying(release -> {
            assertThat(release.pass()).isEqualTo(LoadPass.DEFERRED_LOOKUPS);
            assertThat(release.entitySet()).isEqualTo("accounts");
            assertThat(release.deferredLookups()).containsExactly("_parentaccountid_value");
        });
    }

    @Test
    void aReleaseDeferringOtherLookupsIsANewRelease() {
        gate.record(ACCOUNTS);
        TableReleased deferring = new TableReleased("run-1", "accounts", "target", "accounts", 500, 4, LoadPass.ROWS,
                List.of("_parentaccountid_value"));

        assertThat(gate.record(deferring)).isEqualTo(ReleaseGate.Change.RELEASED);
        assertThat(gate.released(ACCOUNTS_TOPIC)).hasValue(deferring);
    }

    @Test
    void aRepeatedReleaseChangesNothing() {
        gate.record(ACCOUNTS);
        assertThat(gate.record(ACCOUNTS)).isEqualTo(ReleaseGate.Change.NONE);
    }

    @Test
    void aReleaseWithOtherSettingsIsANewRelease() {
        gate.record(ACCOUNTS);
        TableReleased smaller = new TableReleased("run-1", "accounts", "target", "accounts", 100, 2);

        assertThat(gate.record(smaller)).isEqualTo(ReleaseGate.Change.RELEASED);
        assertThat(gate.released(ACCOUNTS_TOPIC)).hasValue(smaller);
    }

    @Test
    void aCancellationHoldsTheTableAgain() {
        gate.record(ACCOUNTS);

        assertThat(gate.record(new TableCancelled("run-1", "accounts", "run cancelled"))).isEqualTo(ReleaseGate.Change.CANCELLED);
        assertThat(gate.isReleased(ACCOUNTS_TOPIC)).isFalse();
        assertThat(gate.isCancelled(ACCOUNTS_TOPIC)).isTrue();
        assertThat(gate.record(new TableCancelled("run-1", "accounts", "again"))).isEqualTo(ReleaseGate.Change.NONE);
    }

    @Test
    void theLatestMessageHoldsAsOnTheCompactedTopic() {
        gate.record(new TableCancelled("run-1", "accounts", "parent failed"));

        assertThat(gate.record(ACCOUNTS)).isEqualTo(ReleaseGate.Change.RELEASED);
        assertThat(gate.isReleased(ACCOUNTS_TOPIC)).isTrue();
    }

    @Test
    void findsTheDataTopicOfSanitisedNames() {
        TableReleased odd = new TableReleased("run.with.dots", "new_project", "target", "new_projects", 10, 1);
        gate.record(odd);
        assertThat(gate.isReleased(Topics.data("run.with.dots", "new_project"))).isTrue();
    }
}
