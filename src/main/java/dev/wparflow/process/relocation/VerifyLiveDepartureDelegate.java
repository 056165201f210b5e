package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: Active and checkpointable on departure, absent on arrival, both leases. */
@Component("verifyLiveDepartureDelegate")
public class VerifyLiveDepartureDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public VerifyLiveDepartureDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        execution.setVariable(SYSTEM_WPAR, service.verifyAndLock(relocation(execution), origin(execution)));
    }
}
