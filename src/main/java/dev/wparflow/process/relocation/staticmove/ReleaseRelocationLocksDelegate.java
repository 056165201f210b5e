package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Every lock of this relocation, on both sides (refusal and rollback paths). */
@Component("releaseRelocationLocksDelegate")
public class ReleaseRelocationLocksDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public ReleaseRelocationLocksDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.releaseLocks(relocation(execution), departureToken(execution), arrivalToken(execution),
                origin(execution));
    }
}
