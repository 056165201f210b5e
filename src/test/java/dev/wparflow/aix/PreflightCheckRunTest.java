package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.wparflow.ssh.SshException;
import dev.wparflow.ssh.SshFailure;

/** The aix side of preflight: the helper's version answer and what a transport failure means for a host's checks. */
class PreflightCheckRunTest {

    @Test
    void theHelperAnswersItsProtocolVersion() {
        assertThat(HelperVersion.parse("wparflow-run 1\n")).isEqualTo(WparflowRun.PROTOCOL_VERSION);
        assertThat(HelperVersion.parse("wparflow-run 2")).isEqualTo(2);
        assertThat(HelperVersion.check().command().commandLine()).isEqualTo("wparflow-run version");
        assertThatThrownBy(() -> HelperVersion.parse("Usage: wparflow-run {start RUNID -- COMMAND}"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageStartingWith("unknown format: wparflow-run");
    }

    @Test
    void connectionFailuresAreNamedOtherTransportFailuresAreNot() {
        assertThat(ConnectFailure.of(ssh(SshFailure.HOST_KEY_CHANGED))).contains(ConnectFailure.HOST_KEY);
        assertThat(ConnectFailure.of(ssh(SshFailure.HOST_KEY_UNKNOWN))).contains(ConnectFailure.HOST_KEY);
        assertThat(ConnectFailure.of(ssh(SshFailure.AUTH_FAILED))).contains(ConnectFailure.AUTH_FAILED);
        assertThat(ConnectFailure.of(new IllegalStateException("wrapped", ssh(SshFailure.CONNECT_REFUSED))))
                .contains(ConnectFailure.UNREACHABLE);
        assertThat(ConnectFailure.of(ssh(SshFailure.CONNECT_TIMEOUT))).contains(ConnectFailure.UNREACHABLE);
        assertThat(ConnectFailure.of(ssh(SshFailure.COMMAND_TIMEOUT))).isEmpty();
        assertThat(ConnectFailure.of(ssh(SshFailure.CONNECTION_LOST))).isEmpty();
        assertThat(ConnectFailure.of(new IllegalStateException("a bug"))).isEmpty();
    }

    private static SshException ssh(SshFailure failure) {
        return new SshException(failure, "lpar00", "oslevel -s", Duration.ofSeconds(5), "test");
    }
}
