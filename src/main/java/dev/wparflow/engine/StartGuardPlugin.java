package dev.wparflow.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs the engine-level guards, which no API can go around: {@link StartGuard} as the first built-in start
 * listener of every process, and {@link AdminOnlyCommands} around every command.
 */
@Component
public class StartGuardPlugin extends AbstractProcessEnginePlugin {

    private final InputContracts contracts;
    private final boolean deploymentsAllowed;

    public StartGuardPlugin(InputContracts contracts,
            @Value("${wparflow.security.api-deployments:true}") boolean deploymentsAllowed) {
        this.contracts = contracts;
        this.deploymentsAllowed = deploymentsAllowed;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener guard = new StartGuard(contracts);
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, guard, 0);
            }
        });
        AdminOnlyCommands adminOnly = new AdminOnlyCommands(deploymentsAllowed);
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(adminOnly);
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new AdminOnlyCommands(deploymentsAllowed));
    }
}
