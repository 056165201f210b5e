package dev.wparflow.process.restore.clone;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.restore.RestoreStepDelegate.step;
import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.WparName;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.restore.RestwparService;

/**
 * The steps of WparCloneProcess in the model's order, as the beans its {@code delegateExpression}s name (the steps
 * after restwpar started are shared with the restore: {@code RestoreSteps}).
 */
@Configuration(proxyBeanMethods = false)
class WparCloneSteps {

    /**
     * Checks image (golden unless allowNonGolden), name, hostname, address and volume group on the target, then locks
     * the new name.
     */
    @Bean
    JavaDelegate planCloneDelegate(WparCloneService clones, RestwparService restwpar) {
        return step(e -> {
            String host = HOST.get(e);
            WparName name = WPAR.get(e);
            if (host == null || name == null || IMAGE_ID.get(e) == null) {
                throw new BackupRefusal("INVALID_REQUEST", "host, wpar (the new name) and imageId are required");
            }
            WparCloneService.ClonePlan plan = clones.planClone(origin(e), host, IMAGE_ID.get(e), name,
                    HOSTNAME.get(e), ADDRESS.get(e), VOLUME_GROUP.get(e), ALLOW_NON_GOLDEN.isSet(e));
            restwpar.lock(origin(e), host, name, CLONE_PROCESS_ID);
            IMAGE_PATH.set(e, plan.image().path());
            EXPECTED_HOSTNAME.set(e, plan.identity().hostname());
            EXPECTED_ADDRESS.set(e, plan.identity().address());
            BASE_DIRECTORY.set(e, BASE_DIRECTORY.orElse(e, "/wpars/" + name.value()));
            EDIT_IMAGE_DATA.set(e, plan.editImageData());
        });
    }

    /** The edited image.data (target volume group and disks) written on the target with tee. */
    @Bean
    JavaDelegate writeImageDataDelegate(WparCloneService clones) {
        return step(e -> IMAGE_DATA_FILE.set(e, clones.writeEditedImageData(origin(e), HOST.get(e), IMAGE_ID.get(e),
                WPAR.get(e), VOLUME_GROUP.get(e), DISKS.get(e))));
    }

    /**
     * restwpar -n -h -d [-i] -M '-N address=' -U -f IMAGE, detached (RB:3975); the model waits at a timer the run
     * watcher makes due when the run ends (RemoteRunWait).
     */
    @Bean
    JavaDelegate startCloneDelegate(WparCloneService clones) {
        return step(e -> RESTORE_RUN_ID.set(e, clones.startClone(origin(e), HOST.get(e), IMAGE_ID.get(e),
                WPAR.get(e), EXPECTED_HOSTNAME.get(e), EXPECTED_ADDRESS.get(e), BASE_DIRECTORY.get(e),
                IMAGE_DATA_FILE.get(e))));
    }

    /**
     * Rollback of a failed clone: what restwpar created, if it created it, is removed. Raises no business error
     * (retry, then incident).
     */
    @Bean
    JavaDelegate removePartialCloneDelegate(WparCloneService clones) {
        return e -> addToFailureReason(e, clones.removePartialClone(origin(e), HOST.get(e), WPAR.get(e),
                BASE_DIRECTORY.get(e)));
    }
}
