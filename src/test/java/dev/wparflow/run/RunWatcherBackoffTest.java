package dev.wparflow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wparflow.NodeIdentity;
import dev.wparflow.aix.AixShell;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.ssh.CommandResult;

/**
 * A host whose wait fails (the connection drops) is left alone for 1 s, then 2 s…, instead of being asked again every
 * round: each drop would also cut the commands the process steps send it. Meanwhile its poller lease is free for
 * another node.
 */
class RunWatcherBackoffTest {

    final RemoteRunRepository runs = mock(RemoteRunRepository.class);
    final AixShell shell = mock(AixShell.class);
    final LeaseLockService locks = mock(LeaseLockService.class);
    final RunWatcher watcher = new RunWatcher(runs, mock(RemoteRunService.class), shell, locks,
            new NodeIdentity("node-1"), Duration.ofSeconds(20), Duration.ofSeconds(60));

    final RemoteRun running = new RemoteRun("wf-1.Task_Save", "lpar00", "savewpar", "1", "Task_Save",
            RemoteRun.State.RUNNING, null, null, Instant.now(), Instant.now(), null, null, null, "exec-1");
    final RemoteRunService.RunStarted started = new RemoteRunService.RunStarted("lpar00", running.runId());

    @AfterEach
    void stop() {
        watcher.stop();
    }

    int waitsSent() {
        return mockingDetails(shell).getInvocations().size();
    }

    void hostWithOneRun() {
        when(runs.openRuns("lpar00")).thenReturn(List.of(running));
        when(runs.openRuns()).thenReturn(List.of(running));
        when(locks.acquire(eq(LockResource.poller("lpar00")), anyString(), anyString(), any()))
                .thenReturn(new LockAcquisition.Acquired(LockResource.poller("lpar00"), 1, Instant.now().plusSeconds(60)));
    }

    @Test
    void aHostWhoseWaitFailedIsAskedAgainOnlyAfterItsBackOff() throws Exception {
        hostWithOneRun();
        when(shell.read(eq("lpar00"), any(), any())).thenThrow(new IllegalStateException("connection reset"));

        watcher.onRunStarted(started);
        await().atMost(Duration.ofSeconds(5)).until(() -> waitsSent() == 1);
        Thread.sleep(200); // the failed wait has ended: its run is no longer covered by a wait in flight

        watcher.onRunStarted(started);
        watcher.round();
        Thread.sleep(300);
        assertThat(waitsSent()).as("asked again within its 1 s back-off").isEqualTo(1);

        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> {
            watcher.round();
            return waitsSent() == 2;
        });
        Thread.sleep(200);
        watcher.round();
        Thread.sleep(800);
        watcher.round();
        assertThat(waitsSent()).as("the second failure doubles the back-off to 2 s").isEqualTo(2);
    }

    @Test
    void aNodeWhoseWaitFailedGivesThePollerLeaseBack() {
        hostWithOneRun();
        when(shell.read(eq("lpar00"), any(), any())).thenThrow(new IllegalStateException("no SSH endpoint named 'lpar00'"));

        watcher.onRunStarted(started);

        verify(locks, timeout(5000)).release(LockResource.poller("lpar00"), "node-1");
    }

    @Test
    void aNodeWhoseWaitSucceededKeepsThePollerLease() throws Exception {
        hostWithOneRun();
        when(shell.read(eq("lpar00"), any(), any())).thenReturn(new CommandResult("lpar00", "wparflow-run wait", 0,
                "wf-1.Task_Save running\n", "", Duration.ZERO));

        watcher.onRunStarted(started);
        await().atMost(Duration.ofSeconds(5)).until(() -> waitsSent() >= 1);
        Thread.sleep(200);

        verify(locks, never()).release(any(), anyString());
    }
}
