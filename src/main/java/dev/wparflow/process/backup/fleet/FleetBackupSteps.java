package dev.wparflow.process.backup.fleet;

import static dev.wparflow.process.backup.BackupStepDelegate.step;
import static dev.wparflow.process.backup.fleet.FleetBackupVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of FleetBackupProcess in the model's order, as the beans its {@code delegateExpression}s name. */
@Configuration(proxyBeanMethods = false)
class FleetBackupSteps {

    /** The longest summary kept in the variable; the full one is in wparflow_backup_run. */
    static final int MAX_SUMMARY = 3900;

    /** Resolves the scope to hosts and opens the run (wparflow_backup_run). */
    @Bean
    JavaDelegate planFleetBackupDelegate(FleetBackupService fleet) {
        return step(e -> {
            FleetBackupService.Planned p = fleet.plan(e.getProcessInstanceId(), SCOPE.get(e),
                    SCOPE.isGiven(e) ? "on-demand" : "schedule", PER_HOST.get(e), GLOBAL_LIMIT.get(e));
            BACKUP_RUN_ID.set(e, p.runId());
            HOSTS.set(e, p.hosts());
            PER_HOST.set(e, p.perHost());
            GLOBAL_LIMIT.set(e, p.globalLimit());
            GLOBAL_ORDER.set(e, p.globalOrder());
        });
    }

    /** Counts done, failed and skipped WPARs and global environments, and stores the summary with the run. */
    @Bean
    JavaDelegate summarizeFleetBackupDelegate(FleetBackupService fleet) {
        return step(e -> {
            FleetBackupService.Summary summary = fleet.summarize(BACKUP_RUN_ID.get(e));
            DONE.set(e, summary.done());
            FAILED.set(e, summary.failed());
            SKIPPED.set(e, summary.skipped());
            GLOBAL_DONE.set(e, summary.globalDone());
            GLOBAL_FAILED.set(e, summary.globalFailed());
            String text = summary.text();
            SUMMARY.set(e, text.length() > MAX_SUMMARY
                    ? text.substring(0, MAX_SUMMARY) + "\n(full summary: /api/backups/runs)" : text);
        });
    }
}
