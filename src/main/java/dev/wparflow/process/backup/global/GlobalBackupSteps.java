package dev.wparflow.process.backup.global;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.OperationSteps.step;
import static dev.wparflow.process.backup.global.GlobalBackupVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.GlobalBackup.Kind;
import dev.wparflow.process.OperationSteps;
import dev.wparflow.process.backup.BackupStepDelegate;
import dev.wparflow.process.backup.BackupRefusal;
import dev.wparflow.process.backup.global.GlobalBackupService.Outcome;
import dev.wparflow.process.backup.global.GlobalBackupService.Plan;

/**
 * The steps of GlobalBackupProcess in the model's order, as the beans its {@code delegateExpression}s name. No step
 * needs an approval: a backup changes nothing the owner cares about (as WparBackupProcess), and what it mounts it
 * unmounts on every path.
 */
@Configuration(proxyBeanMethods = false)
class GlobalBackupSteps {

    /** host:LPAR for this instance unless a caller holds it; LPAR_LOCKED when another operation holds it. */
    @Bean
    JavaDelegate leaseLparForGlobalBackupDelegate(GlobalBackupService service) {
        return step(e -> LEASE_TAKEN.set(e, service.lease(e.getProcessInstanceId(), callers(e), LPAR.get(e))));
    }

    /** The process instances that called this one, nearest first. */
    static java.util.List<String> callers(org.camunda.bpm.engine.delegate.DelegateExecution e) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        org.camunda.bpm.engine.delegate.DelegateExecution instance = e.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
            ids.add(instance.getId());
        }
        return ids;
    }

    /** lswpar, lswpar -M, df, lsvg, lsvg -l, oslevel -s: what to mount, which volume groups, where the images go. */
    @Bean
    JavaDelegate planGlobalBackupDelegate(GlobalBackupService service) {
        return beforeRun(e -> {
            Plan plan = service.plan(origin(e), LPAR.get(e), REQUESTED_AT.get(e));
            OSLEVEL.set(e, plan.oslevel());
            IMAGE_BASE.set(e, plan.imageBase());
            TO_MOUNT.set(e, String.join(",", plan.toMount()));
            VOLUME_GROUPS.set(e, String.join(",", plan.volumeGroups()));
        });
    }

    /** mount PATH for each planned file system of an inactive WPAR. */
    @Bean
    JavaDelegate mountInactiveFileSystemsDelegate(GlobalBackupService service) {
        return beforeRun(e -> addDone(e, service.mount(origin(e), LPAR.get(e), split(TO_MOUNT.get(e)))));
    }

    /** mksysb -i -N IMAGE, detached. */
    @Bean
    JavaDelegate startMksysbDelegate(GlobalBackupService service) {
        return beforeRun(e -> {
            MKSYSB_RUN_ID.set(e, service.startMksysb(origin(e), LPAR.get(e), IMAGE_BASE.get(e)));
            addDone(e, java.util.List.of(LPAR.get(e) + ": mksysb -i -N " + GlobalBackupService.mksysbPath(
                    IMAGE_BASE.get(e))));
        });
    }

    /** Cancels a mksysb that ran past wparflow.backup.global.timeout. */
    @Bean
    JavaDelegate cancelMksysbDelegate(GlobalBackupService service) {
        return step(e -> service.cancel(origin(e), MKSYSB_RUN_ID.get(e)));
    }

    /** Exit 0 and 0512-038, else MKSYSB_FAILED (MKSYSB_TIMEOUT when cancelled). */
    @Bean
    JavaDelegate checkMksysbDelegate(GlobalBackupService service) {
        return step(e -> service.checkRun(Kind.MKSYSB, LPAR.get(e), "rootvg", MKSYSB_RUN_ID.get(e)));
    }

    /** savevg -i -f IMAGE VG, detached (one run per volume group). */
    @Bean
    JavaDelegate startSavevgDelegate(GlobalBackupService service) {
        return step(e -> {
            String vg = VOLUME_GROUP.get(e);
            SAVEVG_RUN_ID.set(e, service.startSavevg(origin(e), LPAR.get(e), vg, IMAGE_BASE.get(e)));
            addDone(e, java.util.List.of(LPAR.get(e) + ": savevg -i -f "
                    + GlobalBackupService.savevgPath(IMAGE_BASE.get(e), vg) + " " + vg));
        });
    }

    /** Cancels a savevg that ran past wparflow.backup.global.timeout. */
    @Bean
    JavaDelegate cancelSavevgDelegate(GlobalBackupService service) {
        return step(e -> service.cancel(origin(e), SAVEVG_RUN_ID.get(e)));
    }

    /** Exit 0 and 0512-038, else SAVEVG_FAILED (SAVEVG_TIMEOUT when cancelled). */
    @Bean
    JavaDelegate checkSavevgDelegate(GlobalBackupService service) {
        return step(e -> service.checkRun(Kind.SAVEVG, LPAR.get(e), VOLUME_GROUP.get(e), SAVEVG_RUN_ID.get(e)));
    }

    /** On every path: umount what the plan said to mount and is still mounted. */
    @Bean
    JavaDelegate unmountFileSystemsDelegate(GlobalBackupService service) {
        return step(e -> addDone(e, service.unmount(origin(e), LPAR.get(e), split(TO_MOUNT.get(e)))));
    }

    /** lsmksysb -l / lssavevg -l, csum, wc -c, catalog rows; an image that does not verify leaves failureCode. */
    @Bean
    JavaDelegate verifyAndCatalogGlobalImagesDelegate(GlobalBackupService service) {
        return step(e -> {
            try {
                IMAGE_IDS.set(e, String.join(",", service.verifyAndCatalog(origin(e), LPAR.get(e), IMAGE_BASE.get(e),
                        OSLEVEL.get(e), split(VOLUME_GROUPS.get(e)), e.getProcessInstanceId(),
                        BACKUP_RUN_ID.get(e))));
            } catch (BackupRefusal rejected) {
                // an outcome the model routes by ("Verified?"), not a BPMN error
                FAILURE_CODE.set(e, rejected.code());
                FAILURE_REASON.set(e, rejected.getMessage());
            }
        });
    }

    /** Deletes the mksysb and savevg images retention no longer keeps (never the newest of each). */
    @Bean
    JavaDelegate applyGlobalRetentionDelegate(GlobalBackupService service) {
        return step(e -> service.applyRetention(origin(e), LPAR.get(e), split(VOLUME_GROUPS.get(e))));
    }

    /** Releases the LPAR's lease if this backup took it. */
    @Bean
    JavaDelegate releaseGlobalBackupLeaseDelegate(GlobalBackupService service) {
        return step(e -> service.release(e.getProcessInstanceId(), LPAR.get(e), LEASE_TAKEN.orElse(e, false)));
    }

    /** outcome (BACKED_UP or FAILED), outcomeReason with the images and the commands run; on the fleet run, if any. */
    @Bean
    JavaDelegate recordGlobalBackupOutcomeDelegate(GlobalBackupService service) {
        return step(e -> {
            Outcome o = service.outcome(LPAR.get(e), FAILURE_CODE.get(e), FAILURE_REASON.get(e),
                    split(IMAGE_IDS.get(e)), DONE.get(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
            service.recordOnRun(BACKUP_RUN_ID.get(e), LPAR.get(e), o, FAILURE_CODE.get(e), FAILURE_REASON.get(e),
                    split(IMAGE_IDS.get(e)), e.getProcessInstanceId());
            if (IMAGE_IDS.get(e) == null) {
                IMAGE_IDS.set(e, "");
            }
        });
    }

    /**
     * A step before mksysb starts: a host that takes no connection (nothing was sent) ends the backup as
     * HOST_UNREACHABLE, as a fleet run reports a host it cannot reach, rather than as an incident; a connection lost
     * while a command ran stays a job retry (the command may have run, and the retry looks first).
     */
    static JavaDelegate beforeRun(OperationSteps.Step step) {
        JavaDelegate inner = step(step);
        return e -> {
            try {
                inner.execute(e);
            } catch (RuntimeException failure) {
                dev.wparflow.aix.HostUnreachable unreachable = BackupStepDelegate.notConnected(failure);
                if (unreachable == null) {
                    throw failure;
                }
                throw new BpmnError("HOST_UNREACHABLE", unreachable.getMessage());
            }
        };
    }

    /** End listener: the lease goes however the instance ends, an operator cancelling it included. */
    @Bean
    ExecutionListener releaseGlobalBackupLeaseOnEndListener(GlobalBackupService service) {
        return e -> service.release(e.getProcessInstanceId(), LPAR.get(e), LEASE_TAKEN.orElse(e, false));
    }
}
