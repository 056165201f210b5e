package dev.wparflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An operator's hour on the demo fleet, compressed into the benchmark's duration and driven over HTTP as the
 * operators and the webapps do: four discoveries (the 15-minute timer's share of an hour), relocations back and
 * forth one after the other (gordon sydney ⇄ canberra static, mob01 lpar00 ⇄ lpar01 live: pairs the demo fleet's
 * compatibility checks pass, on separate hosts so the two lanes never wait for each other's locks), each approved by
 * {@code approver}, a backup of wpr01 every twelfth of the duration, and Tasklist, Cockpit and the REST calls behind
 * them polled every two seconds. Refusals and failures are counted, not fatal: the footprint is what is measured.
 */
final class DemoLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> POLLED = List.of("/camunda/app/tasklist/", "/camunda/app/cockpit/",
            "/engine-rest/task?maxResults=50", "/engine-rest/process-instance/count",
            "/engine-rest/history/process-instance?finished=true&sortBy=endTime&sortOrder=desc&maxResults=50",
            "/engine-rest/incident", "/api/wpars", "/api/discovery", "/api/images");

    /** Between the end of one relocation and the start of the next on the same lane, as an operator would pause. */
    private static final Duration PAUSE = Duration.ofSeconds(10);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<Lane> lanes = List.of(new Lane("gordon", "sydney", "canberra", "static"),
            new Lane("mob01", "lpar00", "lpar01", "live"));
    private int discoveries;
    private int backups;
    private long lastPoll;

    DemoLoad(String base) {
        this.base = base;
    }

    /** Does what is due at {@code elapsed} of {@code duration}. */
    void step(Duration elapsed, Duration duration) {
        try {
            if (discoveries < 4 && elapsed.compareTo(duration.dividedBy(4).multipliedBy(discoveries)) >= 0) {
                discoveries++;
                count("discovery", send("operator", "POST", "/api/discovery", null).statusCode());
            }
            if (elapsed.compareTo(duration.dividedBy(12).multipliedBy(backups)) >= 0) {
                backups++;
                count("backup", start("WparBackupProcess", Map.of("host", "lpar01", "wpar", "wpr01")).statusCode());
            }
            for (Lane lane : lanes) {
                lane.step();
            }
            approvePending();
            if (System.nanoTime() - lastPoll > 2_000_000_000L) {
                lastPoll = System.nanoTime();
                for (String path : POLLED) {
                    count("poll", send("demo", "GET", path, null).statusCode());
                }
            }
        } catch (IOException e) {
            counts.merge("io-error", 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String counts() {
        return counts.toString();
    }

    private void approvePending() throws IOException, InterruptedException {
        HttpResponse<String> tasks = send("approver", "GET",
                "/engine-rest/task?processDefinitionKey=ChangeApprovalProcess&maxResults=20", null);
        if (tasks.statusCode() != 200) {
            return;
        }
        for (JsonNode task : JSON.readTree(tasks.body())) {
            String body = "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"reason\":{\"value\":\"benchmark\"}}}";
            count("approval", send("approver", "POST", "/engine-rest/task/" + task.get("id").asText() + "/complete",
                    body).statusCode());
        }
    }

    private HttpResponse<String> start(String process, Map<String, Object> variables) throws IOException, InterruptedException {
        Map<String, Object> vars = new TreeMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return send("operator", "POST", "/engine-rest/process-definition/key/" + process + "/start",
                JSON.writeValueAsString(Map.of("variables", vars)));
    }

    private void count(String what, int status) {
        counts.merge(what + (status / 100 == 2 ? "" : "-" + status), 1, Integer::sum);
    }

    private HttpResponse<String> send(String user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One WPAR relocated between two LPARs, one relocation at a time; it goes back once it has arrived. */
    private final class Lane {
        private final String wpar;
        private String from;
        private String to;
        private final String mode;
        private String instance;
        private long notBefore;

        Lane(String wpar, String from, String to, String mode) {
            this.wpar = wpar;
            this.from = from;
            this.to = to;
            this.mode = mode;
        }

        void step() throws IOException, InterruptedException {
            if (instance == null && System.nanoTime() < notBefore) {
                return;
            }
            if (instance == null) {
                HttpResponse<String> r = start("WparRelocationProcess",
                        Map.of("wpar", wpar, "departingLpar", from, "arrivingLpar", to, "mode", mode,
                                "validateOnly", false));
                count("relocation", r.statusCode());
                instance = r.statusCode() == 200 ? JSON.readTree(r.body()).get("id").asText() : null;
                notBefore = System.nanoTime() + PAUSE.toNanos();
                return;
            }
            HttpResponse<String> h = send("demo", "GET", "/engine-rest/history/process-instance/" + instance, null);
            if (h.statusCode() != 200 || JSON.readTree(h.body()).path("endTime").isNull()) {
                return;
            }
            HttpResponse<String> v = send("demo", "GET", "/engine-rest/history/variable-instance?processInstanceId="
                    + instance + "&variableName=outcome", null);
            JsonNode outcome = JSON.readTree(v.body()).path(0).path("value");
            String result = outcome.isMissingNode() || outcome.isNull() ? "none" : outcome.asText();
            counts.merge(mode + "-" + result, 1, Integer::sum);
            if ("RELOCATED".equals(result)) {
                String t = from;
                from = to;
                to = t;
            }
            instance = null;
            notBefore = System.nanoTime() + PAUSE.toNanos();
        }
    }
}
