package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 12: the configured service check inside the WPAR. */
@Component("verifyWparServicesDelegate")
public class VerifyWparServicesDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public VerifyWparServicesDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.verifyServices(relocation(execution), origin(execution));
    }
}
