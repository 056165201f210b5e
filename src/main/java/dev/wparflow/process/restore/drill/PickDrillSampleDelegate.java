package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.restore.drill.RestoreDrillVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;

/** Chooses the images of this drill (WPAR images to clone, mksysb images to verify), the LPAR, scratch name, address. */
@Component
public class PickDrillSampleDelegate extends RestoreStepDelegate {

    private final RestoreDrillService drill;

    public PickDrillSampleDelegate(RestoreDrillService drill) {
        this.drill = drill;
    }

    @Override
    protected void step(DelegateExecution e) {
        DrillSettings s = drill.getSettings();
        String lpar = DRILL_LPAR.orElse(e, s.lpar());
        DRILL_LPAR.set(e, lpar);
        SCRATCH_NAME.set(e, s.scratchName());
        SCRATCH_ADDRESS.set(e, s.address());
        DRILL_VOLUME_GROUP.set(e, s.volumeGroup());
        DRILL_IMAGES.set(e, lpar == null ? List.of() : drill.pickSample(SAMPLE.orElse(e, s.sample())));
        // verified where they lie: no drill LPAR needed
        DRILL_GLOBAL_IMAGES.set(e, drill.pickGlobalSample(SAMPLE.orElse(e, s.sample())));
        DRILL_PASSED.set(e, 0);
        DRILL_FAILED.set(e, 0);
        DRILL_SUMMARY.set(e, lpar == null ? "no wparflow.backup.drill.lpar configured: nothing drilled" : "");
    }
}
