package dev.wparflow.process.checkpoint.schedule;

import static dev.wparflow.process.ProcessVariable.*;

import java.time.Duration;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.ProcessVariable;

/** Variables of WparCheckpointScheduleProcess: one running instance per scheduled WPAR. */
public final class CheckpointScheduleVariables {

    public static final String PROCESS_ID = "WparCheckpointScheduleProcess";
    /** The business key of the instance that keeps the schedule of LPAR/WPAR. */
    public static final String BUSINESS_KEY_PREFIX = "checkpoint-schedule:";

    /** in: the LPAR the WPAR runs on */
    public static final ProcessVariable<String> LPAR = string("lpar");
    /** in: the checkpointable WPAR */
    public static final ProcessVariable<WparName> WPAR = parsed("wpar", WparName::of, WparName::value);
    /** in: the time between two checkpoints (ISO-8601, e.g. PT6H): the timer's duration */
    public static final ProcessVariable<Duration> INTERVAL = parsed("interval", Duration::parse, Duration::toString);
    /** in: how many scheduled checkpoints of the WPAR are kept; older ones are removed */
    public static final ProcessVariable<Long> KEEP = longValue("keep");
    /** the last cycle: CHECKPOINTED with its id and directory, or SKIPPED with the refusal */
    public static final ProcessVariable<String> LAST_OUTCOME = string("lastOutcome");
    public static final ProcessVariable<Long> LAST_CHECKPOINT_ID = longValue("lastCheckpointId");
    /** the checkpoint directories the last retention removed, one per line */
    public static final ProcessVariable<String> LAST_PRUNED = string("lastPruned");
    /** how many cycles ran */
    public static final ProcessVariable<Long> CYCLES = longValue("cycles");

    private CheckpointScheduleVariables() {
    }

    public static String businessKey(String lpar, String wpar) {
        return BUSINESS_KEY_PREFIX + lpar + "/" + wpar;
    }
}
