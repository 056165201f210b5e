package dev.wparflow.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application as the README starts it ({@code java -jar target/wparflow.jar}, embedded default) in a JVM
 * of its own, its working directory a fresh data directory. Only what a test machine needs is added: a free HTTP port,
 * free simulator ports, and the simulator's time scale 0 so simulated commands take no time. Reached over HTTP with
 * Basic authentication as the README's demo users (password = user name).
 */
public final class PackagedApp implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    private PackagedApp(Path workDir, Path log, Process process) {
        this.workDir = workDir;
        this.log = log;
        this.process = process;
    }

    public static PackagedApp start(Path jar, Path workDir, Path log) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=0", "--wparflow.simulator.random-ports=true", "--wparflow.simulator.time-scale=0");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new PackagedApp(workDir, log, process);
    }

    /** Waits until Tomcat listens and readiness is UP. */
    public void awaitReady(Duration atMost) {
        await("wparflow serving (log " + log + ")").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("wparflow exited " + process.exitValue() + "; see " + log);
            }
            if (port == 0) {
                Matcher m = PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (!m.find()) {
                    return false;
                }
                port = Integer.parseInt(m.group(1));
            }
            try {
                return get(null, "/actuator/health/readiness").path("status").asText().equals("UP");
            } catch (IOException | IllegalStateException notYet) {
                return false;
            }
        });
    }

    public String baseUrl() {
        if (port == 0) {
            throw new IllegalStateException("wparflow is not serving");
        }
        return "http://127.0.0.1:" + port;
    }

    /** The URL with the demo user's credentials in it, for a browser's top-level navigation to an API page. */
    String baseUrlAs(String user) {
        return "http://" + user + ":" + user + "@127.0.0.1:" + port;
    }

    public Path workDir() {
        return workDir;
    }

    public Path log() {
        return log;
    }

    public JsonNode get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    public JsonNode post(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** SIGTERM, then SIGKILL if it has not ended within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
