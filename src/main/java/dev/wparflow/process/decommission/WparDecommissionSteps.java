package dev.wparflow.process.decommission;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.decommission.DecommissionStepDelegate.changingHost;
import static dev.wparflow.process.decommission.DecommissionStepDelegate.step;
import static dev.wparflow.process.decommission.WparDecommissionVariables.*;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.WparState;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.process.Operation;
import dev.wparflow.process.decommission.WparDecommissionService.Facts;
import dev.wparflow.process.decommission.WparDecommissionService.Outcome;

/**
 * The steps of WparDecommissionProcess in the model's order, as the beans its {@code delegateExpression}s name. The
 * checks and the plan only read; the steps from the lock on need the decommission's approved change.
 */
@Configuration(proxyBeanMethods = false)
class WparDecommissionSteps {

    /** Names, an LPAR that is not an HMC, no other operation's lease, the WPAR on the LPAR (lswpar), NIM or direct. */
    @Bean
    JavaDelegate validateDecommissionDelegate(WparDecommissionService service) {
        return step(e -> {
            Facts facts = service.check(origin(e), Operation.idOf(e), LPAR.get(e), WPAR.get(e));
            WPAR_STATE.set(e, facts.state().name());
            NIM_MASTER.set(e, facts.nimMaster());
            NIM_MACHINE.set(e, facts.nimMachine());
        });
    }

    /** A GOOD image newer than maxBackupAge in the catalog; without one, refused unless takeBackupIfMissing. */
    @Bean
    JavaDelegate findDecommissionBackupDelegate(WparDecommissionService service) {
        return step(e -> {
            Duration maxAge = service.maxBackupAge(MAX_BACKUP_AGE.get(e));
            var image = service.recentImage(LPAR.get(e), WPAR.get(e), maxAge);
            if (image.isEmpty() && !TAKE_BACKUP_IF_MISSING.orElse(e, true)) {
                throw service.missingBackup(LPAR.get(e), WPAR.get(e), maxAge);
            }
            BACKUP_FOUND.set(e, image.isPresent());
            BACKUP_IMAGE_ID.set(e, image.map(CatalogImage::id).orElse(null));
        });
    }

    /** After WparBackupProcess: the image it made is in the catalog, else BACKUP_FAILED with what it said. */
    @Bean
    JavaDelegate checkDecommissionBackupDelegate(WparDecommissionService service) {
        return step(e -> BACKUP_IMAGE_ID.set(e, service.requireNewImage(LPAR.get(e), WPAR.get(e),
                service.maxBackupAge(MAX_BACKUP_AGE.get(e)), BACKUP_FAILURE_CODE.get(e),
                BACKUP_FAILURE_REASON.get(e)).id()));
    }

    /** The summary and the plan with the exact commands, for the approvers. */
    @Bean
    JavaDelegate planDecommissionDelegate(WparDecommissionService service) {
        return step(e -> {
            Facts facts = facts(e);
            SUMMARY.set(e, WparDecommissionService.summary(LPAR.get(e), WPAR.get(e), facts));
            PLAN.set(e, service.plan(LPAR.get(e), WPAR.get(e), facts, CHANGE_REASON.get(e), BACKUP_IMAGE_ID.get(e),
                    NEW_IMAGE_ID.get(e) != null && NEW_IMAGE_ID.get(e).equals(BACKUP_IMAGE_ID.get(e))));
        });
    }

    /** The leases on the WPAR, the LPAR and the NIM master, then the WPAR's administrative lock. */
    @Bean
    JavaDelegate lockDecommissionDelegate(WparDecommissionService service) {
        return changingHost(e -> {
            FENCING_TOKEN.set(e, service.lock(origin(e), Operation.idOf(e), LPAR.get(e), WPAR.get(e),
                    NIM_MASTER.get(e)));
            ADMIN_LOCKED.set(e, true);
        });
    }

    /** NIM path: nim -o deactivate (stopwpar -F on the LPAR if it does not stop). */
    @Bean
    JavaDelegate deactivateNimWparForDecommissionDelegate(WparDecommissionService service) {
        return changingHost(e -> done(e, service.deactivate(origin(e), NIM_MASTER.get(e), NIM_MACHINE.get(e),
                LPAR.get(e), WPAR.get(e), FENCING_TOKEN.get(e))));
    }

