package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetVerifierTest {
    private static final Map<String, Integer> SEED = Map.of("account", 300, "contact", 500);

    @Test
    void twoEmulatorsSeededAlikeAreEqualTableByTable() {
        try (Emulator source = Emulator.start(EmulatorOptions.defaults().seed(SEED));
             Emulator target = Emulator.start(EmulatorOptions.defaults().seed(SEED))) {
            List<TargetVerifier.TableResult> results = new TargetVerifier(source.adminUrl(), target.adminUrl())
                    .verify(List.of("account", "contact"));

            assertThat(results).extracting(r -> r.comparison().matches()).containsExactly(true, true);
            assertThat(results).extracting(r -> r.comparison().targetRows()).containsExactly(300L, 500L);
        }
    }

    @Test
    void comparesTheAssociationsOfAManyToManyRelationship() {
        Map<String, Integer> seed = Map.of("account", 200, "lead", 100);
        try (Emulator source = Emulator.start(EmulatorOptions.defaults().seed(seed));
             Emulator alike = Emulator.start(EmulatorOptions.defaults().seed(seed));
             Emulator empty = Emulator.start(EmulatorOptions.defaults())) {
            List<TargetVerifier.TableResult> equal = new TargetVerifier(source.adminUrl(), alike.adminUrl())
                    .verifyAssociations(List.of("accountleads_association"));
            List<TargetVerifier.TableResult> missing = new TargetVerifier(source.adminUrl(), empty.adminUrl())
                    .verifyAssociations(List.of("accountleads_association"));

            assertThat(equal).singleElement().satisfies(result -> {
                assertThat(result.logicalName()).isEqualTo("accountleads_association (N:N)");
                assertThat(result.comparison().matches()).isTrue();
                assertThat(result.comparison().sourceRows()).isPositive();
            });
            assertThat(missing).singleElement().satisfies(result -> {
                assertThat(result.comparison().matches()).isFalse();
                assertThat(result.comparison().targetRows()).isZero();
            });
        }
    }

    @Test
    void anEmptyTargetDiffersFromTheFirstLine() {
        try (Emulator source = Emulator.start(EmulatorOptions.defaults().seed(SEED));
             Emulator target = Emulator.start(EmulatorOptions.defaults())) {
            ExportComparator.Comparison c = new TargetVerifier(source.adminUrl(), target.adminUrl()).compare("account");

            assertThat(c.matches()).isFalse();
            assertThat(c.sourceRows()).isEqualTo(300);
            assertThat(c.targetRows()).isZero();
            assertThat(c.first().orElseThrow().line()).isEqualTo(1);
            assertThat(c.first().orElseThrow().target()).isNull();
        }
    }

    @Test
    void aTargetWithOtherDataDiffers() {
        try (Emulator source = Emulator.start(EmulatorOptions.defaults().seed(SEED));
             Emulator target = Emulator.start(EmulatorOptions.defaults().seed(SEED).randomSeed(7))) {
            ExportComparator.Comparison c = new TargetVerifier(source.adminUrl(), target.adminUrl()).compare("account");

            assertThat(c.matches()).isFalse();
            assertThat(c.sourceRows()).isEqualTo(c.targetRows()).isEqualTo(300);
        }
    }

    @Test
    void anUnknownTableIsAClearError() {
        try (Emulator source = Emulator.start(EmulatorOptions.defaults());
             Emulator target = Emulator.start(EmulatorOptions.defaults())) {
            assertThatThrownBy(() -> new TargetVerifier(source.adminUrl(), target.adminUrl()).compare("invoice"))
                    .isInstanceOf(LauncherException.class).hasMessageContaining("answered HTTP 404");
        }
    }
}
