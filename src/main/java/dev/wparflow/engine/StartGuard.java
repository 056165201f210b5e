package dev.wparflow.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's own check of every process start, a built-in listener on each process's start event (so
 * {@code skipCustomListeners} cannot skip it). Runs in the starter's transaction: a refusal means no instance.
 * <ul>
 * <li>A call activity's start: the process must declare the caller among its parents.</li>
 * <li>A start on behalf of an authenticated user (REST, Tasklist, our API, a message): only operations, only at a
 * start event unless the user is camunda-admin, only with the inputs the {@link InputContract} declares; the
 * {@code camunda:initiator} variable is the engine's record of the user and cannot be given.</li>
 * <li>A start with no user is the application's own (timers, its schedulers and tests) and is trusted.</li>
 * </ul>
 */
final class StartGuard implements ExecutionListener {

    private final InputContracts contracts;

    StartGuard(InputContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ExecutionEntity instance = (ExecutionEntity) execution;
        ProcessDefinitionEntity definition = instance.getProcessDefinition();
        String key = definition.getKey();
        ExecutionEntity caller = instance.getSuperExecution();
        if (caller != null) {
            String parent = caller.getProcessDefinition().getKey();
            contracts.of(key).filter(c -> !c.calledBy().contains(parent)).ifPresent(c -> {
                throw InputRefusedException.start(key + " is not started by " + parent);
            });
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        Authentication authentication = commandContext.getAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        InputContract contract = contracts.of(key).orElseThrow(() -> InputRefusedException.start(
                key + " declares no input contract and cannot be started from outside"));
        if (!contract.operation()) {
            contract.check(Map.of());
        }
        if (!startEvent(instance.getActivity(), definition)
                && !commandContext.getAuthorizationManager().isCamundaAdmin(authentication)) {
            throw new AuthorizationException(authentication.getUserId() + " may start " + key
                    + " only at its start event (start instructions are for camunda-admin)");
        }
        contract.check(given(instance, definition, authentication.getUserId()));
    }

    private static Map<String, InputContract.Given> given(ExecutionEntity instance, ProcessDefinitionEntity definition,
            String userId) {
        String initiator = (String) definition.getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
        Map<String, InputContract.Given> given = new LinkedHashMap<>();
        for (String name : instance.getVariableNamesLocal()) {
            TypedValue value = instance.getVariableLocalTyped(name, false);
            if (name.equals(initiator)) {
                if (!Objects.equals(value.getValue(), userId)) {
                    throw InputRefusedException.field(definition.getKey(), name,
                            "is the authenticated user who starts the process and cannot be given");
                }
                continue;
            }
            String type = value.getType() == null ? null : value.getType().getName();
            // a serialized object is judged by its type alone: it is never deserialized here
            Object raw = value.getType() != null && value.getType().isPrimitiveValueType() ? value.getValue() : "(object)";
            given.put(name, new InputContract.Given(type, raw));
        }
        return given;
    }

    /** A start event of the process itself (none, message or timer), not of an event sub-process. */
    static boolean startEvent(ActivityImpl activity, ProcessDefinitionEntity definition) {
        if (activity == null || activity.getFlowScope() != definition) {
            return false;
        }
        String type = String.valueOf(activity.getProperty("type")).toLowerCase(Locale.ROOT);
        return type.contains("start") && type.endsWith("event");
    }
}
