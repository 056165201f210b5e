package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Looks at the WPAR (lswpar, lswpar -M; oslevel unless the fleet backup read it for the host) and fixes what the backup will do and where the image goes. */
@Component
public class PlanWparBackupDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public PlanWparBackupDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        // the oslevel the catalog records is measured: read here, or handed down by the host backup that read it;
        // a value given when the backup was started on its own is not a fact about the host
        String knownOslevel = Operation.called(e) ? string(e, OSLEVEL) : null;
        WparBackupService.Plan plan = backups.plan(origin(e), string(e, HOST), string(e, WPAR), string(e, CONSISTENCY),
                knownOslevel, requestedAt(e));
        // only what differs from the defaults (Defined, no stop or quiesce, no NFS, the oslevel passed in): every
        // variable is a row written and deleted per WPAR, and a fleet backup writes a thousand of them a minute
        if (plan.wasActive()) {
            e.setVariable(WAS_ACTIVE, true);
        }
        if (plan.mode() != WparBackupService.Mode.NONE) {
            e.setVariable(MODE, plan.mode().name());
        }
        if (plan.includeNfs()) {
            e.setVariable(INCLUDE_NFS, true);
        }
        e.setVariable(IMAGE_PATH, plan.imagePath());
        if (!plan.oslevel().equals(knownOslevel)) {
            e.setVariable(OSLEVEL, plan.oslevel());
        }
    }

    @Override
    protected boolean unreachableHostIsOutcome() {
        return true;
    }
}
