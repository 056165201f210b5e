package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: both leases released (the umbrella, when it owns them, releases them again at its end). */
@Component("unlockLiveRelocationDelegate")
public class UnlockLiveRelocationDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public UnlockLiveRelocationDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    void run(DelegateExecution execution) {
        service.releaseLocks(relocation(execution));
    }
}
