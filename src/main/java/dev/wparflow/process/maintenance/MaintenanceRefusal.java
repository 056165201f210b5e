package dev.wparflow.process.maintenance;

import dev.wparflow.process.OperationRefusal;

/** What ends a maintenance refused, with the rule (NO_LPARS, LPAR_LOCKED, …). */
public class MaintenanceRefusal extends OperationRefusal {

    private static final long serialVersionUID = 1L;

    public MaintenanceRefusal(String code, String message) {
        super(code, message);
    }
}
