package dev.wparflow.process.restore;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.Origin;

/** Variables of WparRestoreProcess and WparCloneProcess (and the clone calls of RestoreDrillProcess). */
public final class RestoreVariables {

    public static final String RESTORE_PROCESS_ID = "WparRestoreProcess";
    public static final String CLONE_PROCESS_ID = "WparCloneProcess";

    /** in: the LPAR (SSH endpoint name) to restore or clone on */
    public static final String HOST = "host";
    /** in: restore: the WPAR to restore; clone: the new WPAR's name */
    public static final String WPAR = "wpar";
    /** in: the catalog image (clone: required; restore: default the newest GOOD image of sourceLpar/wpar) */
    public static final String IMAGE_ID = "imageId";
    /** in, restore, optional: the LPAR whose images to choose from (default host) */
    public static final String SOURCE_LPAR = "sourceLpar";
    /** in, restore: refuse (default) / remove / rename the WPAR of that name */
    public static final String EXISTING = "existing";
    /** in, restore with existing=rename: the existing WPAR's new name */
    public static final String RENAME_TO = "renameTo";
    /** in, optional: start the WPAR after the restore */
    public static final String START = "start";
    /** in, clone: the new hostname (default the new name), address, base directory (default /wpars/NAME) */
    public static final String HOSTNAME = "hostname";
    public static final String ADDRESS = "address";
    public static final String BASE_DIRECTORY = "baseDirectory";
    /** in, clone, optional: the target volume group and its disks (comma-separated) for the edited image.data */
    public static final String VOLUME_GROUP = "volumeGroup";
    public static final String DISKS = "disks";
    /** in, clone, optional: clone an image that is not golden (the drill does; default false: IMAGE_NOT_GOLDEN) */
    public static final String ALLOW_NON_GOLDEN = "allowNonGolden";
    /** shows who asked: the authenticated starter as the engine recorded it (see Operation), never an input */
    public static final String REQUESTER = "requester";
    public static final String INITIATOR = "initiator";

    public static final String IMAGE_PATH = "imagePath";
    public static final String EXPECTED_HOSTNAME = "expectedHostname";
    public static final String EXPECTED_ADDRESS = "expectedAddress";
    /** restore: the base directory restwpar creates the WPAR in (the image's spec) */
    public static final String EXPECTED_DIRECTORY = "expectedDirectory";
    public static final String EDIT_IMAGE_DATA = "editImageData";
    public static final String IMAGE_DATA_FILE = "imageDataFile";
    public static final String RESTORE_RUN_ID = "restoreRunId";
    public static final String SUMMARY = "summary";
    public static final String PLAN = "plan";
    public static final String DECISION = "decision";
    /** restore: the state of the WPAR the restore replaces, when it was locked (absent: there was none) */
    public static final String EXISTING_STATE = "existingState";
    /** restore: true once the existing WPAR was set aside (removed or renamed): from here a failure rolls back */
    public static final String SET_ASIDE = "setAside";
    /** restore, after a failure past the set-aside: RENAME_BACK or ABSENT ({@link WparRestoreService.Rollback}) */
    public static final String ROLLBACK = "rollback";
    /**
     * out: how it ended. Restore: RESTORED, REFUSED (nothing changed), REJECTED, FAILED (nothing changed),
     * ROLLED_BACK (the original is back), ABSENT (the WPAR does not exist; failureReason names the image to use).
     * Clone: CLONED, FAILED (nothing left behind).
     */
    public static final String OUTCOME = "outcome";
    /** out: the WPAR's state after the restore (DEFINED or ACTIVE) */
    public static final String RESTORED_STATE = "restoredState";
    public static final String FAILURE_CODE = "failureCode";
    public static final String FAILURE_REASON = "failureReason";

    private RestoreVariables() {
    }

    public static Origin origin(DelegateExecution e) {
        return new Origin(e.getProcessInstanceId(), e.getCurrentActivityId());
    }

    public static String string(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    /** Appends a sentence to failureReason (a rollback says what it did). */
    public static void addToFailureReason(DelegateExecution e, String sentence) {
        String reason = string(e, FAILURE_REASON);
        e.setVariable(FAILURE_REASON, reason == null ? sentence : reason + "; " + sentence);
    }

    public static boolean flag(DelegateExecution e, String name) {
        Object v = e.getVariable(name);
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }
}
