package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.ssh.FixedResolver;
import dev.wparflow.ssh.OpenSshd;
import dev.wparflow.ssh.Redactor;
import dev.wparflow.ssh.SshProperties;
import dev.wparflow.ssh.SshSessionPool;
import dev.wparflow.testsupport.TestDatabases;

/**
 * Every preflight check through the production path (SSH session pool, {@link AixShell}, the checks' parsers)
 * against a real OpenSSH sshd whose commands are stubs printing the AIX 7.1, 7.2 and 7.3 fixtures. sshd's
 * {@code ForceCommand} puts the stubs first on PATH; each stub answers only the exact argv a check sends and logs
 * it, so the test also sees that nothing else was sent. Skipped, with the reason, where sshd is not installed.
 */
class PreflightOpenSshTest {

    static final Origin ORIGIN = new Origin("pi-preflight-sshd", "Task_Preflight");
    static final WparName WPR00 = WparName.of("wpr00");
    static final WparName WPR01 = WparName.of("wpr01");

    @TempDir
    static Path dir;
    static OpenSshd sshd;
    static SshSessionPool pool;
    static HikariDataSource dataSource;
    static AixShell shell;
    static Path stubs;

    @BeforeAll
    static void start() throws Exception {
        String whyNot = OpenSshd.whyNot();
        assumeTrue(whyNot == null, () -> "skipped: " + whyNot);
        stubs = dir.resolve("stubs");
        Files.createDirectories(stubs.resolve("bin"));
        Files.createDirectories(stubs.resolve("out"));
        Path sshdDir = Files.createDirectories(dir.resolve("sshd"));
        sshd = OpenSshd.start(sshdDir, List.of("ForceCommand PATH=" + stubs.resolve("bin")
                + ":/usr/bin:/bin; export PATH; eval \"$SSH_ORIGINAL_COMMAND\""));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        SshProperties props = new SshProperties();
        props.setKnownHosts(knownHosts.toString());
        props.setIdentities(List.of(sshd.clientKey().toString()));
        pool = new SshSessionPool(props, List.of(new FixedResolver(sshd.endpoint("lpar07"))), new Redactor(), null,
                null);
        dataSource = (HikariDataSource) TestDatabases.migratedDataSource(
                "jdbc:h2:mem:preflight-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        DataSource ds = dataSource;
        shell = new AixShell(pool, new CommandTranscriptService(new JdbcTemplate(ds),
                new DataSourceTransactionManager(ds), 65536), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    static List<String> levels() {
        return AixFixtures.LEVELS;
    }

    static List<PreflightCheck> checks() {
        List<PreflightCheck> all = new ArrayList<>(PreflightChecks.globalEnvironment(new PreflightChecks.GlobalEnvironment(
                List.of(WPR00, WPR01), List.of(VolumeGroupName.of("rootvg"), VolumeGroupName.of("datavg")),
                AbsolutePath.of("/images/wpr00.save"))));
        all.addAll(PreflightChecks.nimMaster(List.of(NimObjectName.of("wpr00"))));
        all.addAll(PreflightChecks.hmc(List.of(ManagedSystemName.of("sys-72a"))));
        return all;
    }

    @ParameterizedTest(name = "AIX {0}")
    @MethodSource("levels")
    void everyCheckParsesTheReferenceOutputsOverOpenSsh(String level) throws Exception {
        List<PreflightCheck> checks = checks();
        installStubs(level, checks);

        List<String> failed = new ArrayList<>();
        for (PreflightCheck check : checks) {
            CommandResult r = shell.read("lpar07", check.command(), ORIGIN);
            AixResult<Object> result = check.interpret(r);
            if (result instanceof AixResult.Failed<Object> f) {
                failed.add(check.name() + ": " + f.failure() + " stderr=" + r.stderr());
            }
        }
        assertThat(failed).isEmpty();
        assertThat(Files.readAllLines(stubs.resolve("log"))).isEqualTo(checks.stream().map(c -> key(c.command()))
                .toList());
        // the later levels' extra -L fields parse, and preflight can name them
        PreflightCheck details = checks.stream().filter(c -> c.name().equals("lswpar -L wpr00")).findFirst()
                .orElseThrow();
        String out = shell.read("lpar07", details.command(), ORIGIN).stdout();
        assertThat(((WparDetails) details.parse(out)).hostname()).contains("wpr00");
        assertThat(details.ignored().apply(out)).contains("GENERAL: UUID");
    }

    /** One output file per check, keyed by the argv the stub receives; one stub per program, all the same script. */
    private static void installStubs(String level, List<PreflightCheck> checks) throws Exception {
        Files.deleteIfExists(stubs.resolve("log"));
        Files.writeString(stubs.resolve("log"), "");
        StringBuilder map = new StringBuilder();
        Set<String> programs = new LinkedHashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            PreflightCheck c = checks.get(i);
            Files.writeString(stubs.resolve("out").resolve(i + ".txt"), outputFor(level, c));
            map.append(i).append('\t').append(key(c.command())).append('\n');
            programs.add(c.command().programName());
        }
        Files.writeString(stubs.resolve("map"), map.toString());
        String script = """
                #!/bin/sh
                key="${0##*/}"
                if [ $# -gt 0 ]; then key="$key $*"; fi
                printf '%s\\n' "$key" >> STUBS/log
                n=$(awk -F '\\t' -v k="$key" '$2 == k { print $1 }' STUBS/map)
                if [ -z "$n" ]; then echo "stub: no output for $key" >&2; exit 127; fi
                /bin/cat "STUBS/out/$n.txt"
                """.replace("STUBS", stubs.toString());
        for (String p : programs) {
            Path stub = stubs.resolve("bin").resolve(p);
            Files.writeString(stub, script);
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String key(AixCommand c) {
        List<String> argv = new ArrayList<>(c.argv());
        argv.set(0, c.programName());
        return String.join(" ", argv);
    }

    /** The fixture a check's command prints at {@code level}; the -c -q forms are cut from the -c fixture. */
    static String outputFor(String level, PreflightCheck c) {
        List<String> argv = c.command().argv();
        String name = c.name();
        if (name.startsWith("lswpar -c -q -a ")) {
            return delimited(level, argv.get(3), argv.size() > 5 ? argv.get(5) : null);
        }
        if (name.equals("lswpar -M wpr00") || name.equals("lswpar -M wpr01")) {
            String wpar = argv.get(2);
            return AixFixtures.output(level, "lswpar-M").lines()
                    .filter(l -> !l.startsWith("wpr") || l.startsWith(wpar + " ")).collect(Collectors.joining("\n", "", "\n"));
        }
        if (name.startsWith("lssavewpar")) {
            return AixFixtures.output(level, "lssavewpar");
        }
        if (name.startsWith("cat /")) {
            return AixFixtures.output(level, "cat-" + name.substring("cat /".length()).replace("/", "-"));
        }
        if (name.startsWith("lssyscfg -r lpar")) {
            return AixFixtures.output(level, "lssyscfg-r-lpar");
        }
        return AixFixtures.output(level, name.replace(" -", "-").replace(" ", "-"));
    }

    /** {@code lswpar -c -q -a FIELDS [NAME]}: the -c fixture's columns asked for, in that order, without header. */
    private static String delimited(String level, String fields, String onlyWpar) {
        List<String> lines = AixFixtures.output(level, "lswpar-c").lines().toList();
        List<String> header = List.of(lines.get(0).substring(1).split(":", -1));
        StringBuilder out = new StringBuilder();
        for (String row : lines.subList(1, lines.size())) {
            List<String> values = TextTable.splitEscaped(row, ':');
            if (onlyWpar != null && !values.get(0).equals(onlyWpar)) {
                continue;
            }
            List<String> picked = new ArrayList<>();
            for (String f : fields.split(",")) {
                picked.add(values.get(header.indexOf(f)).replace(":", "\\:"));
            }
            out.append(String.join(":", picked)).append('\n');
        }
        return out.toString();
    }
}
