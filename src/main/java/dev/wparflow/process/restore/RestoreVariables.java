package dev.wparflow.process.restore;

import static dev.wparflow.process.ProcessVariable.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.ProcessVariable;

/**
 * Variables of WparRestoreProcess and WparCloneProcess (and the clone calls of RestoreDrillProcess): both models run
 * restwpar on one host and share its steps (start, check, verify, cancel, release), so they share their variables.
 */
public final class RestoreVariables {

    public static final String RESTORE_PROCESS_ID = "WparRestoreProcess";
    public static final String CLONE_PROCESS_ID = "WparCloneProcess";

    /** in: the LPAR (SSH endpoint name) to restore or clone on */
    public static final ProcessVariable<String> HOST = string("host");
    /** in: restore: the WPAR to restore; clone: the new WPAR's name */
    public static final ProcessVariable<WparName> WPAR = parsed("wpar", WparName::of, WparName::value);
    /** in: the catalog image (clone: required; restore: default the newest GOOD image of sourceLpar/wpar) */
    public static final ProcessVariable<String> IMAGE_ID = string("imageId");
    /** in, restore, optional: the LPAR whose images to choose from (default host) */
    public static final ProcessVariable<String> SOURCE_LPAR = string("sourceLpar");
    /** in, restore: refuse (default) / remove / rename the WPAR of that name */
    public static final ProcessVariable<String> EXISTING = string("existing");
    /** in, restore with existing=rename: the existing WPAR's new name */
    public static final ProcessVariable<WparName> RENAME_TO = parsed("renameTo", WparName::of, WparName::value);
    /** in, optional: start the WPAR after the restore */
    public static final ProcessVariable<Boolean> START = flag("start");
    /** in, clone: the new hostname (default the new name), address, base directory (default /wpars/NAME) */
    public static final ProcessVariable<String> HOSTNAME = string("hostname");
    public static final ProcessVariable<String> ADDRESS = string("address");
    public static final ProcessVariable<String> BASE_DIRECTORY = string("baseDirectory");
    /** in, clone, optional: the target volume group and its disks (comma-separated) for the edited image.data */
    public static final ProcessVariable<String> VOLUME_GROUP = string("volumeGroup");
    public static final ProcessVariable<List<String>> DISKS = list("disks");
    /** in, clone, optional: clone an image that is not golden (the drill does; default false: IMAGE_NOT_GOLDEN) */
    public static final ProcessVariable<Boolean> ALLOW_NON_GOLDEN = flag("allowNonGolden");
    /** shows who asked: the authenticated starter as the engine recorded it (see Operation), never an input */
    public static final ProcessVariable<String> REQUESTER = string("requester");
    public static final ProcessVariable<String> INITIATOR = string("initiator");

    public static final ProcessVariable<String> IMAGE_PATH = string("imagePath");
    public static final ProcessVariable<String> EXPECTED_HOSTNAME = string("expectedHostname");
    public static final ProcessVariable<String> EXPECTED_ADDRESS = string("expectedAddress");
    /** restore: the base directory restwpar creates the WPAR in (the image's spec) */
    public static final ProcessVariable<String> EXPECTED_DIRECTORY = string("expectedDirectory");
    public static final ProcessVariable<Boolean> EDIT_IMAGE_DATA = flag("editImageData");
    public static final ProcessVariable<String> IMAGE_DATA_FILE = string("imageDataFile");
    public static final ProcessVariable<String> RESTORE_RUN_ID = string("restoreRunId");
    public static final ProcessVariable<String> SUMMARY = string("summary");
    public static final ProcessVariable<String> PLAN = string("plan");
    public static final ProcessVariable<String> DECISION = string("decision");
    /** restore: the state of the WPAR the restore replaces, when it was locked (absent: there was none) */
    public static final ProcessVariable<String> EXISTING_STATE = string("existingState");
    /** restore: true once the existing WPAR was set aside (removed or renamed): from here a failure rolls back */
    public static final ProcessVariable<Boolean> SET_ASIDE = flag("setAside");
    /** restore, after a failure past the set-aside: RENAME_BACK or ABSENT ({@code WparRestoreService.Rollback}) */
    public static final ProcessVariable<String> ROLLBACK = string("rollback");
    /**
     * out: how it ended. Restore: RESTORED, REFUSED (nothing changed), REJECTED, FAILED (nothing changed),
     * ROLLED_BACK (the original is back), ABSENT (the WPAR does not exist; failureReason names the image to use).
     * Clone: CLONED, FAILED (nothing left behind).
     */
    public static final ProcessVariable<String> OUTCOME = string("outcome");
    /** out: the WPAR's state after the restore (DEFINED or ACTIVE) */
    public static final ProcessVariable<String> RESTORED_STATE = string("restoredState");
    public static final ProcessVariable<String> FAILURE_CODE = string("failureCode");
    public static final ProcessVariable<String> FAILURE_REASON = string("failureReason");

    private RestoreVariables() {
    }

    /** Appends a sentence to failureReason (a rollback says what it did). */
    public static void addToFailureReason(DelegateExecution e, String sentence) {
        String reason = FAILURE_REASON.get(e);
        FAILURE_REASON.set(e, reason == null ? sentence : reason + "; " + sentence);
    }
}
