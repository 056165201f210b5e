package dev.wparflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.MigratedDatabase;

/** Fleet run rows against a real, migrated database. */
@BothDatabases
class BackupRunRepositoryTest {

    static final MigratedDatabase DB = MigratedDatabase.selected("backup_runs");

    DataSource dataSource() {
        return DB.dataSource();
    }

    @AfterAll
    static void closePool() {
        DB.close();
    }

    @Test
    void aScopeNamingManyHostsIsKept() {
        BackupRunRepository runs = new BackupRunRepository(new JdbcTemplate(dataSource()), java.time.Clock.systemUTC());
        // 400 hosts by name: well past the 255 characters that once failed the run's first step
        String scope = "host:" + IntStream.range(0, 400).mapToObj(i -> String.format("lpar%03d", i))
                .collect(Collectors.joining(","));
        assertThat(scope.length()).isGreaterThan(3000);

        BackupRunRepository.Run run = runs.createRun("pi-" + System.nanoTime(), scope, "on-demand", 2, 0);

        assertThat(runs.findRun(run.id()).orElseThrow().scope()).isEqualTo(scope);
    }

    @Test
    void lanesThatClaimTogetherTakeDifferentWparsWithoutWaitingForEachOther() throws Exception {
        BackupRunRepository runs = new BackupRunRepository(new JdbcTemplate(dataSource()), java.time.Clock.systemUTC());
        BackupRunRepository.Run run = runs.createRun("pi-" + System.nanoTime(), "all", "on-demand", 2, 0);
        runs.addItems(run.id(), "lpar1", List.of("wpr01", "wpr02", "wpr03"));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        CountDownLatch claimedByLane0 = new CountDownLatch(1);
        CountDownLatch lane0MayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // lane 0 claims in a job transaction that is still running when lane 1 claims
            CompletableFuture<Optional<BackupRunRepository.Item>> lane0 = CompletableFuture.supplyAsync(
                    () -> tx.execute(status -> {
                        Optional<BackupRunRepository.Item> item = runs.claimNext(run.id(), "lpar1", "lane0", 0);
                        claimedByLane0.countDown();
                        await(lane0MayCommit);
                        return item;
                    }), pool);
            assertThat(claimedByLane0.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Optional<BackupRunRepository.Item>> lane1 = CompletableFuture.supplyAsync(
                    () -> tx.execute(status -> runs.claimNext(run.id(), "lpar1", "lane1", 1)), pool);

            Optional<BackupRunRepository.Item> second;
            try {
                second = lane1.get(5, TimeUnit.SECONDS);
            } finally {
                lane0MayCommit.countDown();
            }
            Optional<BackupRunRepository.Item> first = lane0.get(10, TimeUnit.SECONDS);

            assertThat(first.orElseThrow().wpar()).isEqualTo("wpr01");
            assertThat(second.orElseThrow().wpar()).isEqualTo("wpr02");
            assertThat(runs.items(run.id())).extracting(BackupRunRepository.Item::wpar, BackupRunRepository.Item::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("wpr01", BackupRunRepository.ItemState.CLAIMED),
                            org.assertj.core.groups.Tuple.tuple("wpr02", BackupRunRepository.ItemState.CLAIMED),
                            org.assertj.core.groups.Tuple.tuple("wpr03", BackupRunRepository.ItemState.PENDING));
            // a lane alone takes whatever is left
            assertThat(runs.claimNext(run.id(), "lpar1", "lane1b", 1).orElseThrow().wpar()).isEqualTo("wpr03");
            assertThat(runs.claimNext(run.id(), "lpar1", "lane0b", 0)).isEmpty();
        } finally {
            lane0MayCommit.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
