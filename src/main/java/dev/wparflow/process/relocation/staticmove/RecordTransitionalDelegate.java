package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 6: last known host and target in the inventory. */
@Component("recordTransitionalDelegate")
public class RecordTransitionalDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RecordTransitionalDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.recordTransitional(relocation(execution));
    }
}
