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

/**
 * Runs synchronously on the start event, so a bad request fails the caller's start call (REST 400
 * with this message) and no instance is created. Fills the defaults the model relies on.
 */
@Component("validateChangeRequestListener")
public class ValidateChangeRequestListener implements ExecutionListener {

    static final Set<String> RISK_LEVELS = Set.of("low", "medium", "high");
    static final int MAX_SUMMARY_LENGTH = 200;
    static final int MAX_QUORUM = 5;

    private final ApprovalSettings settings;

    public ValidateChangeRequestListener(ApprovalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String initiator = (String) execution.getVariable(INITIATOR);
        String requester = text(execution, REQUESTER);
        if (requester == null) {
            requester = initiator;
        }
        if (requester == null) {
            throw invalid("a requester is required");
        }
        // four-eyes starts here: whoever starts the request is the requester; nobody files it in another's name
        if (initiator != null && !initiator.equals(requester)) {
            throw invalid("requester '" + requester + "' differs from the authenticated user '" + initiator + "'");
        }
        String summary = text(execution, SUMMARY);
        if (summary == null || summary.contains("\n") || summary.length() > MAX_SUMMARY_LENGTH) {
            throw invalid("summary must be one line of at most " + MAX_SUMMARY_LENGTH + " characters");
        }
        if (text(execution, PLAN) == null) {
            throw invalid("plan is required");
        }
        String risk = text(execution, RISK_LEVEL);
        if (risk == null || !RISK_LEVELS.contains(risk)) {
            throw invalid("riskLevel must be one of low, medium, high");
        }
        Object quorum = execution.getVariable(QUORUM);
        int approvalsNeeded = quorum == null ? 1 : parseQuorum(quorum);

        execution.setVariable(REQUESTER, requester);
        execution.setVariable(RISK_LEVEL, risk);
        execution.setVariable(QUORUM, approvalsNeeded);
        execution.setVariable(APPROVAL_TIMEOUT, duration(execution, APPROVAL_TIMEOUT, settings.timeout()));
        execution.setVariable(ESCALATION_TIMEOUT,
                duration(execution, ESCALATION_TIMEOUT, settings.escalationTimeout()));
        ChangeApprovalVariables.setApprovers(execution, List.of());
        execution.removeVariable(DECISION);
        execution.removeVariable(REASON);
    }

    private static int parseQuorum(Object value) {
        int quorum;
        try {
            quorum = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid("quorum must be a whole number");
        }
        if (quorum < 1 || quorum > MAX_QUORUM) {
            throw invalid("quorum must be between 1 and " + MAX_QUORUM);
        }
        return quorum;
    }

    private static String duration(DelegateExecution execution, String name, Duration fallback) {
        String given = text(execution, name);
        if (given == null) {
            return fallback.toString();
        }
        try {
            Duration parsed = Duration.parse(given);
            if (parsed.isNegative() || parsed.isZero()) {
                throw invalid(name + " must be positive");
            }
            return parsed.toString();
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO-8601 duration such as PT24H");
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().trim();
    }

    private static BadUserRequestException invalid(String why) {
        return new BadUserRequestException("invalid change request: " + why);
    }
}
