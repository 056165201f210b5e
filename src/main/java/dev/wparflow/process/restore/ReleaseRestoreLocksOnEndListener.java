package dev.wparflow.process.restore;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of WparRestoreProcess and WparCloneProcess: releases the instance's leases when it ends by any way,
 * including an operator cancelling it (an incident given up) with custom listeners run. The models release at
 * Task_ReleaseLocks on each of their own paths already; this is the net under them. Cancelled with "skip custom
 * listeners", the leases wait for their expiry (wparflow.backup.lease).
 */
@Component
public class ReleaseRestoreLocksOnEndListener implements ExecutionListener {

    private final WparRestoreService restores;

    public ReleaseRestoreLocksOnEndListener(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    public void notify(DelegateExecution e) {
        restores.releaseLocks(e.getProcessInstanceId());
    }
}
