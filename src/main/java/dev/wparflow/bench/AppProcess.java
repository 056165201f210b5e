package dev.wparflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as its own process, as the README's command does, in a directory of its own
 * (its {@code data/}) on a free HTTP port; the simulated hosts take free ports too, so a wparflow already running on
 * this machine does not matter. Output goes to {@code app.log} in that directory.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final long launchedNanos;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private AppProcess(Process process, long launchedNanos, int port) {
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.port = port;
    }

    static AppProcess launch(Path jar, List<String> javaOptions, Path dir, List<String> appArgs) throws IOException {
        int port = StartupBench.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--wparflow.simulator.random-ports=true"));
        command.addAll(appArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile());
        long t0 = System.nanoTime();
        return new AppProcess(pb.start(), t0, port);
    }

    /** Polls Tasklist every 50 ms until its page answers 200 (after its redirect to /default/): the start as an operator sees it. */
    StartupBench.Started awaitTasklist(Duration timeout) throws Exception {
        HttpRequest tasklist = HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = launchedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application ended with status " + process.exitValue()
                        + " before Tasklist answered (see app.log)");
            }
            try {
                if (http.send(tasklist, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double wall = (System.nanoTime() - launchedNanos) / 1e9;
                    ProcStatus status = ProcStatus.read(pid());
                    return new StartupBench.Started(wall, status.cpuSeconds(), status, StartupBench.LoadAverage.read());
                }
            } catch (IOException notYetListening) {
                // the port opens late in the start; keep asking
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Tasklist did not answer 200 within " + timeout);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM (Spring's graceful shutdown stops the engine and the simulator), then SIGKILL after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
