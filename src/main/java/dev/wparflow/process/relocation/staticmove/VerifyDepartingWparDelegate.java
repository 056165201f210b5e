package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 1: Active or Defined on the departing system (Table 4-3 row 1: an application WPAR Active); remembers which. */
@Component("verifyDepartingWparDelegate")
public class VerifyDepartingWparDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public VerifyDepartingWparDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        StaticRelocationService.Departure departure = service.verifyDeparture(relocation(execution), origin(execution));
        execution.setVariable(WAS_ACTIVE, departure.wasActive());
        execution.setVariable(APPLICATION_WPAR, departure.application());
        execution.setVariable(LOCK_OWNER, relocation(execution).lockOwner());
        execution.setVariable(RELOCATION_ID, relocation(execution).relocationId());
    }
}
