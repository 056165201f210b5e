package dev.wparflow.process.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fleet run rows against a real, migrated database. */
abstract class AbstractBackupRunRepositoryTest {

    abstract DataSource dataSource();

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
}
