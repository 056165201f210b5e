package dev.wparflow.engine.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Registers {@link PerProcessHistoryLevel} and reads each process's {@code historyLevel} and {@code historyVariables}
 * camunda:properties when it is deployed; a value it does not know fails the deployment.
 */
@Component
public class PerProcessHistoryPlugin extends AbstractProcessEnginePlugin {

    private final boolean declarationsApply;

    public PerProcessHistoryPlugin() {
        this(true);
    }

    /** See {@link PerProcessHistoryLevel#PerProcessHistoryLevel(boolean)}. */
    public PerProcessHistoryPlugin(boolean declarationsApply) {
        this.declarationsApply = declarationsApply;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(new PerProcessHistoryLevel(declarationsApply));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                declare(processElement, processDefinition);
            }
        });
    }

    static void declare(Element processElement, ProcessDefinitionEntity definition) {
        Element extensions = processElement.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return;
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            String name = property.attribute("name");
            String value = property.attribute("value", "");
            if (PerProcessHistoryLevel.PROPERTY.equals(name)) {
                PerProcessHistoryLevel.parse(value); // fails the deployment on a typo
                definition.setProperty(PerProcessHistoryLevel.DEFINITION_LEVEL, value.strip());
            } else if (PerProcessHistoryLevel.VARIABLES_PROPERTY.equals(name)) {
                Set<String> kept = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
                definition.setProperty(PerProcessHistoryLevel.DEFINITION_VARIABLES, kept);
            }
        }
    }
}
