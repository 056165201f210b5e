package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.origin;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.relocation.Relocation;
import dev.wparflow.process.relocation.RelocationStepDelegate;
import dev.wparflow.process.relocation.staticmove.StaticRelocationVariables;

/** Live: setclock DEPARTING_IP on the arriving system (RB:4814). */
@Component("setArrivalClockDelegate")
public class SetArrivalClockDelegate extends RelocationStepDelegate {

    private final LiveRelocationService service;

    public SetArrivalClockDelegate(LiveRelocationService service) {
        this.service = service;
    }

    @Override
    protected boolean changesHost() {
        return true;
    }

    @Override
    protected void run(DelegateExecution execution) {
        Relocation r = relocation(execution);
        String ip = service.departingAddress(r, origin(execution));
        service.setClock(r, ip, origin(execution));
        execution.setVariable(DEPARTING_IP, ip);
    }
}
