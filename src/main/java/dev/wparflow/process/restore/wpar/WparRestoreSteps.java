package dev.wparflow.process.restore.wpar;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.restore.RestoreStepDelegate.changingHost;
import static dev.wparflow.process.restore.RestoreStepDelegate.step;
import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.Operation;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestwparService;
import dev.wparflow.process.restore.wpar.WparRestoreService.Existing;
import dev.wparflow.process.restore.wpar.WparRestoreService.PartialRemoval;
import dev.wparflow.process.restore.wpar.WparRestoreService.RestorePlan;

/**
 * The steps of WparRestoreProcess in the model's order, as the beans its {@code delegateExpression}s name (the steps
 * after restwpar started are shared with the clone: {@code RestoreSteps}). The steps that change the host need the
 * restore's approved change; the rollback steps raise no business error: they retry, then stop as an incident that
 * says where the original is.
 */
@Configuration(proxyBeanMethods = false)
class WparRestoreSteps {

    /** Chooses the image, checks it on the host, checks name, hostname and address; the request for approval. */
    @Bean
    JavaDelegate planRestoreDelegate(WparRestoreService restores) {
        return step(e -> {
            String host = HOST.get(e);
            WparName wpar = WPAR.get(e);
            // the requester of the approval: who started the restore, as the engine recorded it (never a variable)
            String requester = Operation.startedBy(e);
            if (host == null || wpar == null || requester == null) {
                throw new BackupRefusal("INVALID_REQUEST", "host, wpar and an authenticated starter are required");
            }
            REQUESTER.set(e, requester);
            RestorePlan plan = restores.planRestore(origin(e), host, wpar, IMAGE_ID.get(e), SOURCE_LPAR.get(e),
                    Existing.of(EXISTING.get(e)), RENAME_TO.get(e));
            IMAGE_ID.set(e, plan.image().id());
            IMAGE_PATH.set(e, plan.image().path());
            EXPECTED_HOSTNAME.set(e, plan.identity().hostname());
            EXPECTED_ADDRESS.set(e, plan.identity().address());
            EXPECTED_DIRECTORY.set(e, plan.directory());
            SUMMARY.set(e, "Restore " + wpar + " on " + host + " from image " + plan.image().id());
            PLAN.set(e, plan.describe(host, START.isSet(e)));
        });
    }

    /**
     * After approval: takes the WPAR's lease (and, with existing=rename, the lease of the name it is renamed to) and
     * repeats the checks (the host may have changed meanwhile).
     */
    @Bean
    JavaDelegate lockAndRecheckRestoreDelegate(WparRestoreService restores, RestwparService restwpar) {
        return changingHost(e -> {
            String host = HOST.get(e);
            WparName wpar = WPAR.get(e);
            Existing existing = Existing.of(EXISTING.get(e));
            restwpar.lock(origin(e), host, wpar, RESTORE_PROCESS_ID);
            if (existing == Existing.RENAME && RENAME_TO.get(e) != null) {
                // the original waits under this name until the restore is verified or rolled back: nobody else's
                restwpar.lock(origin(e), host, RENAME_TO.get(e), RESTORE_PROCESS_ID + " (renamed aside)");
            }
            RestorePlan plan = restores.planRestore(origin(e), host, wpar, IMAGE_ID.get(e), null, existing,
                    RENAME_TO.get(e));
            IMAGE_PATH.set(e, plan.image().path());
            EXPECTED_DIRECTORY.set(e, plan.directory());
            EXISTING_STATE.set(e, plan.existing() == null ? null : plan.existing().state().name());
        });
    }

    /** Stops (force) and removes or renames the WPAR the restore replaces, as requested. */
    @Bean
    JavaDelegate setAsideExistingDelegate(WparRestoreService restores) {
        return changingHost(e -> {
            restores.setAsideExisting(origin(e), HOST.get(e), WPAR.get(e), Existing.of(EXISTING.get(e)),
                    RENAME_TO.get(e));
            SET_ASIDE.set(e, true);
        });
    }

    /** restwpar -f IMAGE, detached; the model waits at a timer the run watcher makes due when it ends. */
    @Bean
    JavaDelegate startRestoreDelegate(WparRestoreService restores) {
        return changingHost(e -> RESTORE_RUN_ID.set(e, restores.startRestore(origin(e), HOST.get(e),
                IMAGE_ID.get(e))));
    }

    /**
     * Rollback, first step: removes what restwpar left under the WPAR's name and decides what follows (rename the
     * original back, or report the WPAR absent with the image to restore from).
     */
    @Bean
    JavaDelegate removePartialRestoreDelegate(WparRestoreService restores) {
        return e -> {
            PartialRemoval r = restores.removePartialRestore(origin(e), HOST.get(e), WPAR.get(e),
                    Existing.of(EXISTING.get(e)), RENAME_TO.get(e), EXISTING_STATE.get(e), EXPECTED_DIRECTORY.get(e),
                    IMAGE_ID.get(e), IMAGE_PATH.get(e));
            ROLLBACK.set(e, r.next().name());
            addToFailureReason(e, r.note());
        };
    }

    /** Rollback: the original, renamed aside, gets its name back (chwpar -n). */
    @Bean
    JavaDelegate renameOriginalBackDelegate(WparRestoreService restores) {
        return e -> addToFailureReason(e, restores.renameBack(origin(e), HOST.get(e), WPAR.get(e), RENAME_TO.get(e)));
    }

    /** Rollback: the original, back under its name, is started again (it was Active). */
    @Bean
    JavaDelegate restartOriginalWparDelegate(WparRestoreService restores) {
        return e -> addToFailureReason(e, restores.restartOriginal(origin(e), HOST.get(e), WPAR.get(e)));
    }
}
