package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.ProcessVariable.*;

import dev.wparflow.process.ProcessVariable;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/**
 * Variables of WparLiveRelocationProcess beyond those it shares with the static one ({@link StaticRelocationVariables}:
 * wpar, departingLpar, arrivingLpar, lockOwner, relocationId, the lock tokens, failureCode/Reason,
 * outcome/outcomeReason).
 */
public final class LiveRelocationVariables {

    public static final String PROCESS_ID = "WparLiveRelocationProcess";

    /** a system WPAR is pre-staged on the arriving system (mkwpar -p -f); an application WPAR is not */
    public static final ProcessVariable<Boolean> SYSTEM_WPAR = flag("systemWpar");
    public static final ProcessVariable<String> DEPARTING_IP = string("departingIp");
    public static final ProcessVariable<String> CONNECTION_KEY = string("connectionKey");
    public static final ProcessVariable<String> MOVE_RUN_ID = string("moveRunId");
    public static final ProcessVariable<String> DEPARTURE_STATE = string("departureState");

    private LiveRelocationVariables() {
    }
}
