package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wparflow.simulator.model.Timing;

/** A command's pause follows scale and duration changes, and a held command waits until released. */
class TimingTest {

    static Thread pausing(Timing timing, String command) {
        Thread t = new Thread(() -> {
            try {
                timing.pause(command);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pausing-" + command);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aScaleOfZeroEndsAPauseAlreadyUnderWay() throws Exception {
        Timing timing = new Timing(1000, Map.of("savewpar", 1500L)); // 25 minutes
        Thread t = pausing(timing, "savewpar");
        await().atMost(Duration.ofSeconds(30)).until(() -> t.getState() == Thread.State.TIMED_WAITING);
        timing.setScale(0);
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void aShorterDurationShortensAPauseAlreadyUnderWay() throws Exception {
        Timing timing = new Timing(1, Map.of("savewpar", 3_600_000L));
        Thread t = pausing(timing, "savewpar");
        await().atMost(Duration.ofSeconds(30)).until(() -> t.getState() == Thread.State.TIMED_WAITING);
        timing.setDuration("savewpar", 0);
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void aHeldCommandWaitsWithoutATimeoutUntilReleasedAndOthersDoNot() throws Exception {
        Timing timing = new Timing(0);
        timing.hold("savewpar");
        Thread held = pausing(timing, "savewpar");
        Thread other = pausing(timing, "restwpar");
        other.join(30_000);
        assertThat(other.isAlive()).as("restwpar is not held").isFalse();
        // WAITING, not TIMED_WAITING: nothing but release() ends it
        await().atMost(Duration.ofSeconds(30)).until(() -> held.getState() == Thread.State.WAITING);
        timing.release("savewpar");
        held.join(30_000);
        assertThat(held.isAlive()).isFalse();
    }
}
