package dev.wparflow.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import dev.wparflow.lock.LiveLeaseOwners;

/**
 * The processes own their leases by process instance id (a relocation's umbrella instance, a backup's instance): an
 * owner is alive while its instance exists in the engine's runtime, whatever it waits for (a detached run, a timer, an
 * operator at an incident; suspended too). An ended or deleted instance is not, so its leases expire.
 */
@Component
public class ProcessInstanceLeaseOwners implements LiveLeaseOwners {

    private final RuntimeService runtime;

    public ProcessInstanceLeaseOwners(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public Set<String> alive(Collection<String> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(owners)).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
