package dev.wparflow.process.relocation.request;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.relocation.RelocationStepDelegate.step;
import static dev.wparflow.process.relocation.request.RelocationVariables.*;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of WparRelocationProcess (the umbrella) in the model's order, as the beans its {@code delegateExpression}s
 * name. None changes a host: the moves are its sub-processes.
 */
@Configuration(proxyBeanMethods = false)
class RelocationRequestSteps {

    /** Names, known LPARs, mode, window; refused (REQUEST_INVALID) before any host is touched. */
    @Bean
    JavaDelegate validateRelocationRequestDelegate(RelocationRequestService service) {
        return step(e -> {
            RelocationRequest valid = service.validate(request(e));
            MODE.set(e, valid.mode());
            MAINTENANCE_WINDOW_START.set(e, valid.window());
            WINDOW_GIVEN.set(e, valid.window() != null);
            ARRIVING_LPAR.set(e, valid.arriving());
            RELOCATION_ID.set(e, valid.id());
            LOCK_OWNER.set(e, valid.id());
            REQUESTER.set(e, valid.requester());
        });
    }

    /** Both profiles, the decision table, the arriving LPAR (choose for me), the mode and the plan. */
    @Bean
    JavaDelegate checkRelocationCompatibilityDelegate(RelocationRequestService service) {
        return step(e -> {
            RelocationRequest r = request(e);
            RelocationRequestService.Plan plan = service.check(r, origin(e));
            service.recordChecks(r, plan);
            ARRIVING_LPAR.set(e, plan.arriving());
            CHOSEN_MODE.set(e, plan.mode());
            COMPATIBLE.set(e, plan.compatible());
            CHECK_TABLE.set(e, RelocationRequestService.abbreviate(plan.checkTable()));
            SUMMARY.set(e, plan.summary());
            PLAN.set(e, plan.plan());
            RISK_LEVEL.set(e, plan.riskLevel());
            EXPECTED_OUTAGE.set(e, plan.expectedOutage());
        });
    }

    /** The leases on the WPAR (both sides) and both hosts, all or none; contention is a variable. */
    @Bean
    JavaDelegate acquireRelocationLocksDelegate(RelocationRequestService service) {
        return step(e -> {
            Optional<String> heldBy = service.acquireLocks(request(e), ARRIVING_LPAR.get(e));
            LOCK_ATTEMPTS.set(e, lockAttempts(e) + 1);
            LOCKS_ACQUIRED.set(e, heldBy.isEmpty());
            LOCK_HELD_BY.set(e, heldBy.orElse(null));
        });
    }

    /** The WPAR is where the sub-process says it left it. */
    @Bean
    JavaDelegate verifyRelocationDelegate(RelocationRequestService service) {
        return step(e -> service.verify(request(e), ARRIVING_LPAR.get(e), MOVE_OUTCOME.get(e), origin(e)));
    }

    /** Every lease the relocation holds. */
    @Bean
    JavaDelegate releaseAllRelocationLocksDelegate(RelocationRequestService service) {
        return step(e -> service.releaseLocks(e.getProcessInstanceId()));
    }

    /**
     * How it ended (input parameter recordOutcome) and why, in the variables and wparflow_relocation; releases every
     * lease left, whatever the path.
     */
    @Bean
    JavaDelegate recordRequestOutcomeDelegate(RelocationRequestService service) {
        return step(e -> {
            String outcome = RECORD_OUTCOME.get(e);
            if (MOVE.equals(outcome)) {
                outcome = MOVE_OUTCOME.get(e);
            }
            String reason = switch (outcome == null ? "" : outcome) {
                case REJECTED -> "rejected by " + APPROVERS.get(e) + ": " + APPROVAL_REASON.get(e);
                case INCOMPATIBLE -> CHECK_TABLE.get(e);
                case VALIDATED -> (COMPATIBLE.isSet(e) ? "compatible (" + CHOSEN_MODE.get(e) + ")" : "INCOMPATIBLE")
                        + "\n" + CHECK_TABLE.get(e);
                default -> failure(e);
            };
            service.releaseLocks(e.getProcessInstanceId());
            service.recordOutcome(e.getProcessInstanceId(), WPAR.get(e), DEPARTING_LPAR.get(e), outcome, reason);
            OUTCOME.set(e, outcome);
            OUTCOME_REASON.set(e, reason == null ? null : RelocationRequestService.abbreviate(reason));
        });
    }

    private static String failure(DelegateExecution e) {
        String code = FAILURE_CODE.get(e);
        String reason = FAILURE_REASON.get(e);
        if (code == null && reason == null) {
            if (LOCK_HELD_BY.get(e) != null && !LOCKS_ACQUIRED.isSet(e)) {
                return "WPAR_LOCKED: " + LOCK_HELD_BY.get(e);
            }
            return MOVE_REASON.get(e);
        }
        return code == null ? reason : code + (reason == null ? "" : ": " + reason);
    }
}
