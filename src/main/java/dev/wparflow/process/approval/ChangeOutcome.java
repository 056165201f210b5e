package dev.wparflow.process.approval;

import java.util.List;

/**
 * The decision on a change, computed from the record alone: rejected by any recorded rejection or by the timeout;
 * approved once {@code quorum} distinct approvers other than the requester have approved; pending otherwise (also for
 * a change that has no record, e.g. an instance that was started past its request).
 */
public record ChangeOutcome(State state, List<String> approvers, String decidedBy, String reason) {

    public enum State { PENDING, APPROVED, REJECTED }

    /** One recorded decision. */
    public record Decision(String approver, boolean approve, String reason) {
    }

    public static final ChangeOutcome UNRECORDED = new ChangeOutcome(State.PENDING, List.of(), null, null);

    public static ChangeOutcome of(String requester, int quorum, boolean timedOut, List<Decision> decisions) {
        List<String> approvers = decisions.stream().filter(Decision::approve).map(Decision::approver)
                .filter(a -> !a.equals(requester)).distinct().toList();
        Decision last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        String decidedBy = last == null ? null : last.approver();
        String reason = last == null ? null : last.reason();
        if (decisions.stream().anyMatch(d -> !d.approve())) {
            Decision rejection = decisions.stream().filter(d -> !d.approve()).findFirst().orElseThrow();
            return new ChangeOutcome(State.REJECTED, approvers, rejection.approver(), rejection.reason());
        }
        if (timedOut) {
            return new ChangeOutcome(State.REJECTED, approvers, "timer", ChangeApprovalVariables.TIMED_OUT_REASON);
        }
        if (quorum >= 1 && approvers.size() >= quorum) {
            return new ChangeOutcome(State.APPROVED, approvers, decidedBy, reason);
        }
        return new ChangeOutcome(State.PENDING, approvers, decidedBy, reason);
    }

    public boolean approved() {
        return state == State.APPROVED;
    }

    public boolean rejected() {
        return state == State.REJECTED;
    }

    /** The value of the {@code decision} variable: approve, reject, or pending while approvals are missing. */
    public String decision() {
        return switch (state) {
            case APPROVED -> ChangeApprovalVariables.APPROVE;
            case REJECTED -> ChangeApprovalVariables.REJECT;
            case PENDING -> "pending";
        };
    }
}
