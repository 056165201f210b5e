package dev.wparflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;

import dev.wparflow.aix.Origin;

/**
 * The operation an execution works for: the top-level process instance an operator started (a relocation, a restore,
 * a fleet backup), of which called processes are parts. What belongs to the operation rather than to a step (who
 * requested it, the approved change, the leases) is keyed by its id and read from the engine's own record, never from a
 * variable that a start, a task completion or a variable PUT could write.
 */
public final class Operation {

    private Operation() {
    }

    /** The top-level process instance of {@code execution} (its own instance when nobody called it). */
    public static String idOf(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getId();
    }

    /** Whether {@code execution} belongs to a process instance that another process called. */
    public static boolean called(DelegateExecution execution) {
        return execution.getProcessInstance().getSuperExecution() != null;
    }

    /**
     * The authenticated user who started the operation, or null when nobody authenticated did (a timer, a message
     * without a login). The engine keeps it as the start user id of the operation's history; while the start's own
     * transaction runs that row is not written yet, and the user is then the one this command runs for.
     */
    public static String startedBy(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        HistoricProcessInstanceEntity started = command.getHistoricProcessInstanceManager()
                .findHistoricProcessInstance(idOf(execution));
        return started != null ? started.getStartUserId() : command.getAuthenticatedUserId();
    }

    /** Names the instance and the step in the transcripts of the commands a step runs. */
    public static Origin origin(DelegateExecution execution) {
        return new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId());
    }
}
