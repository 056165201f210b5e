package dev.wparflow.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.MutableClock;
import dev.wparflow.testsupport.NodePools;

/** Lease lock semantics against a real database; two connection pools stand for two engine nodes. */
@BothDatabases
class LeaseLockServiceTest {

    static final Duration LEASE = Duration.ofMinutes(5);

    static final NodePools POOLS = NodePools.selected("locks");

    DataSource nodeA() {
        return POOLS.nodeA();
    }

    DataSource nodeB() {
        return POOLS.nodeB();
    }

    @AfterAll
    static void closePools() {
        POOLS.close();
    }

    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    LeaseLockService nodeA;
    LeaseLockService nodeB;
    LockResource wpar;

    @BeforeEach
    void services() {
        nodeA = new LeaseLockService(new JdbcTemplate(nodeA()), clock);
        nodeB = new LeaseLockService(new JdbcTemplate(nodeB()), clock);
        // unique per test: the PostgreSQL database is shared by runs
        wpar = LockResource.wpar("lpar00", "wpr" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void firstComerWinsAndTheOtherSeesWhoHoldsIt() {
        LockAcquisition first = nodeA.acquire(wpar, "process-1", "WparRelocationProcess by operator", LEASE);
        LockAcquisition second = nodeB.acquire(wpar, "process-2", "WparBackupProcess", LEASE);

        assertThat(first).isInstanceOf(LockAcquisition.Acquired.class);
        assertThat(((LockAcquisition.Acquired) first).fencingToken()).isEqualTo(1);
        assertThat(second).isInstanceOfSatisfying(LockAcquisition.HeldByOther.class, held -> {
            assertThat(held.owner()).isEqualTo("process-1");
            assertThat(held.describe()).contains("process-1", "WparRelocationProcess by operator");
        });
    }

    @Test
    void reacquiringBySameOwnerKeepsTheTokenAndRenews() {
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, "process-1", null, LEASE);
        clock.advance(Duration.ofMinutes(3));
        var again = (LockAcquisition.Acquired) nodeB.acquire(wpar, "process-1", null, LEASE);
        assertThat(again.fencingToken()).isEqualTo(first.fencingToken());
        assertThat(again.expiresAt()).isAfter(first.expiresAt());
    }

    @Test
    void releaseIsIdempotentAndTheNextOwnerGetsAHigherToken() {
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, "process-1", null, LEASE);
        assertThat(nodeA.release(wpar, "process-1")).isTrue();
        assertThat(nodeA.release(wpar, "process-1")).isFalse();
        assertThat(nodeA.find(wpar).owner()).isNull();

        var second = (LockAcquisition.Acquired) nodeB.acquire(wpar, "process-2", null, LEASE);
        assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    }

