package dev.wparflow.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * wparflow's REST API as the command line calls it: JSON over HTTP Basic as one user. Every answer that is not 2xx
 * becomes a {@link CliException} with the server's message (and field, when it names one) and the exit status it
 * means: 400 usage, 401 and 429 cannot authenticate, other 4xx/5xx refused or failed; no answer at all, cannot reach.
 */
public class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String user;
    private final Supplier<char[]> password;
    private String authorization;

    public Api(HttpClient http, String baseUrl, String user, Supplier<char[]> password) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.user = user;
        this.password = password;
    }

    public String user() {
        return user;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"));
    }

    public JsonNode post(String path, Object body) {
        String json;
        try {
            json = body == null ? "" : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new CliException(ExitStatus.USAGE, "cannot write the request: " + e.getOriginalMessage());
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code name=value} pairs (nulls left out), URL-encoded. */
    public static String query(Object... nameValues) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                q.add(nameValues[i] + "=" + URLEncoder.encode(String.valueOf(nameValues[i + 1]), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    /** A path segment, URL-encoded. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private URI uri(String path) {
        try {
            return URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitStatus.USAGE, "not a URL: " + baseUrl + path);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        if (authorization == null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + new String(password.get())).getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest built = request.header("Authorization", authorization).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new CliException(ExitStatus.UNREACHABLE, "cannot reach wparflow at " + baseUrl + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (HttpTimeoutException e) {
            throw new CliException(ExitStatus.UNREACHABLE, "wparflow at " + baseUrl + " did not answer in time");
        } catch (IOException e) {
            throw new CliException(ExitStatus.UNREACHABLE, "cannot reach wparflow at " + baseUrl + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitStatus.REFUSED_OR_FAILED, "interrupted");
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status / 100 == 2) {
            return body;
        }
        throw error(built.method() + " " + built.uri().getRawPath(), status, body, response.body());
    }

    private CliException error(String call, int status, JsonNode body, String raw) {
        String message = message(body, raw);
        switch (status) {
            case 401:
                return new CliException(ExitStatus.UNREACHABLE, "wparflow at " + baseUrl + " did not accept user "
                        + user + " (wrong user or password)", body);
            case 429:
                return new CliException(ExitStatus.UNREACHABLE, "too many wrong passwords for " + user
                        + ": wparflow asks to wait before the next attempt", body);
            case 400:
                return new CliException(ExitStatus.USAGE, message == null ? "bad request (" + call + ")" : message, body);
            default:
                String what = status == 403 ? "not allowed" : status == 404 ? "not found" : "HTTP " + status;
                return new CliException(ExitStatus.REFUSED_OR_FAILED, message == null ? what + " (" + call + ")"
                        : message, body);
        }
    }

    /** The server's message, with the field it names ({@code "field"} of our 400s) in front. */
    static String message(JsonNode body, String raw) {
        if (body != null && body.isObject()) {
            String message = text(body, "message");
            if (message == null) {
                message = text(body, "error");
            }
            String field = text(body, "field");
            if (field != null && message != null && !message.startsWith(field)) {
                message = field + ": " + message;
            }
            return message;
        }
        return raw == null || raw.isBlank() || raw.length() > 500 ? null : raw.strip();
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** A start body for the engine REST: {@code {"variables":{"name":{"value":v}}}}. */
    public static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                variables.put(k, Map.of("value", v));
            }
        });
        return Map.of("variables", variables);
    }
}
