package dev.wparflow.process.maintenance;

import static dev.wparflow.process.maintenance.LparMaintenanceVariables.MAINT_LPAR;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;

/** {@code maintenanceWpars.of(execution)}: the WPARs of the lane's LPAR to synchronise (Task_SyncWpar's collection). */
@Component("maintenanceWpars")
public class MaintenanceWpars {

    private final MaintenanceService service;

    public MaintenanceWpars(MaintenanceService service) {
        this.service = service;
    }

    public List<String> of(DelegateExecution execution) {
        return service.wparsToSync(Operation.idOf(execution), MAINT_LPAR.require(execution));
    }
}
