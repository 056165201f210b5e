package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 rows 11 and 13: the inventory learns the WPAR's new home. */
@Component("recordRelocatedDelegate")
public class RecordRelocatedDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RecordRelocatedDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.recordRelocated(relocation(execution), wasActive(execution));
    }
}
