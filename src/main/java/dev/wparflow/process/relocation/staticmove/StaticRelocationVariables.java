package dev.wparflow.process.relocation.staticmove;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.Operation;
import dev.wparflow.process.relocation.Relocation;

/** Variables of WparStaticRelocationProcess, with typed accessors. All small scalars. */
public final class StaticRelocationVariables {

    public static final String PROCESS_ID = "WparStaticRelocationProcess";

    // inputs
    public static final String WPAR = "wpar";
    public static final String DEPARTING_LPAR = "departingLpar";
    public static final String ARRIVING_LPAR = "arrivingLpar";
    /** shows the owner of the lease locks: the operation's instance (see {@link #relocation}), never an input */
    public static final String LOCK_OWNER = "lockOwner";
    /** names the image: the operation's instance id, like the lock owner */
    public static final String RELOCATION_ID = "relocationId";

    // state of the relocation
    public static final String WAS_ACTIVE = "wasActive";
    /** an application WPAR: Table 4-3 (stop on departure, wparexec -f SPEC on arrival) instead of Table 4-2 */
    public static final String APPLICATION_WPAR = "applicationWpar";
    public static final String DEPARTURE_LOCKED = "departureLocked";
    public static final String LOCK_HELD_BY = "lockHeldBy";
    public static final String LOCK_ATTEMPTS = "lockAttempts";
    public static final String DEPARTURE_TOKEN = "departureToken";
    public static final String ARRIVAL_TOKEN = "arrivalToken";
    public static final String SAVE_RUN_ID = "saveRunId";
    public static final String RESTORE_RUN_ID = "restoreRunId";

    // failure and outcome
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_REASON = "failureReason";
    public static final String DEPARTURE_STATE = "departureState";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_REASON = "outcomeReason";

    /** outcomes */
    public static final String RELOCATED = "RELOCATED";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    public static final String REFUSED = "REFUSED";

    /** the message an operator sends to abort a relocation in progress (and roll it back) */
    public static final String ABORT_MESSAGE = "RelocationAbortRequested";

    private StaticRelocationVariables() {
    }

    /**
     * The relocation as the steps see it. Its leases are owned by the operation's process instance (the umbrella when
     * it called this process, else this instance), never by a variable: a lease is re-entrant for its owner, so an
     * owner passed in could walk past another operation's lock.
     */
    public static Relocation relocation(DelegateExecution execution) {
        String operation = Operation.idOf(execution);
        return new Relocation((String) execution.getVariable(WPAR), (String) execution.getVariable(DEPARTING_LPAR),
                (String) execution.getVariable(ARRIVING_LPAR), operation, operation);
    }

    public static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }

    public static boolean wasActive(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(WAS_ACTIVE));
    }

    public static boolean applicationWpar(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(APPLICATION_WPAR));
    }

    public static long departureToken(DelegateExecution execution) {
        return longOf(execution.getVariable(DEPARTURE_TOKEN));
    }

    public static long arrivalToken(DelegateExecution execution) {
        return longOf(execution.getVariable(ARRIVAL_TOKEN));
    }

    public static int lockAttempts(DelegateExecution execution) {
        Object n = execution.getVariable(LOCK_ATTEMPTS);
        return n == null ? 0 : ((Number) n).intValue();
    }

    public static String string(DelegateExecution execution, String name) {
        return (String) execution.getVariable(name);
    }

    private static long longOf(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
