package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.simulator.model.WparState;
import dev.wparflow.simulator.model.WparStateHistory;
import dev.wparflow.simulator.model.WparStateHistory.Transition;
import dev.wparflow.testsupport.MutableClock;

/** The fleet's record of WPAR state changes, and the query for "how many WPARs were in a state at once". */
class WparStateHistoryTest {
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml("""
            hosts:
              - name: lpar00
                wpars:
                  - {name: wpr00, state: A}
                  - {name: wpr01, state: D}
              - name: lpar01
                wpars:
                  - {name: wpr02, state: A}
            """)
            .instantCommands();

    void ok(String host, String cmd) throws Exception {
        assertThat(sim.ssh().run(host, cmd).exit()).as(host + ": " + cmd).isZero();
    }

    @Test
    void theHistoryStartsWithTheFleetAsLoadedAndRecordsEveryCommandsChangesInOrder() throws Exception {
        assertThat(sim.fleet().stateHistory().transitions()).extracting(Transition::toString)
                .map(s -> s.substring(s.indexOf(' ') + 1))
                .containsExactly("lpar00 wpr00 -->A", "lpar00 wpr01 -->D", "lpar01 wpr02 -->A");
        long mark = sim.fleet().stateHistory().lastSeq();

        ok("lpar00", "stopwpar wpr00");
        ok("lpar00", "startwpar wpr01");
        ok("lpar00", "rmwpar wpr00");

        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr00", mark)).isEqualTo("ATDT-");
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr01", mark)).isEqualTo("DTA");
        assertThat(sim.fleet().stateHistory().path("lpar01", "wpr02", mark)).isEmpty();
        List<Transition> since = sim.fleet().stateHistory().since(mark);
        assertThat(since).extracting(Transition::seq).isSorted().doesNotHaveDuplicates();
        assertThat(since).allSatisfy(t -> assertThat(t.seq()).isGreaterThan(mark));
        assertThat(since.get(0).at()).isBeforeOrEqualTo(since.get(since.size() - 1).at());
    }

    @Test
    void aRenameIsTheOldNameLeavingAndTheNewOneArriving() throws Exception {
        long mark = sim.fleet().stateHistory().lastSeq();
        ok("lpar00", "chwpar -n wpr09 wpr01");
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr01", mark)).isEqualTo("D-");
        assertThat(sim.fleet().stateHistory().path("lpar00", "wpr09", mark)).isEqualTo("-D");
    }

    @Test
    void aResetStartsTheHistoryAgainFromTheFleetFile() throws Exception {
        ok("lpar00", "stopwpar wpr00");
        sim.fleet().reset();
        assertThat(sim.fleet().stateHistory().transitions()).hasSize(3)
                .allSatisfy(t -> assertThat(t.from()).isNull());
    }

    @Test
    void copiesOfWparsRecordNothing() {
        long mark = sim.fleet().stateHistory().lastSeq();
        sim.fleet().host("lpar00").wpar("wpr00").orElseThrow().setState(WparState.BROKEN);
        assertThat(sim.fleet().stateHistory().lastSeq()).isEqualTo(mark);
        assertThat(sim.fleet().host("lpar00").wpar("wpr00").orElseThrow().state()).isEqualTo(WparState.ACTIVE);
    }

    // ---------------------------------------------------------------- maxSimultaneous

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T00:00:00Z"));

    @Test
    void maxSimultaneousCountsWparsInTheStateAtTheSameMomentAcrossHosts() {
        WparStateHistory h = new WparStateHistory(CLOCK);
        h.record("a", "w1", null, WparState.ACTIVE);
        h.record("a", "w2", null, WparState.ACTIVE);
        h.record("b", "w1", null, WparState.ACTIVE); // the same name on another host is another WPAR
        h.record("a", "w1", WparState.ACTIVE, WparState.TRANSITIONAL);
        h.record("b", "w1", WparState.ACTIVE, WparState.TRANSITIONAL); // 2 in T
        h.record("a", "w1", WparState.TRANSITIONAL, WparState.DEFINED); // 1
        h.record("a", "w2", WparState.ACTIVE, WparState.TRANSITIONAL); // 2
        h.record("b", "w1", WparState.TRANSITIONAL, null); // removed while T: 1
        h.record("a", "w1", WparState.DEFINED, WparState.TRANSITIONAL); // 2 again, never 3

        assertThat(h.maxSimultaneous(WparState.TRANSITIONAL)).isEqualTo(2);
        assertThat(h.maxSimultaneous(WparState.ACTIVE)).isEqualTo(3);
        assertThat(h.maxSimultaneous(WparState.DEFINED)).isEqualTo(1);
        assertThat(h.maxSimultaneous(WparState.MOVING)).isZero();
    }

    @Test
    void maxSimultaneousOverAPartOfTheHistoryCountsOnlyWhatEnteredTheStateInIt() {
        WparStateHistory h = new WparStateHistory(CLOCK);
        h.record("a", "w1", null, WparState.TRANSITIONAL);
        long mark = h.lastSeq();
        h.record("a", "w2", null, WparState.TRANSITIONAL);
        h.record("a", "w1", WparState.TRANSITIONAL, WparState.DEFINED);
        assertThat(h.maxSimultaneous(WparState.TRANSITIONAL)).isEqualTo(2);
        assertThat(WparStateHistory.maxSimultaneous(h.since(mark), WparState.TRANSITIONAL)).isEqualTo(1);
    }

    @Test
    void aSameStateWriteIsNoChangeAndTimesComeFromTheClock() {
        WparStateHistory h = new WparStateHistory(CLOCK);
        assertThat(h.record("a", "w1", WparState.ACTIVE, WparState.ACTIVE)).isNull();
        Transition t = h.record("a", "w1", WparState.ACTIVE, WparState.DEFINED);
        assertThat(t.seq()).isEqualTo(1);
        assertThat(t.at()).isEqualTo(CLOCK.instant());
        assertThat(h.lastSeq()).isEqualTo(1);
    }

    @Test
    void concurrentHostsGetDistinctIncreasingSequenceNumbers() throws Exception {
        WparStateHistory h = new WparStateHistory(CLOCK);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            String host = "h" + i;
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 500; n++) {
                    h.record(host, "w", n % 2 == 0 ? WparState.DEFINED : WparState.ACTIVE,
                            n % 2 == 0 ? WparState.ACTIVE : WparState.DEFINED);
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(h.transitions()).hasSize(2000).extracting(Transition::seq).isSorted().doesNotHaveDuplicates();
        assertThat(h.maxSimultaneous(WparState.ACTIVE)).isBetween(1, 4);
    }

    @Test
    void keepsTheLatestChangesUpToItsLimit() {
        WparStateHistory h = new WparStateHistory(CLOCK, 3);
        for (int n = 0; n < 5; n++) {
            h.record("a", "w1", n % 2 == 0 ? WparState.DEFINED : WparState.ACTIVE,
                    n % 2 == 0 ? WparState.ACTIVE : WparState.DEFINED);
        }
        assertThat(h.transitions()).extracting(Transition::seq).containsExactly(3L, 4L, 5L);
        assertThat(h.since(3)).extracting(Transition::seq).containsExactly(4L, 5L);
        assertThat(h.lastSeq()).isEqualTo(5);
    }
}
