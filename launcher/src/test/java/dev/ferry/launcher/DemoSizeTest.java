package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoSizeTest {
    @Test
    void theDefaultSizeIsAbout50000Rows() {
        DemoSize size = DemoSize.parse("default");

        assertThat(size.seedSpec()).isEqualTo("systemuser=50,team=10,account=10000,contact=25000,lead=10000,opportunity=5000");
        assertThat(size.total()).isEqualTo(50_060);
    }

    @Test
    void smallIsATenthAndLargeTenTimesTheDefault() {
        assertThat(DemoSize.parse("small").seedSpec())
                .isEqualTo("systemuser=5,team=1,account=1000,contact=2500,lead=1000,opportunity=500");
        assertThat(DemoSize.parse("LARGE").seedSpec())
                .isEqualTo("systemuser=500,team=100,account=100000,contact=250000,lead=100000,opportunity=50000");
    }

    @Test
    void aNumberSpreadsThatManyRowsInTheDefaultProportions() {
        DemoSize size = DemoSize.parse("200_000");

        assertThat(size.rows()).containsEntry("contact", 99_880).containsEntry("account", 39_952);
        assertThat(size.total()).isBetween(199_990L, 200_010L);
    }

    @Test
    void aSmallNumberStillGivesEveryTableARow() {
        assertThat(DemoSize.parse("6").rows().values()).allMatch(rows -> rows >= 1);
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> DemoSize.parse("medium")).hasMessageContaining("expected small, default, large");
        assertThatThrownBy(() -> DemoSize.parse("5")).hasMessageContaining("give between 6");
        assertThatThrownBy(() -> DemoSize.parse("-100")).hasMessageContaining("give between 6");
    }
}
