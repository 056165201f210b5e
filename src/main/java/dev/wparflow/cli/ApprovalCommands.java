package dev.wparflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code approve ID} / {@code reject ID}: the approver's decision on an operation's change, as Tasklist records it.
 * The operation's approvals come from the four-eyes record ({@code GET /api/approvals?operation=ID}); their open
 * tasks the caller may decide from the engine ({@code GET /engine-rest/task?processInstanceIdIn=…}); the decision is
 * the task's completion with {@code decision} and {@code reason}. Who may decide is the server's rule: a task the
 * caller is no candidate for is not listed, and the requester's completion is refused (four-eyes).
 */
final class ApprovalCommands {

    private ApprovalCommands() {
    }

    abstract static class Decide extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "the operation (or the change approval) to decide")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (kept with the decision)")
        String reason;

        abstract String decision();

        @Override
        public Integer call() {
            JsonNode approvals = api().get("/api/approvals" + Api.query("operation", id));
            List<String> instances = new ArrayList<>();
            approvals.forEach(a -> {
                if ("pending".equals(text(a, "decision"))) {
                    instances.add(text(a, "approvalInstanceId"));
                }
            });
            if (instances.isEmpty()) {
                throw new CliException(ExitStatus.REFUSED_OR_FAILED, approvals.size() == 0
                        ? "operation " + id + " has asked for no approval"
                        : "the approval of operation " + id + " is decided already ("
                                + text(approvals.get(approvals.size() - 1), "decision") + ")", approvals);
            }
            JsonNode tasks = api().get("/engine-rest/task" + Api.query("processInstanceIdIn",
                    String.join(",", instances)));
            if (tasks.size() == 0) {
                throw new CliException(ExitStatus.REFUSED_OR_FAILED, "no approval task of operation " + id
                        + " is open to " + api().user() + " (approvers of its candidate group decide, never its"
                        + " requester " + text(approvals.get(0), "requester") + ")");
            }
            JsonNode task = tasks.get(0);
            Map<String, Object> body = Api.variables(Map.of("decision", decision(), "reason", reason));
            try {
                api().post("/engine-rest/task/" + Api.segment(text(task, "id")) + "/complete", body);
            } catch (CliException refused) {
                // the four-eyes rules answer 400: a refusal of the decision, not a usage error
                throw refused.exitStatus() == ExitStatus.USAGE
                        ? new CliException(ExitStatus.REFUSED_OR_FAILED, refused.getMessage(), refused.body())
                        : refused;
            }
            if (json()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("operation", id);
                result.put("task", text(task, "id"));
                result.put("taskName", text(task, "name"));
                result.put("decision", decision());
                result.put("reason", reason);
                printJson(result);
            } else {
                out().println((decision().equals("approve") ? "approved: " : "rejected: ") + text(task, "name"));
                out().flush();
            }
            return ExitStatus.DONE;
        }
    }

    @Command(name = "approve", description = "Approve an operation's change (for approvers; never your own).")
    static class Approve extends Decide {
        @Override
        String decision() {
            return "approve";
        }
    }

    @Command(name = "reject", description = "Reject an operation's change (for approvers; never your own).")
    static class Reject extends Decide {
        @Override
        String decision() {
            return "reject";
        }
    }
}
