package dev.wparflow.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * "Operators see their own": whoever starts a process instance gets READ on that instance and on
 * its history, so Cockpit and the REST API show them what they started and nothing else.
 */
@Component
public class InitiatorAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_START, GRANT_TO_INITIATOR);
            }
        });
    }

    private static final ExecutionListener GRANT_TO_INITIATOR = InitiatorAuthorizationPlugin::grantToInitiator;

    private static void grantToInitiator(DelegateExecution execution) {
        CommandContext commandContext = Context.getCommandContext();
        String userId = commandContext.getAuthenticatedUserId();
        // only top-level starts by a person: call activities inherit their visibility from the parent
        if (userId == null || execution.getSuperExecution() != null
                || !commandContext.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        String instanceId = execution.getProcessInstanceId();
        commandContext.runWithoutAuthorization(() -> {
            AuthorizationEntity runtime = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
            runtime.setUserId(userId);
            runtime.setResource(Resources.PROCESS_INSTANCE);
            runtime.setResourceId(instanceId);
            runtime.addPermission(Permissions.READ);
            commandContext.getAuthorizationManager().insert(runtime);

            AuthorizationEntity history = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
            history.setUserId(userId);
            history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
            history.setResourceId(instanceId);
            history.addPermission(HistoricProcessInstancePermissions.READ);
            commandContext.getAuthorizationManager().insert(history);
            return null;
        });
    }
}
