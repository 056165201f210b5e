package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 5: the current spec of the WPAR, beside the image. */
@Component("writeDepartureSpecDelegate")
public class WriteDepartureSpecDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public WriteDepartureSpecDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.writeDepartureSpec(relocation(execution), departureToken(execution), origin(execution));
    }
}
