package dev.wparflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** --reset deletes an H2 file database's files, and only those; any other database is left alone. */
class EmbeddedDatabaseResetTest {

    @TempDir
    Path dir;

    @Test
    void theH2FileOfAUrl() {
        assertThat(EmbeddedDatabaseReset.h2FileBase("jdbc:h2:file:./data/wparflow;DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY"))
                .isEqualTo(Path.of("data/wparflow").toAbsolutePath());
        assertThat(EmbeddedDatabaseReset.h2FileBase("jdbc:h2:/var/lib/wparflow/db")).isEqualTo(Path.of("/var/lib/wparflow/db"));
        assertThat(EmbeddedDatabaseReset.h2FileBase("jdbc:h2:~/db;MODE=LEGACY"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "db"));
        assertThat(EmbeddedDatabaseReset.h2FileBase("jdbc:h2:mem:wparflow;DB_CLOSE_DELAY=-1")).isNull();
        assertThat(EmbeddedDatabaseReset.h2FileBase("jdbc:h2:tcp://db/wparflow")).isNull();
        assertThat(EmbeddedDatabaseReset.h2FileBase("jdbc:postgresql://127.0.0.1:5432/wparflow")).isNull();
    }

    @Test
    void deletesTheDatabaseFilesOnlyWhenAsked() throws Exception {
        Path db = Files.writeString(dir.resolve("wparflow.mv.db"), "rows");
        Path trace = Files.writeString(dir.resolve("wparflow.trace.db"), "trace");
        Path other = Files.writeString(dir.resolve("other.mv.db"), "another database");
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("wparflow") + ";MODE=LEGACY");
        EmbeddedDatabaseReset reset = new EmbeddedDatabaseReset(new DeferredLogs());

        reset.postProcessEnvironment(env, new SpringApplication());
        assertThat(db).exists();

        env.setProperty("wparflow.reset", "true");
        reset.postProcessEnvironment(env, new SpringApplication());
        assertThat(db).doesNotExist();
        assertThat(trace).doesNotExist();
        assertThat(other).hasContent("another database");
    }
}
