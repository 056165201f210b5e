package dev.wparflow.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an operation stands, read from its detail ({@code GET /api/operations/{id}}): its state, the step it is at,
 * how long it has run and what it waits for (an approval, the maintenance window, a detached run, a lock, an
 * incident an operator must resolve).
 */
record OperationProgress(String id, String subject, String state, String step, Duration elapsed, String waitingFor,
        boolean waitingForApproval, String outcome, String reason) {

    static final String APPROVAL_PROCESS = "ChangeApprovalProcess";

    static OperationProgress of(JsonNode detail, Instant now) {
        JsonNode op = detail.path("operation");
        Instant started = instant(op, "startedAt");
        Instant ended = instant(op, "endedAt");
        Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, ended != null ? ended : now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        List<JsonNode> open = new ArrayList<>();
        JsonNode last = null;
        for (JsonNode s : detail.path("steps")) {
            if (s.path("canceled").asBoolean()) {
                continue;
            }
            last = s;
            if (s.path("endedAt").isNull() || s.path("endedAt").isMissingNode()) {
                String type = s.path("type").asText();
                if (!type.equals("callActivity") && !type.equals("subProcess") && !type.endsWith("StartEvent")
                        && !type.equals("startEvent")) {
                    open.add(s);
                }
            }
        }
        JsonNode current = open.isEmpty() ? last : open.get(open.size() - 1);
        String waitingFor = null;
        boolean approval = false;
        for (JsonNode s : open) {
            String type = s.path("type").asText();
            String id = s.path("activityId").asText();
            String name = s.path("name").asText(id);
            if (type.equals("userTask") && APPROVAL_PROCESS.equals(s.path("processKey").asText())) {
                waitingFor = "approval (" + name + ")";
                approval = true;
                current = s;
            } else if (type.equals("userTask") && waitingFor == null) {
                waitingFor = "a person (" + name + ")";
            } else if (type.toLowerCase(Locale.ROOT).contains("timer") && !approval) {
                String lower = (id + " " + name).toLowerCase(Locale.ROOT);
                waitingFor = lower.contains("window") ? "the maintenance window"
                        : lower.contains("finished") ? "a detached run (" + name + ")"
                        : lower.contains("lock") ? "a lock (" + name + ")" : name;
                current = s;
            }
        }
        JsonNode incidents = detail.path("openIncidents");
        if (incidents.size() > 0 && !approval) {
            waitingFor = "an operator: incident at " + incidents.get(0).path("activityId").asText() + ": "
                    + incidents.get(0).path("message").asText();
        }
        String step = current == null ? null : current.path("name").asText(current.path("activityId").asText());
        return new OperationProgress(op.path("id").asText(), text(op, "subject"), op.path("state").asText(), step,
                elapsed, waitingFor, approval, text(op, "outcome"), text(op, "reason"));
    }

    boolean running() {
        return "RUNNING".equals(state);
    }

    /** The exit status of an ended operation: 0 completed, 1 refused, rejected, failed, rolled back, canceled. */
    int exitStatus() {
        if (running()) {
            return waitingForApproval ? ExitStatus.WAITING_FOR_APPROVAL : ExitStatus.STILL_RUNNING;
        }
        return "COMPLETED".equals(state) ? ExitStatus.DONE : ExitStatus.REFUSED_OR_FAILED;
    }

    /** The live progress line: {@code ID  00:01:23  RUNNING  step: …  waiting for: …}. */
    String line() {
        StringBuilder b = new StringBuilder(id).append("  ").append(clock(elapsed)).append("  ").append(state);
        if (step != null) {
            b.append("  step: ").append(step);
        }
        if (running() && waitingFor != null) {
            b.append("  waiting for: ").append(waitingFor);
        }
        return b.toString();
    }

    /** The last line: {@code ID STATE outcome: reason}. */
    String result() {
        StringBuilder b = new StringBuilder(id).append(' ').append(state);
        if (outcome != null) {
            b.append(' ').append(outcome);
        }
        if (reason != null) {
            b.append(": ").append(reason);
        }
        return b.toString();
    }

    static String clock(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            double seconds = v.asDouble();
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
