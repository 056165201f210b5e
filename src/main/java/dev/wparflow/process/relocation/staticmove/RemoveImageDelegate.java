package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.RelocationStepDelegate;

/** Table 4-2 row 17: remove the image (and the spec beside it). */
@Component("removeImageDelegate")
public class RemoveImageDelegate extends RelocationStepDelegate {

    private final StaticRelocationService service;

    public RemoveImageDelegate(StaticRelocationService service) {
        this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
        service.removeImage(relocation(execution), origin(execution));
    }
}
