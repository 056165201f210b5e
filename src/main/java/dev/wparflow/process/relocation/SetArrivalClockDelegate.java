package dev.wparflow.process.relocation;

import static dev.wparflow.process.relocation.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Live: setclock DEPARTING_IP on the arriving system (RB:4814). */
@Component("setArrivalClockDelegate")
public class SetArrivalClockDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public SetArrivalClockDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    boolean changesHost() {
        return true;
    }

    @Override
    void run(DelegateExecution execution) {
        Relocation r = relocation(execution);
        String ip = service.departingAddress(r, origin(execution));
        service.setClock(r, ip, origin(execution));
        execution.setVariable(DEPARTING_IP, ip);
    }
}
