package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.restore.drill.RestoreDrillVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.wparflow.process.OperationRefusal;
import dev.wparflow.process.restore.RestoreStepDelegate;

/**
 * Verifies the picked mksysb images where they lie (checksum recomputed on the repository against the catalog's,
 * lsmksysb -l), each counted passed or failed with a line in the drill's summary. A drill reports what it finds: a
 * corrupt, missing or unreachable image fails the drill visibly, it is not an incident.
 */
@Component
public class VerifyGlobalImagesDelegate extends RestoreStepDelegate {

    private static final Logger log = LoggerFactory.getLogger(VerifyGlobalImagesDelegate.class);

    private final RestoreDrillService drill;

    public VerifyGlobalImagesDelegate(RestoreDrillService drill) {
        this.drill = drill;
    }

    @Override
    protected void step(DelegateExecution e) {
        for (String imageId : DRILL_GLOBAL_IMAGES.orElse(e, java.util.List.of())) {
            String line;
            try {
                line = drill.verifyGlobal(origin(e), imageId);
                DRILL_PASSED.set(e, DRILL_PASSED.orElse(e, 0) + 1);
            } catch (OperationRefusal refused) {
                DRILL_FAILED.set(e, DRILL_FAILED.orElse(e, 0) + 1);
                line = "FAILED " + drill.describe(imageId) + ": " + refused.code() + ": " + refused.getMessage();
            } catch (RuntimeException failed) {
                log.warn("restore drill: mksysb image {} not verified", imageId, failed);
                DRILL_FAILED.set(e, DRILL_FAILED.orElse(e, 0) + 1);
                line = "FAILED " + drill.describe(imageId) + ": NOT_VERIFIED: " + failed.getMessage();
            }
            String before = DRILL_SUMMARY.get(e);
            String all = before == null || before.isEmpty() ? line : before + "\n" + line;
            DRILL_SUMMARY.set(e, all.length() > 3900 ? all.substring(all.length() - 3900) : all);
        }
    }
}
