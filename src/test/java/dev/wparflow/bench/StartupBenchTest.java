package dev.wparflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartupBenchTest {

    @Test
    void theBenchmarkStartsWhatTheReadmeStarts() throws Exception {
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s*\\\\\\n\\s*", " ");
        assertThat(readme).contains("mvn -B -q -DskipTests package && java " + StartupBench.README_JAVA_OPTIONS
                + " -jar " + StartupBench.README_JAR + "\n");
    }

    @Test
    void aRelativeClassDataArchiveIsTakenFromTheProjectNotFromTheRunsDirectory() {
        List<String> options = StartupBench.options(" -Xmx256m  -XX:SharedArchiveFile=target/app/wparflow.jsa ");

        assertThat(options).containsExactly("-Xmx256m",
                "-XX:SharedArchiveFile=" + Path.of("target/app/wparflow.jsa").toAbsolutePath());
        assertThat(StartupBench.options("")).isEmpty();
    }

    @Test
    void bestAndMedianOfTheStarts() {
        List<StartupBench.Started> starts = List.of(start(9.0, 20.0), start(7.5, 18.0), start(12.0, 19.0),
                start(8.0, 25.0));

        assertThat(StartupBench.best(starts, StartupBench.Started::wallSeconds)).isEqualTo(7.5);
        assertThat(StartupBench.median(starts, StartupBench.Started::wallSeconds)).isEqualTo(8.5);
        assertThat(StartupBench.median(starts.subList(0, 3), StartupBench.Started::cpuSeconds)).isEqualTo(19.0);
    }

    @Test
    void procStatusReadsThisProcess() {
        ProcStatus own = ProcStatus.read(ProcessHandle.current().pid());

        assertThat(own.rssKiB()).isPositive();
        assertThat(own.hwmKiB()).isGreaterThanOrEqualTo(own.rssKiB());
        assertThat(own.threads()).isGreaterThan(1);
        assertThat(own.cpuSeconds()).isPositive();
    }

    private static StartupBench.Started start(double wall, double cpu) {
        return new StartupBench.Started(wall, cpu, new ProcStatus(1024, 2048, 40, cpu), "1.00 1.00 1.00");
    }
}
