package dev.wparflow.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.WparflowApplication;
import dev.wparflow.testsupport.TestDatabases;

/**
 * Two wparflow engines (two Spring contexts, each with its own connection pool and job executor)
 * on one database race for the same WPAR lock, round after round: exactly one wins each time.
 */
class LockRaceBetweenEnginesIT {

    @TempDir
    Path dir;

    static ConfigurableApplicationContext engine(String name, String url, String user, String password) {
        return new SpringApplicationBuilder(WparflowApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--server.port=0", "--wparflow.node-id=" + name);
    }

    @Test
    void onPostgres() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null, TestDatabases.POSTGRES_DISABLED_REASON);
        race(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), TestDatabases.postgresPassword());
    }

    @Test
    void onH2() throws Exception {
        // an H2 server-less file database shared by two engines in one JVM: AUTO_SERVER lets both open it
        race("jdbc:h2:file:" + dir.resolve("race") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private void race(String url, String user, String password) throws Exception {
        try (ConfigurableApplicationContext first = engine("engine-1", url, user, password);
                ConfigurableApplicationContext second = engine("engine-2", url, user, password)) {
            LeaseLockService one = first.getBean(LeaseLockService.class);
            LeaseLockService two = second.getBean(LeaseLockService.class);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                for (int round = 0; round < 20; round++) {
                    LockResource wpar = LockResource.wpar("lpar00", "race" + System.nanoTime() % 100_000_000);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<LockAcquisition>> attempts = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        LeaseLockService engine = i % 2 == 0 ? one : two;
                        String owner = "instance-" + round + "-" + i;
                        attempts.add(pool.submit(() -> {
                            go.await();
                            return engine.acquire(wpar, owner, "race", Duration.ofMinutes(5));
                        }));
                    }
                    go.countDown();
                    int winners = 0;
                    for (Future<LockAcquisition> attempt : attempts) {
                        winners += attempt.get().acquired() ? 1 : 0;
                    }
                    assertThat(winners).as("winners in round " + round).isEqualTo(1);
                    String holder = one.find(wpar).owner();
                    assertThat(two.find(wpar).owner()).isEqualTo(holder);
                    assertThat(two.release(wpar, holder)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
