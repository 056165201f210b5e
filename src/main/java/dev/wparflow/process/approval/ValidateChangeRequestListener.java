package dev.wparflow.process.approval;

import static dev.wparflow.process.approval.ChangeApprovalVariables.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;
import dev.wparflow.process.ProcessVariable;

/**
 * Runs synchronously on the start event, so a bad request fails the caller's start call (REST 400
 * with this message) and no instance is created. Records the request in {@link ChangeApprovalRecord}: the requester
 * is the authenticated user who started the operation (never a variable), the quorum is fixed here.
 */
@Component("validateChangeRequestListener")
public class ValidateChangeRequestListener implements ExecutionListener {

    static final Set<String> RISK_LEVELS = Set.of("low", "medium", "high");
    static final int MAX_SUMMARY_LENGTH = 200;
    static final int MAX_QUORUM = 5;

    private final ApprovalSettings settings;
    private final ChangeApprovalRecord record;

    public ValidateChangeRequestListener(ApprovalSettings settings, ChangeApprovalRecord record) {
        this.settings = settings;
        this.record = record;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // four-eyes starts here: the requester is whoever started the operation, as the engine recorded it
        String requester = Operation.startedBy(execution);
        if (requester == null) {
            throw invalid("a change must be requested by an authenticated user (start the operation logged in)");
        }
        if (!Operation.called(execution)) {
            // started on its own: a name passed in must be the caller's; nobody files a change in another's name
            for (ProcessVariable<String> name : List.of(REQUESTER, INITIATOR)) {
                String named = name.get(execution);
                if (named != null && !named.equals(requester)) {
                    throw invalid(name.name() + " '" + named + "' differs from the authenticated user '" + requester + "'");
                }
            }
        }
        String summary = SUMMARY.get(execution);
        if (summary == null || summary.contains("\n") || summary.length() > MAX_SUMMARY_LENGTH) {
            throw invalid("summary must be one line of at most " + MAX_SUMMARY_LENGTH + " characters");
        }
        if (PLAN.get(execution) == null) {
            throw invalid("plan is required");
        }
        String risk = RISK_LEVEL.get(execution);
        if (risk == null || !RISK_LEVELS.contains(risk)) {
            throw invalid("riskLevel must be one of low, medium, high");
        }
        int approvalsNeeded = quorum(execution);

        // the record decides from now on; the variables below only show it
        record.request(execution.getProcessInstanceId(), Operation.idOf(execution), requester, approvalsNeeded);
        REQUESTER.set(execution, requester);
        INITIATOR.set(execution, requester);
        RISK_LEVEL.set(execution, risk);
        QUORUM.set(execution, approvalsNeeded);
        APPROVAL_TIMEOUT.set(execution, duration(execution, APPROVAL_TIMEOUT, settings.timeout()));
        ESCALATION_TIMEOUT.set(execution, duration(execution, ESCALATION_TIMEOUT, settings.escalationTimeout()));
        ChangeApprovalVariables.setApprovers(execution, List.of());
        DECISION.remove(execution);
        REASON.remove(execution);
        DECIDED_BY.remove(execution);
    }

    /** The quorum given (default 1). */
    private static int quorum(DelegateExecution execution) {
        int quorum;
        try {
            quorum = QUORUM.orElse(execution, 1);
        } catch (NumberFormatException e) {
            throw invalid("quorum must be a whole number");
        }
        if (quorum < 1 || quorum > MAX_QUORUM) {
            throw invalid("quorum must be between 1 and " + MAX_QUORUM);
        }
        return quorum;
    }

    private static String duration(DelegateExecution execution, ProcessVariable<String> name, Duration fallback) {
        String given = name.get(execution);
        if (given == null) {
            return fallback.toString();
        }
        try {
            Duration parsed = Duration.parse(given);
            if (parsed.isNegative() || parsed.isZero()) {
                throw invalid(name.name() + " must be positive");
            }
            return parsed.toString();
        } catch (DateTimeParseException e) {
            throw invalid(name.name() + " must be an ISO-8601 duration such as PT24H");
        }
    }


    private static BadUserRequestException invalid(String why) {
        return new BadUserRequestException("invalid change request: " + why);
    }
}