    /** NIM path: nim -o destroy (rmwpar on the managing LPAR). */
    @Bean
    JavaDelegate destroyNimWparForDecommissionDelegate(WparDecommissionService service) {
        return changingHost(e -> done(e, service.destroy(origin(e), NIM_MASTER.get(e), NIM_MACHINE.get(e),
                LPAR.get(e), WPAR.get(e), FENCING_TOKEN.get(e))));
    }

    /** NIM path: nim -o remove of the machine object. */
    @Bean
    JavaDelegate removeNimMachineForDecommissionDelegate(WparDecommissionService service) {
        return changingHost(e -> done(e, service.removeMachine(origin(e), NIM_MASTER.get(e), NIM_MACHINE.get(e))));
    }

    /** Direct path: stopwpar, then stopwpar -F if it does not stop; a Defined WPAR is left as it is. */
    @Bean
    JavaDelegate stopWparForDecommissionDelegate(WparDecommissionService service) {
        return changingHost(e -> done(e, service.stop(origin(e), LPAR.get(e), WPAR.get(e), FENCING_TOKEN.get(e))));
    }

    /** Direct path: rmwpar. */
    @Bean
    JavaDelegate removeDecommissionedWparDelegate(WparDecommissionService service) {
        return changingHost(e -> done(e, service.remove(origin(e), LPAR.get(e), WPAR.get(e), FENCING_TOKEN.get(e))));
    }

    /** lswpar (and lsnim) no longer list it. */
    @Bean
    JavaDelegate verifyDecommissionDelegate(WparDecommissionService service) {
        return step(e -> {
            service.verifyRemoved(origin(e), LPAR.get(e), WPAR.get(e), NIM_MASTER.get(e), NIM_MACHINE.get(e));
            REMOVED.set(e, true);
        });
    }

    /** The WPAR's row out of the inventory (the catalog's images stay). */
    @Bean
    JavaDelegate removeWparFromInventoryDelegate(WparDecommissionService service) {
        return step(e -> {
            if (service.removeFromInventory(LPAR.get(e), WPAR.get(e))) {
                addDone(e, "removed from the inventory");
            }
        });
    }

    /** The administrative lock (when taken and the WPAR is still there) and every lease, on every path. */
    @Bean
    JavaDelegate releaseDecommissionLocksDelegate(WparDecommissionService service) {
        return step(e -> {
            service.release(origin(e), Operation.idOf(e), LPAR.get(e), WPAR.get(e), FENCING_TOKEN.get(e),
                    ADMIN_LOCKED.isSet(e));
            ADMIN_LOCKED.set(e, false);
        });
    }

    /** outcome and outcomeReason: how it ended, the commands it ran, what is left after a failure. */
    @Bean
    JavaDelegate recordDecommissionOutcomeDelegate(WparDecommissionService service) {
        return step(e -> {
            Outcome o = service.outcome(LPAR.get(e), WPAR.get(e), facts(e), FAILURE_CODE.get(e), FAILURE_REASON.get(e),
                    REMOVED.isSet(e), DONE.get(e), APPROVERS.get(e), APPROVAL_REASON.get(e));
            OUTCOME.set(e, o.outcome());
            OUTCOME_REASON.set(e, o.reason());
        });
    }

    /**
     * End listener: the instance's leases go however it ends, an operator cancelling it included (the model releases
     * at Task_ReleaseLocks on each of its paths already; this is the net under them).
     */
    @Bean
    ExecutionListener releaseDecommissionLocksOnEndListener(WparDecommissionService service) {
        return e -> service.releaseLeases(e.getProcessInstanceId());
    }

    private static void done(DelegateExecution e, List<String> commands) {
        commands.forEach(c -> addDone(e, c));
    }

    private static Facts facts(DelegateExecution e) {
        String state = WPAR_STATE.get(e);
        return new Facts(state == null ? null : WparState.valueOf(state.toUpperCase(Locale.ROOT)), NIM_MASTER.get(e),
                NIM_MACHINE.get(e));
    }
}
