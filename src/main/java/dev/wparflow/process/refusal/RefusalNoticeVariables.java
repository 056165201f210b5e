package dev.wparflow.process.refusal;

import static dev.wparflow.process.ProcessVariable.string;

import dev.wparflow.process.ProcessVariable;

/** Variables of RefusalNoticeProcess: the task that tells a requester their operation was not done, and why. */
public final class RefusalNoticeVariables {

    public static final String PROCESS_ID = "RefusalNoticeProcess";

    /** the operation (top-level process instance) that ended refused, rejected, failed or rolled back */
    public static final ProcessVariable<String> OPERATION_ID = string("operationId");
    public static final ProcessVariable<String> OPERATION_KEY = string("operationKey");
    /** REFUSED, REJECTED, FAILED or ROLLED_BACK */
    public static final ProcessVariable<String> OPERATION_STATE = string("operationState");
    /** the task's name: "Refused: relocate wpr00 lpar00 → lpar00" */
    public static final ProcessVariable<String> TITLE = string("noticeTitle");
    public static final ProcessVariable<String> REASON = string("noticeReason");
    /** the user who started the operation; the task is assigned to them */
    public static final ProcessVariable<String> REQUESTER = string("requester");
    /** ISO-8601 duration after which an unacknowledged notice ends by itself */
    public static final ProcessVariable<String> WAIT = string("noticeWait");

    private RefusalNoticeVariables() {
    }
}
