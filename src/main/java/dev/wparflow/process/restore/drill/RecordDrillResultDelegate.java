package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.restore.drill.RestoreDrillVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;

/** Marks the image restore-tested when its clone reached Active; adds a line to the drill's summary either way. */
@Component
public class RecordDrillResultDelegate extends RestoreStepDelegate {

    private final RestoreDrillService drill;

    public RecordDrillResultDelegate(RestoreDrillService drill) {
        this.drill = drill;
    }

    @Override
    protected void step(DelegateExecution e) {
        String imageId = IMAGE_ID.get(e);
        String code = CLONE_FAILURE_CODE.get(e);
        boolean ok = code == null && CLONE_STATE.get(e) != null;
        String line;
        if (ok) {
            drill.markTested(imageId);
            DRILL_PASSED.set(e, DRILL_PASSED.require(e) + 1);
            line = "OK " + drill.describe(imageId) + ": " + CLONE_STATE.get(e);
        } else {
            DRILL_FAILED.set(e, DRILL_FAILED.require(e) + 1);
            line = "FAILED " + drill.describe(imageId) + ": " + code + ": " + CLONE_FAILURE_REASON.get(e);
        }
        String before = DRILL_SUMMARY.get(e);
        String all = before == null ? line : before + "\n" + line;
        DRILL_SUMMARY.set(e, all.length() > 3900 ? all.substring(all.length() - 3900) : all);
    }
}
