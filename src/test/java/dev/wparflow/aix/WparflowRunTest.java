package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wparflow.ssh.CommandResult;

class WparflowRunTest {

    static CommandResult result(int exit, String stdout) {
        return new CommandResult("lpar00", "wparflow-run status", exit, stdout, "", Duration.ofMillis(3));
    }

    @Test
    void startWrapsTheBuiltCommandWordForWord() {
        AixCommand savewpar = AixCommand.of("savewpar").flag("-f", AbsolutePath.of("/images/wpr00.2026-11-22.bff"))
                .flag("-i").arg(WparName.of("wpr00")).build();
        AixCommand start = WparflowRun.start(RunId.of("wf-1234.Task_SaveWpar"), savewpar);
        assertThat(start.argv()).containsExactly("wparflow-run", "start", "wf-1234.Task_SaveWpar", "--", "savewpar",
                "-f", "/images/wpr00.2026-11-22.bff", "-i", "wpr00");
        assertThat(start.commandLine())
                .isEqualTo("wparflow-run start wf-1234.Task_SaveWpar -- savewpar -f /images/wpr00.2026-11-22.bff -i wpr00");
    }

    @Test
    void statusOfSeveralRunsInOneCall() {
        assertThat(WparflowRun.status(List.of(RunId.of("a"), RunId.of("b"))).commandLine())
                .isEqualTo("wparflow-run status a b");
        assertThatThrownBy(() -> WparflowRun.status(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesEveryStatusLine() {
        var statuses = WparflowRun.parseStatus(result(0, "a running\nb exited 0\nc exited 143\nd unknown\n"));
        assertThat(statuses.get("a")).isEqualTo(new WparflowRun.RunStatus("a", WparflowRun.State.RUNNING, null));
        assertThat(statuses.get("b")).isEqualTo(new WparflowRun.RunStatus("b", WparflowRun.State.EXITED, 0));
        assertThat(statuses.get("c").exitCode()).isEqualTo(143);
        assertThat(statuses.get("d").state()).isEqualTo(WparflowRun.State.UNKNOWN);
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> WparflowRun.parseStatus(result(0, "a exited soon\n")))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("a exited soon");
        assertThatThrownBy(() -> WparflowRun.parseStatus(result(127, "")))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("exit 127");
    }
}