    @Test
    void anotherOwnerCannotReleaseOrRenew() {
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, "process-1", null, LEASE);
        assertThat(nodeB.release(wpar, "process-2")).isFalse();
        assertThat(nodeB.renew(wpar, "process-2", first.fencingToken(), LEASE)).isFalse();
        assertThat(nodeB.find(wpar).owner()).isEqualTo("process-1");
    }

    @Test
    void expiredLeaseIsTakenOverAndTheOldTokenIsFenced() {
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, "process-1", null, LEASE);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(nodeA.held()).filteredOn(l -> l.resource().equals(wpar.name()))
                .singleElement().satisfies(l -> assertThat(l.expired()).isTrue());

        var takeover = nodeB.acquire(wpar, "process-2", null, LEASE);
        assertThat(takeover).isInstanceOfSatisfying(LockAcquisition.Acquired.class,
                t -> assertThat(t.fencingToken()).isEqualTo(first.fencingToken() + 1));

        assertThat(nodeA.isValid(wpar, "process-1", first.fencingToken())).isFalse();
        assertThat(nodeA.renew(wpar, "process-1", first.fencingToken(), LEASE)).isFalse();
        assertThat(nodeA.release(wpar, "process-1")).isFalse();
        assertThat(nodeB.find(wpar).owner()).isEqualTo("process-2");
    }

    @Test
    void renewKeepsALeaseAlive() {
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, "process-1", null, LEASE);
        clock.advance(Duration.ofMinutes(4));
        assertThat(nodeA.renew(wpar, "process-1", first.fencingToken(), LEASE)).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(nodeB.acquire(wpar, "process-2", null, LEASE).acquired()).isFalse();
        assertThat(nodeA.isValid(wpar, "process-1", first.fencingToken())).isTrue();
    }

    @Test
    void leasesOfLiveOwnersAreRenewedByTheirOwnLengthAndTheOthersExpire() {
        String live = "live-" + UUID.randomUUID();
        String gone = "gone-" + UUID.randomUUID();
        LockResource host = LockResource.host("lpar" + UUID.randomUUID().toString().substring(0, 8));
        LockResource nim = LockResource.nim("nim" + UUID.randomUUID().toString().substring(0, 8));
        var wparLease = (LockAcquisition.Acquired) nodeA.acquire(wpar, live, null, LEASE);
        var nimLease = (LockAcquisition.Acquired) nodeA.acquire(nim, live, null, Duration.ofHours(12));
        var hostLease = (LockAcquisition.Acquired) nodeA.acquire(host, gone, null, LEASE);
        Instant acquired = clock.instant();

        clock.advance(Duration.ofMinutes(4)); // a long savewpar: one minute left on the 5-minute lease
        LeaseLockService.Renewal renewal = nodeB.renewLive(owners -> owners.contains(live) ? Set.of(live) : Set.of());

        assertThat(renewal.renewed()).extracting(HeldLock::resource).containsExactlyInAnyOrder(wpar.name(), nim.name());
        assertThat(renewal.lost()).isEmpty();
        assertThat(nodeA.find(wpar).expiresAt()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(nodeA.find(nim).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
        assertThat(nodeA.find(wpar).fencingToken()).isEqualTo(wparLease.fencingToken());
        assertThat(nodeA.find(wpar).acquiredAt()).isEqualTo(acquired);
        assertThat(nodeA.find(host).expiresAt()).isEqualTo(acquired.plus(LEASE));

        clock.advance(Duration.ofMinutes(4)); // 8 minutes after the acquisitions
        assertThat(nodeB.acquire(wpar, "process-2", null, LEASE).acquired()).as("renewed: still held").isFalse();
        assertThat(nodeB.acquire(host, "process-2", null, LEASE)).as("not renewed: expired, taken over")
                .isInstanceOfSatisfying(LockAcquisition.Acquired.class,
                        t -> assertThat(t.fencingToken()).isEqualTo(hostLease.fencingToken() + 1));
        assertThat(nodeA.isValid(nim, live, nimLease.fencingToken())).isTrue();
    }

    @Test
    void anExpiredLeaseNobodyTookIsStillItsLiveOwnersAndIsRenewed() {
        String live = "live-" + UUID.randomUUID();
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, live, null, LEASE);
        clock.advance(LEASE.plusMinutes(1)); // every node was down longer than the lease

        assertThat(nodeA.renewLive(owners -> Set.of(live)).renewed()).extracting(HeldLock::resource)
                .contains(wpar.name());
        assertThat(nodeB.acquire(wpar, "process-2", null, LEASE).acquired()).isFalse();
        assertThat(nodeA.isValid(wpar, live, first.fencingToken())).isTrue();
    }

    @Test
    void aLeaseTakenOverBeforeItsRenewalStaysWithItsNewHolder() {
        String live = "live-" + UUID.randomUUID();
        var first = (LockAcquisition.Acquired) nodeA.acquire(wpar, live, null, LEASE);
        LeaseLockService.Renewal renewal = nodeA.renewLive(owners -> {
            // between the renewer's read and its renewal: the lease expires and another node takes it over
            clock.advance(LEASE.plusSeconds(1));
            assertThat(nodeB.acquire(wpar, "process-2", null, LEASE).acquired()).isTrue();
            return Set.of(live);
        });

        assertThat(renewal.lost()).extracting(HeldLock::resource).containsExactly(wpar.name());
        assertThat(renewal.renewed()).extracting(HeldLock::resource).doesNotContain(wpar.name());
        assertThat(nodeA.find(wpar).owner()).isEqualTo("process-2");
        assertThat(nodeA.find(wpar).fencingToken()).isEqualTo(first.fencingToken() + 1);
        assertThat(nodeA.isValid(wpar, live, first.fencingToken())).isFalse();
    }

    @Test
    void aLeaseReleasedBeforeItsRenewalIsNeitherRenewedNorLost() {
        String live = "live-" + UUID.randomUUID();
        nodeA.acquire(wpar, live, null, LEASE);
        LeaseLockService.Renewal renewal = nodeA.renewLive(owners -> {
            // between the renewer's read and its renewal: the backup ends and gives its lock back
            assertThat(nodeB.release(wpar, live)).isTrue();
            return Set.of(live);
        });

        assertThat(renewal.lost()).extracting(HeldLock::resource).doesNotContain(wpar.name());
        assertThat(renewal.renewed()).extracting(HeldLock::resource).doesNotContain(wpar.name());
        assertThat(nodeA.find(wpar).owner()).isNull();
    }

    @Test
    void releaseAllFreesEverythingAnOwnerHolds() {
        LockResource host = LockResource.host("lpar" + UUID.randomUUID().toString().substring(0, 8));
        nodeA.acquire(wpar, "process-9", null, LEASE);
        nodeA.acquire(host, "process-9", null, LEASE);
        assertThat(nodeA.heldBy("process-9")).hasSize(2);
        assertThat(nodeB.releaseAll("process-9")).isEqualTo(2);
        assertThat(nodeA.heldBy("process-9")).isEmpty();
    }

    @Test
    void twoNodesRacingForTheSameLockExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 25; round++) {
                LockResource contested = LockResource.wpar("lpar01", "race" + UUID.randomUUID().toString().substring(0, 8));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<LockAcquisition>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    LeaseLockService node = i % 2 == 0 ? nodeA : nodeB;
                    DataSource dataSource = i % 2 == 0 ? nodeA() : nodeB();
                    String owner = "process-" + i;
                    // inside a job's transaction, which must stay usable whoever wins (on PostgreSQL a
                    // failed statement would abort it)
                    TransactionTemplate job = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
                    Callable<LockAcquisition> attempt = () -> {
                        start.await();
                        return job.execute(status -> {
                            LockAcquisition outcome = node.acquire(contested, owner, null, LEASE);
                            new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM wparflow_lock", Integer.class);
                            return outcome;
                        });
                    };
                    attempts.add(pool.submit(attempt));
                }
                start.countDown();
                List<LockAcquisition> outcomes = new ArrayList<>();
                for (Future<LockAcquisition> attempt : attempts) {
                    outcomes.add(attempt.get());
                }
                assertThat(outcomes).filteredOn(LockAcquisition::acquired).as("round " + round).hasSize(1);
                String winner = nodeA.find(contested).owner();
                assertThat(outcomes).filteredOn(o -> !o.acquired())
                        .allSatisfy(o -> assertThat(((LockAcquisition.HeldByOther) o).owner()).isIn(winner,
                                "nobody (released meanwhile)"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
