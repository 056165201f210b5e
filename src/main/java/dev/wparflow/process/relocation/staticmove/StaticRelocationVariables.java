package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.ProcessVariable.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.process.Operation;
import dev.wparflow.process.ProcessVariable;
import dev.wparflow.process.relocation.Relocation;

/**
 * Variables of WparStaticRelocationProcess (and those WparLiveRelocationProcess shares with it), with typed accessors.
 * All small scalars.
 */
public final class StaticRelocationVariables {

    public static final String PROCESS_ID = "WparStaticRelocationProcess";

    // inputs
    public static final ProcessVariable<String> WPAR = string("wpar");
    public static final ProcessVariable<String> DEPARTING_LPAR = string("departingLpar");
    public static final ProcessVariable<String> ARRIVING_LPAR = string("arrivingLpar");
    /** shows the owner of the lease locks: the operation's instance (see {@link #relocation}), never an input */
    public static final ProcessVariable<String> LOCK_OWNER = string("lockOwner");
    /** names the image: the operation's instance id, like the lock owner */
    public static final ProcessVariable<String> RELOCATION_ID = string("relocationId");

    // state of the relocation
    public static final ProcessVariable<Boolean> WAS_ACTIVE = flag("wasActive");
    /** an application WPAR: Table 4-3 (stop on departure, wparexec -f SPEC on arrival) instead of Table 4-2 */
    public static final ProcessVariable<Boolean> APPLICATION_WPAR = flag("applicationWpar");
    public static final ProcessVariable<Boolean> DEPARTURE_LOCKED = flag("departureLocked");
    public static final ProcessVariable<String> LOCK_HELD_BY = string("lockHeldBy");
    public static final ProcessVariable<Integer> LOCK_ATTEMPTS = integer("lockAttempts");
    public static final ProcessVariable<Long> DEPARTURE_TOKEN = longValue("departureToken");
    public static final ProcessVariable<Long> ARRIVAL_TOKEN = longValue("arrivalToken");
    public static final ProcessVariable<String> SAVE_RUN_ID = string("saveRunId");
    public static final ProcessVariable<String> RESTORE_RUN_ID = string("restoreRunId");

    // failure and outcome
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");
    public static final ProcessVariable<String> DEPARTURE_STATE = string("departureState");
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    public static final ProcessVariable<String> OUTCOME_REASON = string("outcomeReason");
    /** input parameter of the outcome step: RELOCATED, ROLLED_BACK, REFUSED */
    public static final ProcessVariable<String> RECORD_OUTCOME = string("recordOutcome");

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
     * owner passed in could walk past another operation's lock. The names were validated at the umbrella's start
     * ({@code RelocationInputs}); {@link Relocation} parses them once more into a {@code WparName} and
     * {@code LparName}s.
     */
    public static Relocation relocation(DelegateExecution execution) {
        String operation = Operation.idOf(execution);
        return new Relocation(WPAR.get(execution), DEPARTING_LPAR.get(execution), ARRIVING_LPAR.get(execution),
                operation, operation);
    }

    public static boolean wasActive(DelegateExecution execution) {
        return WAS_ACTIVE.isSet(execution);
    }

    public static boolean applicationWpar(DelegateExecution execution) {
        return APPLICATION_WPAR.isSet(execution);
    }

    public static long departureToken(DelegateExecution execution) {
        return DEPARTURE_TOKEN.orElse(execution, 0L);
    }

    public static long arrivalToken(DelegateExecution execution) {
        return ARRIVAL_TOKEN.orElse(execution, 0L);
    }

    public static int lockAttempts(DelegateExecution execution) {
        return LOCK_ATTEMPTS.orElse(execution, 0);
    }
}
