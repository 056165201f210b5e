package dev.wparflow.process.restore.drill;

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
        String imageId = (String) e.getVariable("imageId");
        String code = (String) e.getVariable("cloneFailureCode");
        boolean ok = code == null && e.getVariable("cloneState") != null;
        String line;
        if (ok) {
            drill.markTested(imageId);
            e.setVariable("drillPassed", ((Number) e.getVariable("drillPassed")).intValue() + 1);
            line = "OK " + drill.describe(imageId) + ": " + e.getVariable("cloneState");
        } else {
            e.setVariable("drillFailed", ((Number) e.getVariable("drillFailed")).intValue() + 1);
            line = "FAILED " + drill.describe(imageId) + ": " + code + ": " + e.getVariable("cloneFailureReason");
        }
        String before = (String) e.getVariable("drillSummary");
        String all = before == null || before.isEmpty() ? line : before + "\n" + line;
        e.setVariable("drillSummary", all.length() > 3900 ? all.substring(all.length() - 3900) : all);
    }
}
