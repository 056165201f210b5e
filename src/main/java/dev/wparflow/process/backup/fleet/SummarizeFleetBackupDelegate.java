package dev.wparflow.process.backup.fleet;

import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.backup.BackupStepDelegate;

/** Counts done, failed and skipped WPARs and stores the summary with the run. */
@Component
public class SummarizeFleetBackupDelegate extends BackupStepDelegate {

    private final FleetBackupService fleet;

    public SummarizeFleetBackupDelegate(FleetBackupService fleet) {
        this.fleet = fleet;
    }

    @Override
    protected void step(DelegateExecution e) {
        FleetBackupService.Summary summary = fleet.summarize(s(e, BACKUP_RUN_ID));
        e.setVariable(DONE, summary.done());
        e.setVariable(FAILED, summary.failed());
        e.setVariable(SKIPPED, summary.skipped());
        String text = summary.text();
        e.setVariable(SUMMARY, text.length() > 3900 ? text.substring(0, 3900) + "\n(full summary: /api/backups/runs)" : text);
    }
}
