package dev.wparflow.process.refusal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;
import dev.wparflow.process.OperationSubject;
import dev.wparflow.process.OperationSubject.State;

/**
 * "A refused request is visible to its requester": when an operation a user started ends without doing what was asked
 * (REFUSED, REJECTED, FAILED, ROLLED_BACK), a {@value RefusalNoticeVariables#PROCESS_ID} is started in the same
 * transaction, whose one user task, assigned to the requester and titled "Refused: relocate wpr00 lpar00 → lpar00",
 * shows the reason until they acknowledge it or {@code wparflow.refusal-notice.wait} (P7D) passes. The notice holds no
 * lock and touches no host. Installed on every process, so processes added later get it too; called processes and
 * starts by nobody (timers, schedulers) get none: their outcome belongs to the operation or to nobody.
 */
@Component
public class RefusalNoticePlugin extends AbstractProcessEnginePlugin {

    private static final Map<State, String> PREFIX = new EnumMap<>(Map.of(State.REFUSED, "Refused",
            State.REJECTED, "Rejected", State.FAILED, "Failed", State.ROLLED_BACK, "Rolled back"));
    /** Camunda's task name column */
    private static final int MAX_TITLE = 255;
    /** Camunda keeps a String variable in a 4000-character column */
    private static final int MAX_REASON = 3900;

    private final Duration wait;

    public RefusalNoticePlugin(@Value("${wparflow.refusal-notice.wait:P7D}") Duration wait) {
        this.wait = wait;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener notice = this::noticeIfNotDone;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (!RefusalNoticeVariables.PROCESS_ID.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, notice);
                }
            }
        });
    }

    void noticeIfNotDone(DelegateExecution execution) {
        ExecutionEntity instance = (ExecutionEntity) execution;
        if (instance.getSuperExecution() != null || instance.isCanceled() || !instance.isProcessInstanceExecution()) {
            return;
        }
        State state = OperationSubject.state(true, false, execution::getVariable);
        String prefix = PREFIX.get(state);
        String requester = Operation.startedBy(execution);
        if (prefix == null || requester == null) {
            return;
        }
        ProcessDefinitionEntity definition = instance.getProcessDefinition();
        String title = clip(prefix + ": " + OperationSubject.of(definition.getKey(), definition.getName(),
                execution::getVariable), MAX_TITLE);
        String reason = OperationSubject.reason(execution::getVariable);
        var variables = Variables.createVariables()
                .putValue(RefusalNoticeVariables.OPERATION_ID.name(), instance.getId())
                .putValue(RefusalNoticeVariables.OPERATION_KEY.name(), definition.getKey())
                .putValue(RefusalNoticeVariables.OPERATION_STATE.name(), state.name())
                .putValue(RefusalNoticeVariables.TITLE.name(), title)
                .putValue(RefusalNoticeVariables.REASON.name(), clip(reason == null ? "(no reason recorded)" : reason,
                        MAX_REASON))
                .putValue(RefusalNoticeVariables.REQUESTER.name(), requester)
                .putValue(RefusalNoticeVariables.WAIT.name(), wait.toString());
        // started by the application, not by whoever ended the operation: the start guard trusts it, and nobody
        // but the requester (the assignee) and administrators gets to see it
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(RefusalNoticeVariables.PROCESS_ID, instance.getId(), variables);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
