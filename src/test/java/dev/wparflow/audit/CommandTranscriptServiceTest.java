package dev.wparflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.NodePools;

/** The transcript chain against a real database, in a schema of its own (tests damage it on purpose). */
@BothDatabases
class CommandTranscriptServiceTest {

    static final NodePools POOLS = NodePools.selected("transcripts");

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

    CommandTranscriptService nodeA;
    CommandTranscriptService nodeB;
    JdbcTemplate jdbc;

    @BeforeEach
    void services() {
        jdbc = new JdbcTemplate(nodeA());
        jdbc.update("DELETE FROM wparflow_command");
        jdbc.update("UPDATE wparflow_command_head SET seq = 0, hash = ? WHERE id = 1", "0".repeat(64));
        nodeA = new CommandTranscriptService(jdbc, new DataSourceTransactionManager(nodeA()), 1000);
        nodeB = new CommandTranscriptService(new JdbcTemplate(nodeB()), new DataSourceTransactionManager(nodeB()), 1000);
    }

    static CommandTranscriptService.Entry entry(String instance, String host, String command, int exit, String stdout) {
        return new CommandTranscriptService.Entry(instance, "Task_SaveWpar", host, command, exit, null,
                Instant.parse("2026-11-22T10:15:30.123456789Z"), Duration.ofMillis(1234), stdout, "");
    }

    @Test
    void recordsChainAndReadBackPerProcessInstance() {
        CommandRecord first = nodeA.record(entry("pi-1", "lpar00", "lswpar -c -q wpr00", 0, "wpr00:A:S"));
        CommandRecord second = nodeA.record(entry("pi-2", "lpar01", "lswpar", 0, ""));
        CommandRecord third = nodeA.record(entry("pi-1", "lpar00", "stopwpar -N wpr00", 1, ""));

        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(nodeA.forProcessInstance("pi-1")).extracting(CommandRecord::command)
                .containsExactly("lswpar -c -q wpr00", "stopwpar -N wpr00");
        assertThat(nodeA.forProcessInstance("pi-1").get(1).exitStatus()).isEqualTo(1);
        assertThat(nodeA.firstBrokenRecord()).isEmpty();
    }

    @Test
    void longOutputIsCutButItsHashCoversTheWholeText() {
        String output = "x".repeat(5000);
        CommandRecord record = nodeA.record(entry("pi-1", "lpar00", "savewpar -f /images/wpr00 wpr00", 0, output));
        CommandRecord stored = nodeA.forProcessInstance("pi-1").get(0);
        assertThat(stored.stdout()).hasSize(1000);
        assertThat(stored.truncated()).isTrue();
        assertThat(stored.stdoutSha256()).isEqualTo(CommandTranscriptService.sha256(output)).isEqualTo(record.stdoutSha256());
        assertThat(nodeA.firstBrokenRecord()).isEmpty();
    }

    @Test
    void anEditedRecordBreaksTheChainThere() {
        nodeA.record(entry("pi-1", "lpar00", "lswpar", 0, ""));
        CommandRecord edited = nodeA.record(entry("pi-1", "lpar00", "rmwpar -F wpr00", 0, ""));
        nodeA.record(entry("pi-1", "lpar00", "lswpar", 0, ""));

        jdbc.update("UPDATE wparflow_command SET command = 'lswpar' WHERE seq = ?", edited.seq());
        assertThat(nodeA.firstBrokenRecord()).contains(edited.seq());
    }

    @Test
    void aRemovedRecordBreaksTheChain() {
        nodeA.record(entry("pi-1", "lpar00", "lswpar", 0, ""));
        CommandRecord removed = nodeA.record(entry("pi-1", "lpar00", "rmwpar -F wpr00", 0, ""));
        CommandRecord last = nodeA.record(entry("pi-1", "lpar00", "lswpar", 0, ""));

        jdbc.update("DELETE FROM wparflow_command WHERE seq = ?", removed.seq());
        assertThat(nodeA.firstBrokenRecord()).contains(last.seq());
    }

    @Test
    void removingTheNewestRecordIsNoticedToo() {
        nodeA.record(entry("pi-1", "lpar00", "lswpar", 0, ""));
        CommandRecord newest = nodeA.record(entry("pi-1", "lpar00", "rmwpar -F wpr00", 0, ""));
        jdbc.update("DELETE FROM wparflow_command WHERE seq = ?", newest.seq());
        assertThat(nodeA.firstBrokenRecord()).contains(newest.seq());
    }

    @Test
    void twoNodesAppendingAtOnceKeepOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<CommandRecord>> writes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                CommandTranscriptService node = i % 2 == 0 ? nodeA : nodeB;
                int n = i;
                writes.add(pool.submit(() -> node.record(entry("pi-" + n, "lpar0" + (n % 3), "lswpar", 0, "line " + n))));
            }
            for (Future<CommandRecord> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wparflow_command", Integer.class)).isEqualTo(60);
        assertThat(nodeA.firstBrokenRecord()).isEmpty();
    }
}
