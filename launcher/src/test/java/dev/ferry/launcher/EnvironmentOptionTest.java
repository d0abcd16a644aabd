package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvironmentOptionTest {
    @Test
    void keepsAServiceRootThatEndsWithASlash() {
        EnvironmentOption option = EnvironmentOption.parse("crm=https://org.crm.dynamics.com/api/data/v9.2/");

        assertThat(option).isEqualTo(new EnvironmentOption("crm", "https://org.crm.dynamics.com/api/data/v9.2/"));
        assertThat(option.variablePrefix()).isEqualTo("FERRY_ENVIRONMENTS_CRM_");
    }

    @Test
    void keepsTheEqualsSignsOfTheUrl() {
        assertThat(EnvironmentOption.parse("x=http://h/svc?a=b").url()).isEqualTo("http://h/svc?a=b/");
    }

    @Test
    void refusesATextWithoutNameOrUrl() {
        assertThatThrownBy(() -> EnvironmentOption.parse("crm")).isInstanceOf(LauncherException.class)
                .hasMessageContaining("expected NAME=URL");
        assertThatThrownBy(() -> EnvironmentOption.parse("=http://h/")).hasMessageContaining("expected NAME=URL");
        assertThatThrownBy(() -> EnvironmentOption.parse("crm=")).hasMessageContaining("expected NAME=URL");
    }

    @Test
    void refusesANameThatDoesNotMapToAnEnvironmentVariable() {
        assertThatThrownBy(() -> EnvironmentOption.parse("my.env=http://h/"))
                .hasMessageContaining("must start with a letter and hold only letters and digits");
        assertThatThrownBy(() -> EnvironmentOption.parse("my-env=http://h/")).hasMessageContaining("only letters and digits");
        assertThatThrownBy(() -> EnvironmentOption.parse("my_env=http://h/")).hasMessageContaining("only letters and digits");
        assertThatThrownBy(() -> EnvironmentOption.parse("2crm=http://h/")).hasMessageContaining("must start with a letter");
    }

    @Test
    void refusesTheEmulatorsNames() {
        assertThatThrownBy(() -> EnvironmentOption.parse("Source=http://h/"))
                .hasMessageContaining("is the name of an emulator ./ferry up starts");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> EnvironmentOption.parse("x=ftp://h/")).hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> EnvironmentOption.parse("x=not a url")).hasMessageContaining("is not a URL");
    }
}
