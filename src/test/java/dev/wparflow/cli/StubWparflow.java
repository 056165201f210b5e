package dev.wparflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for wparflow's HTTP API: answers given per "METHOD /path?query" (the last one given repeats), records
 * every request with its Authorization header and body. Runs the command line against it with a home directory of
 * the test's.
 */
final class StubWparflow implements AutoCloseable {

    record Request(String method, String pathAndQuery, String authorization, String body) {
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    StubWparflow() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), key.substring(key.indexOf(' ') + 1),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer a;
            synchronized (answers) {
                Deque<Answer> queue = answers.get(key);
                a = queue == null ? new Answer(404, "{\"status\":404,\"message\":\"no stub for " + key + "\"}")
                        : queue.size() > 1 ? queue.poll() : queue.peek();
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers {@code key} ("GET /api/…") with these, in turn; the last repeats. */
    StubWparflow on(String key, int status, String... bodies) {
        synchronized (answers) {
            Deque<Answer> queue = answers.computeIfAbsent(key, k -> new ArrayDeque<>());
            for (String b : bodies) {
                queue.add(new Answer(status, b));
            }
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Request last(String pathStart) {
        synchronized (requests) {
            for (int i = requests.size() - 1; i >= 0; i--) {
                if (requests.get(i).pathAndQuery().startsWith(pathStart)) {
                    return requests.get(i);
                }
            }
        }
        throw new AssertionError("no request to " + pathStart + " in " + requests);
    }

    /** The outcome of one command line. */
    record Run(int status, String out, String err) {
    }

    /** Runs {@code wparflow ARGS} with HOME = home, no system file unless given, password from the environment. */
    Run run(Path home, Path systemFile, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        WparflowCli.Environment environment = new WparflowCli.Environment(env, home, systemFile, () -> null,
                HttpClient.newHttpClient(), false);
        int status = WparflowCli.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
