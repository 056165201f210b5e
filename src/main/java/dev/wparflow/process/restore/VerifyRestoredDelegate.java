package dev.wparflow.process.restore;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** State Defined/Active as asked, hostname, address and, for a clone into a volume group, its logical volumes. */
@Component
public class VerifyRestoredDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public VerifyRestoredDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        e.setVariable(RESTORED_STATE, restores.verify(origin(e), string(e, HOST), new WparRestoreService.Identity(
                string(e, WPAR), string(e, EXPECTED_HOSTNAME), string(e, EXPECTED_ADDRESS)), flag(e, START),
                string(e, VOLUME_GROUP)));
    }
}
