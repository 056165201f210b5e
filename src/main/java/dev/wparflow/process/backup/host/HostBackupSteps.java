package dev.wparflow.process.backup.host;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.backup.BackupStepDelegate.step;
import static dev.wparflow.process.backup.host.HostBackupVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.catalog.BackupRunRepository;
import dev.wparflow.process.backup.fleet.FleetBackupService;
import dev.wparflow.process.backup.wpar.WparBackupService;

/** The steps of HostBackupProcess in the model's order, as the beans its {@code delegateExpression}s name. */
@Configuration(proxyBeanMethods = false)
class HostBackupSteps {

    private static final Logger log = LoggerFactory.getLogger(HostBackupSteps.class);

    /**
     * Lists the system WPARs of a host (lswpar -c) as items of the run and reads the host's oslevel once for all of
     * them; a host that cannot be reached is recorded and gets no lanes.
     */
    @Bean
    JavaDelegate listHostWparsDelegate(FleetBackupService fleet, WparBackupService backups) {
        return step(e -> {
            int lanes = fleet.listHost(BACKUP_RUN_ID.get(e), HOST.get(e), PER_HOST.get(e));
            LANE_COUNT.set(e, lanes);
            String oslevel = null;
            if (lanes > 0) {
                try {
                    oslevel = backups.oslevel(origin(e), HOST.get(e));
                } catch (RuntimeException failure) {
                    // each WPAR's plan reads it again and fails there, with the WPAR named
                    log.warn("oslevel of {} not read for its fleet backup: {}", HOST.get(e), failure.getMessage());
                }
            }
            OSLEVEL.set(e, oslevel);
        });
    }

    /** A lane takes the next pending WPAR of its host (none left: the lane ends). */
    @Bean
    JavaDelegate claimNextWparDelegate(FleetBackupService fleet) {
        return step(e -> {
            var item = fleet.claimNext(BACKUP_RUN_ID.get(e), HOST.get(e), lane(e), LOOP_COUNTER.orElse(e, 0));
            ITEM_ID.set(e, item.map(BackupRunRepository.Item::id).orElse(null));
            WPAR.set(e, item.map(BackupRunRepository.Item::wpar).orElse(null));
        });
    }

    /** Takes one of wparflow.backup.global-limit slots (lease locks) before a lane starts a backup. */
    @Bean
    JavaDelegate acquireGlobalSlotDelegate(FleetBackupService fleet) {
        return step(e -> SLOT.set(e, fleet.acquireGlobalSlot(GLOBAL_LIMIT.get(e), lane(e))));
    }

    /** Gives the global slot of the lane back after its backup. */
    @Bean
    JavaDelegate releaseGlobalSlotDelegate(FleetBackupService fleet) {
        return step(e -> {
            fleet.releaseGlobalSlot(lane(e));
            SLOT.set(e, null);
        });
    }
}
