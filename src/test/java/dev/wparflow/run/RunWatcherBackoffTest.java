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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wparflow.NodeIdentity;
import dev.wparflow.aix.AixShell;
import dev.wparflow.lock.LeaseLockService;
import dev.wparflow.lock.LockAcquisition;
import dev.wparflow.lock.LockResource;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.testsupport.MutableClock;

/**
 * A host whose wait fails (the connection drops) is left alone for 1 s, then 2 s…, instead of being asked again every
 * round: each drop would also cut the commands the process steps send it. Meanwhile its poller lease is free for
 * another node.
 */
class RunWatcherBackoffTest {

    final RemoteRunRepository runs = mock(RemoteRunRepository.class);
    final AixShell shell = mock(AixShell.class);
    final LeaseLockService locks = mock(LeaseLockService.class);
    /** The watcher's monotonic time: back-offs run out only when the test moves it. */
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T00:00:00Z"));
    final RunWatcher watcher = new RunWatcher(runs, mock(RemoteRunService.class), shell, locks,
            new NodeIdentity("node-1"), Duration.ofSeconds(20), Duration.ofSeconds(60),
            () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));

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

    /** Waits until no wait is in flight, then says how many the host was sent in all. */
    int waitsSentOnceIdle() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !watcher.waitInFlight("lpar00"));
        return waitsSent();
    }

    /**
     * A round that sends no wait: {@code round()} decides synchronously and counts a wait in flight before it returns,
     * so nothing in flight right after it (read first) and no new wait sent mean it sent none.
     */
    void assertRoundSendsNoWait(int sentBefore, String why) {
        watcher.round();
        boolean inFlight = watcher.waitInFlight("lpar00");
        assertThat(inFlight || waitsSent() != sentBefore).as(why).isFalse();
    }

    @Test
    void aHostWhoseWaitFailedIsAskedAgainOnlyAfterItsBackOff() {
        hostWithOneRun();
        when(shell.read(eq("lpar00"), any(), any())).thenThrow(new IllegalStateException("connection reset"));

        watcher.onRunStarted(started);
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsSent() == 1);
        assertThat(waitsSentOnceIdle()).isEqualTo(1); // the failed wait has ended: its run is covered by none

        watcher.onRunStarted(started);
        assertRoundSendsNoWait(1, "asked again at once");
        clock.advance(Duration.ofMillis(999));
        assertRoundSendsNoWait(1, "asked again within its 1 s back-off");

        clock.advance(Duration.ofMillis(1));
        watcher.round();
        assertThat(waitsSentOnceIdle()).as("asked again once the 1 s back-off is over").isEqualTo(2);

        clock.advance(Duration.ofMillis(1999));
        assertRoundSendsNoWait(2, "the second failure doubles the back-off to 2 s");
        clock.advance(Duration.ofMillis(1));
        watcher.round();
        assertThat(waitsSentOnceIdle()).as("asked again once the 2 s back-off is over").isEqualTo(3);
    }

    @Test
    void aNodeWhoseWaitFailedGivesThePollerLeaseBack() {
        hostWithOneRun();
        when(shell.read(eq("lpar00"), any(), any())).thenThrow(new IllegalStateException("no SSH endpoint named 'lpar00'"));

        watcher.onRunStarted(started);

        verify(locks, timeout(30_000)).release(LockResource.poller("lpar00"), "node-1");
    }

    @Test
    void aNodeWhoseWaitSucceededKeepsThePollerLease() {
        hostWithOneRun();
        when(shell.read(eq("lpar00"), any(), any())).thenReturn(new CommandResult("lpar00", "wparflow-run wait", 0,
                "wf-1.Task_Save running\n", "", Duration.ZERO));

        watcher.onRunStarted(started);
        // the next wait is sent only once the first has run to its end, lease handling included
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsSent() >= 2);

        verify(locks, never()).release(any(), anyString());
    }
}
