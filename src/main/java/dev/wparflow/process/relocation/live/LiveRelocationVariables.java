package dev.wparflow.process.relocation.live;

/**
 * Variables of WparLiveRelocationProcess beyond those it shares with the static one ({@link StaticRelocationVariables}:
 * wpar, departingLpar, arrivingLpar, lockOwner, relocationId, failureCode/Reason, outcome/outcomeReason).
 */
public final class LiveRelocationVariables {

    public static final String PROCESS_ID = "WparLiveRelocationProcess";

    /** a system WPAR is pre-staged on the arriving system (mkwpar -p -f); an application WPAR is not */
    public static final String SYSTEM_WPAR = "systemWpar";
    public static final String DEPARTING_IP = "departingIp";
    public static final String CONNECTION_KEY = "connectionKey";
    public static final String MOVE_RUN_ID = "moveRunId";
    public static final String DEPARTURE_STATE = "departureState";

    private LiveRelocationVariables() {
    }
}
