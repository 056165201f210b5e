package dev.wparflow.process.backup;

import static dev.wparflow.process.backup.WparBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Looks at the WPAR (lswpar, lswpar -M; oslevel unless the fleet backup read it for the host) and fixes what the backup will do and where the image goes. */
@Component
public class PlanWparBackupDelegate extends BackupStepDelegate {

    private final WparBackupService backups;

    public PlanWparBackupDelegate(WparBackupService backups) {
        this.backups = backups;
    }

    @Override
    protected void step(DelegateExecution e) {
        WparBackupService.Plan plan = backups.plan(origin(e), string(e, HOST), string(e, WPAR), string(e, CONSISTENCY),
                string(e, OSLEVEL), requestedAt(e));
        e.setVariable(WAS_ACTIVE, plan.wasActive());
        e.setVariable(MODE, plan.mode().name());
        e.setVariable(INCLUDE_NFS, plan.includeNfs());
        e.setVariable(IMAGE_PATH, plan.imagePath());
        e.setVariable(OSLEVEL, plan.oslevel());
    }
}
