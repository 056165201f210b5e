package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.ProcessVariable.*;

import java.util.List;

import dev.wparflow.process.ProcessVariable;

/**
 * Variables of RestoreDrillProcess: the sample, the designated LPAR and scratch WPAR, the images of this drill and
 * its counts; per image, what its clone (WparCloneProcess) reported.
 */
public final class RestoreDrillVariables {

    public static final String PROCESS_ID = "RestoreDrillProcess";

    /** in, optional: how many images to drill (default wparflow.backup.drill.sample) */
    public static final ProcessVariable<Integer> SAMPLE = integer("sample");
    /** in, optional: the LPAR to clone on (default wparflow.backup.drill.lpar) */
    public static final ProcessVariable<String> DRILL_LPAR = string("drillLpar");

    public static final ProcessVariable<String> SCRATCH_NAME = string("scratchName");
    public static final ProcessVariable<String> SCRATCH_ADDRESS = string("scratchAddress");
    public static final ProcessVariable<String> DRILL_VOLUME_GROUP = string("drillVolumeGroup");
    /** the catalog ids of the images to drill (the multi-instance collection) */
    public static final ProcessVariable<List<String>> DRILL_IMAGES = list("drillImages");
    /** the catalog ids of the mksysb images to verify (Task_VerifyGlobalImages), comma-separated */
    public static final ProcessVariable<List<String>> DRILL_GLOBAL_IMAGES = list("drillGlobalImages");
    /** the element variable: the image this iteration drills */
    public static final ProcessVariable<String> IMAGE_ID = string("imageId");
    /** out of the clone, per image */
    public static final ProcessVariable<String> CLONE_FAILURE_CODE = string("cloneFailureCode");
    public static final ProcessVariable<String> CLONE_FAILURE_REASON = string("cloneFailureReason");
    public static final ProcessVariable<String> CLONE_STATE = string("cloneState");
    /** out: counts and one line per image */
    public static final ProcessVariable<Integer> DRILL_PASSED = integer("drillPassed");
    public static final ProcessVariable<Integer> DRILL_FAILED = integer("drillFailed");
    public static final ProcessVariable<String> DRILL_SUMMARY = string("drillSummary");

    private RestoreDrillVariables() {
    }
}
