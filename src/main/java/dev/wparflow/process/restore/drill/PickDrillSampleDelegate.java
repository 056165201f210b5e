package dev.wparflow.process.restore.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;

/** Chooses the images of this drill and the designated LPAR, scratch name and address. */
@Component
public class PickDrillSampleDelegate extends RestoreStepDelegate {

    private final RestoreDrillService drill;

    public PickDrillSampleDelegate(RestoreDrillService drill) {
        this.drill = drill;
    }

    @Override
    protected void step(DelegateExecution e) {
        DrillSettings s = drill.getSettings();
        Object sample = e.getVariable("sample");
        // a form sends an empty field as "": absent, like a missing variable
        Object given = e.getVariable("drillLpar");
        String lpar = given != null && !given.toString().isBlank() ? given.toString().strip() : s.lpar();
        e.setVariable("drillLpar", lpar);
        e.setVariable("scratchName", s.scratchName());
        e.setVariable("scratchAddress", s.address());
        e.setVariable("drillVolumeGroup", s.volumeGroup());
        e.setVariable("drillImages", lpar == null ? ""
                : String.join(",", drill.pickSample(sample == null ? s.sample() : Integer.parseInt(sample.toString()))));
        e.setVariable("drillPassed", 0);
        e.setVariable("drillFailed", 0);
        e.setVariable("drillSummary", lpar == null ? "no wparflow.backup.drill.lpar configured: nothing drilled" : "");
    }
}
