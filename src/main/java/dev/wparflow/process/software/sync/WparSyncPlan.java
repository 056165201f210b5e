package dev.wparflow.process.software.sync;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of WparSyncProcess, {@code ${wparSyncPlan.wpars(execution)}}, and the gateway's
 * {@code ${wparSyncPlan.nothingToSync(execution)}}: the WPARs the measurement found drifting, from the variable it
 * wrote (comma text, readable in Cockpit).
 */
@Component("wparSyncPlan")
public class WparSyncPlan {

    public List<String> wpars(DelegateExecution execution) {
        List<String> wpars = WparSyncVariables.WPARS_TO_SYNC.get(execution);
        return wpars == null ? List.of() : wpars;
    }

    public boolean nothingToSync(DelegateExecution execution) {
        return wpars(execution).isEmpty();
    }
}
