package dev.wparflow.failover;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One wparflow engine node as production runs it: {@code java -jar target/wparflow.jar} in a JVM of its own, its log in
 * a file, reached over HTTP with Basic authentication. {@link #kill()} is SIGKILL: no shutdown hook runs, nothing is
 * given back.
 */
final class EngineNode {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String id;
    private final Path jar;
    private final Path logDir;
    private final Map<String, String> properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path log;
    private int port;
    private int starts;

    EngineNode(String id, Path jar, Path logDir, Map<String, String> properties) {
        this.id = id;
        this.jar = jar;
        this.logDir = logDir;
        this.properties = properties;
    }

    /** Launches the JVM; {@link #awaitReady()} waits for it to serve. */
    void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--wparflow.node-id=" + id, "--server.port=0"));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        starts++;
        log = logDir.resolve(id + "-" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        port = 0;
    }

    void awaitReady() {
        await("node " + id + " serving (log " + log + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("node " + id + " exited " + process.exitValue() + "; see " + log);
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

    /** SIGKILL (Process.destroyForcibly on Linux), and waits until the JVM is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a graceful stop (leases given back). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    JsonNode get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    JsonNode delete(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        if (port == 0) {
            throw new IllegalStateException("node " + id + " is not serving");
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + FailoverPostgresIT.password(user)).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " on node "
                    + id + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    @Override
    public String toString() {
        return id;
    }
}
