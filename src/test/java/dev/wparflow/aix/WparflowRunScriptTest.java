package dev.wparflow.aix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs deploy/aix/wparflow-run under ksh93 (or ksh) with stub commands on PATH and a temporary
 * WPARFLOW_RUN_DIR. Skipped when no ksh is installed (Debian/Ubuntu: apt-get install ksh93u+m).
 */
class WparflowRunScriptTest {

    private static final Path SCRIPT = Path.of("deploy/aix/wparflow-run").toAbsolutePath();
    private static String ksh;

    @TempDir
    Path tmp;
    Path runDir;
    Path bin;

    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void findKsh() {
        ksh = findOnPath("ksh93", "ksh").orElse(null);
        assumeTrue(ksh != null, "no ksh93/ksh installed (Debian: apt-get install ksh93u+m); skipping wparflow-run tests");
        assumeTrue(Files.isRegularFile(SCRIPT), "deploy/aix/wparflow-run not found from " + Path.of("").toAbsolutePath());
    }

    static Optional<String> findOnPath(String... names) {
        for (String n : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                Path p = Path.of(dir, n);
                if (Files.isExecutable(p)) {
                    return Optional.of(p.toString());
                }
            }
        }
        return Optional.empty();
    }

    @BeforeEach
    void stubs() throws IOException {
        runDir = tmp.resolve("runs");
        bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        // appends one line to a counter file, then sleeps (a number) or waits for a gate file (a path): proves how
        // many times a run really started
        stub("stub_count", "#!/bin/sh\necho started >> \"$1\"\ncase \"$2\" in /*) " + GATE_WAIT.replace("$1", "$2")
                + " ;; *) sleep \"${2:-1}\" ;; esac\necho counted\n");
        // runs until the test creates the gate file: a run that is certainly still running when the test looks
        stub("stub_gate", "#!/bin/sh\n" + GATE_WAIT + "\necho gate opened\n");
        stub("stub_echo", "#!/bin/sh\necho \"out: $*\"\necho \"err: $*\" >&2\nexit \"${STUB_RC:-0}\"\n");
        stub("stub_exit", "#!/bin/sh\necho exiting with $1\nexit \"$1\"\n");
        // writes its pid, then its child's pid, so the test can see the whole tree die on cancel
        stub("stub_tree", "#!/bin/sh\nsleep 300 &\necho $! > \"$1.child\"\necho $$ > \"$1\"\nwait\n");
    }

    private static final String GATE_WAIT = "while [ ! -e \"$1\" ]; do sleep 0.05; done";

    /** A gate file for stub_gate or stub_count: the run goes on once it exists. */
    private Path gate(String name) {
        return tmp.resolve("gate-" + name);
    }

    private static void open(Path gate) throws IOException {
        Files.writeString(gate, "");
    }

    private void stub(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ProcessBuilder pb(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ksh);
        cmd.add(SCRIPT.toString());
        cmd.addAll(args);
        ProcessBuilder b = new ProcessBuilder(cmd);
        b.environment().put("WPARFLOW_RUN_DIR", runDir.toString());
        b.environment().put("WPARFLOW_CANCEL_GRACE", "3");
        b.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return b;
    }

    private Run run(String... args) throws Exception {
        ProcessBuilder b = pb(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        b.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = b.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("wparflow-run %s returned", List.of(args)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The longest any wait here may take on a loaded machine: a safety net, not a measure. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private static void await(String what, Duration max, BooleanSupplier cond) {
        org.awaitility.Awaitility.await(what).atMost(max.compareTo(GENEROUS) < 0 ? GENEROUS : max).pollInterval(Duration.ofMillis(50))
                .until(cond::getAsBoolean);
    }

    private String status(String id) {
        try {
            return run("status", id).stdout().strip();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void versionAnswersTheProtocolVersionPreflightExpects() throws Exception {
        Run r = run("version");
        assertThat(r.exit()).isZero();
        assertThat(HelperVersion.parse(r.stdout())).isEqualTo(WparflowRun.PROTOCOL_VERSION);
    }

    @Test
    void startReturnsAtOnceThenStatusGoesFromRunningToExited() throws Exception {
        // start returns while its command cannot have ended: the gate is still closed
        Run r = run("start", "run-1", "--", "stub_gate", gate("run-1").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("run-1 running");
        assertThat(status("run-1")).isEqualTo("run-1 running");
        open(gate("run-1"));
        await("run-1 to exit", Duration.ofSeconds(10), () -> status("run-1").equals("run-1 exited 0"));
        assertThat(Files.readString(runDir.resolve("run-1/started"))).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n");
        assertThat(Files.readString(runDir.resolve("run-1/pid")).strip()).matches("\\d+");
    }

    @Test
    void outputHoldsStdoutAndStderrAndTheExitCodeIsRecorded() throws Exception {
        run("start", "echo.1", "--", "stub_exit", "3");
        run("start", "echo.2", "--", "stub_echo", "a b", "it's");
        await("both to exit", Duration.ofSeconds(10),
                () -> status("echo.1").startsWith("echo.1 exited") && status("echo.2").startsWith("echo.2 exited"));
        assertThat(status("echo.1")).isEqualTo("echo.1 exited 3");
        assertThat(run("output", "echo.1").stdout()).isEqualTo("exiting with 3\n");
        Run out = run("output", "echo.2");
        assertThat(out.exit()).isZero();
        assertThat(out.stdout()).contains("out: a b it's").contains("err: a b it's");
        assertThat(Files.readAllLines(runDir.resolve("echo.2/cmd"))).containsExactly("stub_echo", "a b", "it's");
    }

    @Test
    void waitReturnsWhenOneRunFinishesAndReportsAllOfThem() throws Exception {
        run("start", "slow", "--", "stub_gate", gate("slow").toString()); // never opened: cancelled below
        run("start", "quick", "--", "stub_gate", gate("quick").toString());
        long t0 = System.nanoTime();
        java.util.concurrent.CompletableFuture<Run> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return run("wait", "25", "slow", "quick");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        open(gate("quick"));
        Run r = waiting.get(60, TimeUnit.SECONDS);
        Duration waited = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(r.exit()).isZero();
        assertThat(r.stdout().lines().toList()).containsExactly("slow running", "quick exited 0");
        // slow never ends by itself: only quick's end can bring the wait back before its 25 s
        assertThat(waited).as("back when quick ended, not after 25 s").isLessThan(Duration.ofSeconds(20));
        run("cancel", "slow");
    }

    @Test
    void waitGivesUpAfterItsSecondsAndRefusesBadArguments() throws Exception {
        run("start", "long", "--", "stub_gate", gate("long").toString()); // never opened: cancelled below
        long t0 = System.nanoTime();
        Run r = run("wait", "2", "long");
        assertThat(r.stdout().strip()).isEqualTo("long running");
        // not before its 2 s; and back, though the run never ends
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(25));
        // an unknown run is "not running": no wait at all
        assertThat(run("wait", "20", "long", "nope").stdout().lines().toList()).containsExactly("long running",
                "nope unknown");
        assertThat(run("wait", "x", "long").exit()).isEqualTo(2);
        assertThat(run("wait", "5").exit()).isEqualTo(2);
        assertThat(run("wait", "5", "bad;id").exit()).isEqualTo(2);
        run("cancel", "long");
    }

    @Test
    void statusReportsSeveralRunsOneLineEachIncludingUnknown() throws Exception {
        run("start", "s1", "--", "stub_exit", "0");
        await("s1", Duration.ofSeconds(10), () -> status("s1").equals("s1 exited 0"));
        run("start", "s2", "--", "stub_gate", gate("s2").toString()); // never opened: cancelled below
        Run r = run("status", "s1", "s2", "nope");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).isEqualTo("s1 exited 0\ns2 running\nnope unknown\n");
        run("cancel", "s2");
    }

    @Test
    void startingAnExistingRunIdAgainDoesNotStartItTwice() throws Exception {
        Path counter = tmp.resolve("counter-seq");
        String g = gate("once").toString();
        assertThat(run("start", "once", "--", "stub_count", counter.toString(), g).stdout()).isEqualTo("once running\n");
        Run again = run("start", "once", "--", "stub_count", counter.toString(), g);
        assertThat(again.exit()).isZero();
        assertThat(again.stdout()).isEqualTo("once running\n");
        open(gate("once"));
        await("once to exit", Duration.ofSeconds(10), () -> status("once").equals("once exited 0"));
        assertThat(run("start", "once", "--", "stub_count", counter.toString(), "0").stdout())
                .isEqualTo("once exited 0\n");
        // a start writes the run's command before it runs it: still the first one's, so nothing was started again
        assertThat(Files.readAllLines(runDir.resolve("once/cmd"))).containsExactly("stub_count", counter.toString(), g);
        assertThat(Files.readAllLines(counter)).hasSize(1);
    }

    @Test
    void concurrentStartsOfTheSameRunIdExecuteOnce() throws Exception {
        Path counter = tmp.resolve("counter-par");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Run>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return run("start", "race", "--", "stub_count", counter.toString(), "1");
            }));
        }
        go.countDown();
        for (Future<Run> f : results) {
            Run r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.exit()).isZero();
            assertThat(r.stdout()).matches("race (running|exited 0)\\n");
        }
        pool.shutdown();
        await("race to exit", Duration.ofSeconds(15), () -> status("race").equals("race exited 0"));
        assertThat(Files.readAllLines(counter)).as("executions").hasSize(1);
    }

    @Test
    void runSurvivesTheSessionThatStartedIt() throws Exception {
        Path counter = tmp.resolve("counter-survive");
        Optional<String> setsid = findOnPath("setsid");
        assumeTrue(setsid.isPresent(), "no setsid(1) to simulate an SSH session");
        // a new session starts the run, then hangs up its whole process group and exits, as sshd does
        String inner = ksh + " " + SCRIPT + " start survivor -- stub_count " + counter + " " + gate("survivor")
                + "; kill -HUP 0";
        ProcessBuilder b = pb(List.of());
        b.command(setsid.get(), "-w", "/bin/sh", "-c", inner);
        b.redirectErrorStream(true).redirectOutput(tmp.resolve("session.log").toFile());
        Process session = b.start();
        assertThat(session.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(status("survivor")).isEqualTo("survivor running");
        open(gate("survivor"));
        await("survivor to finish", Duration.ofSeconds(10), () -> status("survivor").equals("survivor exited 0"));
        assertThat(Files.readAllLines(counter)).hasSize(1);
        assertThat(run("output", "survivor").stdout()).isEqualTo("counted\n");
    }

    @Test
    void cancelKillsTheWholeProcessGroupAndStatusShowsASignalCode() throws Exception {
        Path pidFile = tmp.resolve("tree.pid");
        run("start", "victim", "--", "stub_tree", pidFile.toString());
        await("tree to start", Duration.ofSeconds(10),
                () -> Files.exists(pidFile) && Files.exists(Path.of(pidFile + ".child")));
        long parent = Long.parseLong(Files.readString(pidFile).strip());
        long child = Long.parseLong(Files.readString(Path.of(pidFile + ".child")).strip());
        Run c = run("cancel", "victim");
        assertThat(c.exit()).isZero();
        assertThat(c.stdout()).isEqualTo("victim exited 143\n");
        await("tree to die", Duration.ofSeconds(5), () -> !alive(parent) && !alive(child));
        assertThat(status("victim")).isEqualTo("victim exited 143");
        // cancelling again is harmless
        assertThat(run("cancel", "victim").stdout()).isEqualTo("victim exited 143\n");
        assertThat(run("cancel", "ghost").exit()).isEqualTo(1);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && !procState(pid).equals("Z");
    }

    private static String procState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (IOException e) {
            return "gone";
        }
    }

    @Test
    void deathBySignalIsReportedAs128PlusTheSignal() throws Exception {
        run("start", "killed", "--", "/bin/sh", "-c", "kill -9 $$");
        await("killed to exit", Duration.ofSeconds(10), () -> status("killed").startsWith("killed exited"));
        assertThat(status("killed")).isEqualTo("killed exited 137");
    }

    @Test
    void forgetRefusesWhileRunningAndRemovesTheRecordAfterwards() throws Exception {
        run("start", "f1", "--", "stub_gate", gate("f1").toString());
        Run refused = run("forget", "f1");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr()).contains("running");
        assertThat(runDir.resolve("f1")).isDirectory();
        open(gate("f1"));
        await("f1 to exit", Duration.ofSeconds(10), () -> status("f1").equals("f1 exited 0"));
        Run forgot = run("forget", "f1");
        assertThat(forgot.exit()).isZero();
        assertThat(forgot.stdout()).isEqualTo("f1 unknown\n");
        assertThat(runDir.resolve("f1")).doesNotExist();
        assertThat(status("f1")).isEqualTo("f1 unknown");
        assertThat(run("output", "f1").exit()).isEqualTo(1);
    }

    @Test
    void invalidRunIdsAndUsageErrorsExitWith2() throws Exception {
        String[] bad = {".hidden", "a/b", "a b", "", "x".repeat(129), "$(id)", "a;b", "..", "a\nb"};
        for (String id : bad) {
            Run r = run("status", id);
            assertThat(r.exit()).as("status %s", InvalidArgumentException.printable(id)).isEqualTo(2);
            Run s = run("start", id, "--", "stub_exit", "0");
            assertThat(s.exit()).as("start %s", InvalidArgumentException.printable(id)).isEqualTo(2);
        }
        assertThat(run("status", "x".repeat(128)).exit()).isZero();
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("frobnicate", "x").exit()).isEqualTo(2);
        assertThat(run("start", "nodash", "stub_exit", "0").exit()).isEqualTo(2);
        assertThat(run("start", "nocmd", "--").exit()).isEqualTo(2);
        assertThat(run("output").exit()).isEqualTo(2);
        assertThat(run("status").exit()).isEqualTo(2);
        // nothing was started by any of them
        assertThat(Files.exists(runDir) ? Files.list(runDir).count() : 0).isZero();
    }

    @Test
    void versionPrintsOneLineAndTouchesNoRun() throws Exception {
        Run r = run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).isEqualTo("wparflow-run 1\n");
        assertThat(r.stderr()).isEmpty();
        assertThat(run("version", "extra").exit()).isEqualTo(2);
        assertThat(Files.exists(runDir) ? Files.list(runDir).count() : 0).isZero();
    }

    @Test
    void theRunIdRuleMatchesTheJavaValidator() {
        assertThat(RunId.of("wpar-save.2024_01").value()).isEqualTo("wpar-save.2024_01");
        for (String id : new String[] {".hidden", "a/b", "x".repeat(129)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunId.of(id))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
