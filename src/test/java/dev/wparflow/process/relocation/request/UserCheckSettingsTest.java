package dev.wparflow.process.relocation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wparflow.aix.HostName;
import dev.wparflow.aix.WparName;

class UserCheckSettingsTest {

    static UserCheckSettings.UserCheck check(List<String> command) {
        return new UserCheckSettings.UserCheck("app-ready", command, null, null);
    }

    @Test
    void placeholdersBecomeOneValidatedArgumentEach() {
        var c = check(List.of("/usr/local/bin/wpar_ready", "{wpar}", "--from", "{departing}", "--to", "{arriving}"));
        assertThat(c.side()).isEqualTo(UserCheckSettings.Side.BOTH);
        assertThat(c.appliesTo("anything")).isTrue();
        assertThat(c.command(WparName.of("wpr00"), HostName.of("lpar00"), HostName.of("lpar01")).argv())
                .containsExactly("/usr/local/bin/wpar_ready", "wpr00", "--from", "lpar00", "--to", "lpar01");
    }

    @Test
    void onlyTheWparsListedWhenAListIsGiven() {
        var c = new UserCheckSettings.UserCheck("db", List.of("/opt/db/check"), UserCheckSettings.Side.ARRIVING,
                List.of("wpr00"));
        assertThat(c.appliesTo("wpr00")).isTrue();
        assertThat(c.appliesTo("wpr01")).isFalse();
        assertThat(c.side().departing()).isFalse();
        assertThat(c.side().arriving()).isTrue();
    }

    @Test
    void aBadEntryIsRefusedNamingItAndTheRule() {
        assertThatThrownBy(() -> check(List.of("check_app")))
                .hasMessageContaining("user-checks[app-ready].command").hasMessageContaining("absolute path");
        assertThatThrownBy(() -> check(List.of("/usr/local/bin/check", "a;rm -rf /")))
                .hasMessageContaining("user-checks[app-ready].command").hasMessageContaining("shell metacharacters");
        assertThatThrownBy(() -> check(List.of()))
                .hasMessageContaining("must name the program's absolute path");
        assertThatThrownBy(() -> new UserCheckSettings.UserCheck("App Ready", List.of("/x"), null, null))
                .hasMessageContaining("lower-case");
        var one = check(List.of("/x"));
        assertThatThrownBy(() -> new UserCheckSettings(List.of(one, one))).hasMessageContaining("given twice");
    }
}
