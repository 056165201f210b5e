package dev.wparflow.process.restore;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.restore.RestoreStepDelegate.step;
import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps WparRestoreProcess and WparCloneProcess share, in the models' order after restwpar was started: wait for
 * the run, start, verify, release; and the end listener that releases the leases however the instance ends.
 */
@Configuration(proxyBeanMethods = false)
class RestoreSteps {

    /**
     * restwpar ran past wparflow.backup.restore-timeout: cancels the run and fails with RESTORE_TIMEOUT; a run that
     * exited meanwhile is left to the check that follows.
     */
    @Bean
    JavaDelegate cancelRestwparDelegate(RestwparService restwpar, RestoreSettings settings) {
        return step(e -> restwpar.cancelTimedOut(origin(e), HOST.get(e), WPAR.get(e), RESTORE_RUN_ID.get(e),
                settings.restoreTimeout()));
    }

    /** The restwpar run exited 0 and created the WPAR. */
    @Bean
    JavaDelegate checkRestwparRunDelegate(RestwparService restwpar) {
        return step(e -> restwpar.checkRestored(HOST.get(e), WPAR.get(e), RESTORE_RUN_ID.get(e)));
    }

    /** startwpar, unless Active already (a retry). */
    @Bean
    JavaDelegate startRestoredWparDelegate(RestwparService restwpar) {
        return step(e -> restwpar.start(origin(e), HOST.get(e), WPAR.get(e)));
    }

    /** State Defined/Active as asked, hostname, address and, for a clone into a volume group, its logical volumes. */
    @Bean
    JavaDelegate verifyRestoredDelegate(RestwparService restwpar) {
        return step(e -> RESTORED_STATE.set(e, restwpar.verify(origin(e), HOST.get(e),
                new RestwparService.Identity(WPAR.get(e), EXPECTED_HOSTNAME.get(e), EXPECTED_ADDRESS.get(e)),
                START.isSet(e), VOLUME_GROUP.get(e))));
    }

    /** Releases every lease of the instance, success or failure. */
    @Bean
    JavaDelegate releaseRestoreLocksDelegate(RestwparService restwpar) {
        return step(e -> restwpar.releaseLocks(e.getProcessInstanceId()));
    }

    /**
     * End listener of both models: releases the instance's leases when it ends by any way, including an operator
     * cancelling it (an incident given up) with custom listeners run. The models release at Task_ReleaseLocks on each
     * of their own paths already; this is the net under them. Cancelled with "skip custom listeners", the leases wait
     * for their expiry (wparflow.backup.lease).
     */
    @Bean
    ExecutionListener releaseRestoreLocksOnEndListener(RestwparService restwpar) {
        return e -> restwpar.releaseLocks(e.getProcessInstanceId());
    }
}
