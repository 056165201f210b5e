package dev.wparflow.testsupport;

import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.aix.AixShell;
import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.ssh.FixedResolver;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;

/**
 * The production path to a simulated fleet without a Spring context: the SSH session pool with
 * strict host keys, and an {@link AixShell} recording transcripts in an in-memory H2 database.
 */
public final class SimulatedFleetShell implements AutoCloseable {

    public final SshSessionPool ssh;
    public final AixShell aix;
    public final CommandTranscriptService transcripts;
    private final DataSource dataSource;

    public SimulatedFleetShell(Fleet fleet, String... hosts) {
        SshEndpoint[] endpoints = new SshEndpoint[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            endpoints[i] = new SshEndpoint(hosts[i], "127.0.0.1", fleet.host(hosts[i]).port(), "root");
        }
        ssh = FixedResolver.pool(fleet.knownHostsPath(), fleet.clientKeyPair(), new SshProperties(), endpoints);
        dataSource = TestDatabases.migratedDataSource("jdbc:h2:mem:shell-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        transcripts = new CommandTranscriptService(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource), 65536);
        aix = new AixShell(ssh, transcripts, Clock.systemUTC());
    }

    @Override
    public void close() {
        ssh.close();
        ((HikariDataSource) dataSource).close();
    }
}
