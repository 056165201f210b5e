package dev.wparflow.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.process.approval.ChangeApprovalRecord;
import dev.wparflow.process.approval.ChangeOutcome;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Which change approvals an operation asked for: the {@code ChangeApprovalProcess} instances of the four-eyes record
 * (docs/security.md), so that an approver can find the approval task of an operation they were told about (the
 * command line's {@code wparflow approve ID}). Only ids and the record's state: the task itself, its plan and who may
 * decide it stay the engine's (Tasklist's candidate groups, the four-eyes rules).
 */
@RestController
@RequestMapping("/api/approvals")
public class ApprovalController {

    private final ChangeApprovalRecord record;

    public ApprovalController(ChangeApprovalRecord record) {
        this.record = record;
    }

    /** One change approval: its instance (whose task an approver completes), quorum and decision so far. */
    public record ApprovalView(String approvalInstanceId, String operationInstanceId, String requester, int quorum,
            String decision, List<String> approvers) {
    }

    @GetMapping
    @Operation(summary = "The change approvals an operation asked for, oldest first: the approval's process instance "
            + "(its task is the approver's to complete), requester, quorum, decision so far (pending, approve, reject)")
    public List<ApprovalView> forOperation(@RequestParam(required = false) String operation) {
        if (operation == null || operation.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "operation: the operation's id is required");
        }
        return record.changesFor(operation.strip()).stream().map(c -> {
            ChangeOutcome outcome = record.outcome(c.approvalInstanceId());
            return new ApprovalView(c.approvalInstanceId(), c.operationInstanceId(), c.requester(), c.quorum(),
                    outcome.decision(), outcome.approvers());
        }).toList();
    }
}
