package dev.wparflow.process.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import dev.wparflow.process.OperationSubject;
import dev.wparflow.process.OperationSubject.State;
import dev.wparflow.process.refusal.RefusalNoticeVariables;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts operations as the engine runs them: every top-level process instance (an operation an operator, a timer or
 * the application started; called processes are parts of theirs, and the refusal notice belongs to the refused
 * operation) is counted when it starts ({@value #STARTED}) and when it ends ({@value #ENDED}, with its outcome), and
 * its duration is recorded ({@value #DURATION}). The outcome is the one the operations view shows
 * ({@link OperationSubject#state}): completed, refused, rejected, failed, rolled_back or canceled. A count is added
 * once the engine's transaction committed, so a step that rolls back and runs again is counted once.
 */
@Component
public class OperationMetricsPlugin extends AbstractProcessEnginePlugin {

    public static final String STARTED = "wparflow.operations.started";
    public static final String ENDED = "wparflow.operations.ended";
    public static final String DURATION = "wparflow.operation.duration";

    private final MeterRegistry meters;

    public OperationMetricsPlugin(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener start = this::started;
        ExecutionListener end = this::ended;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (!RefusalNoticeVariables.PROCESS_ID.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, start);
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, end);
                }
            }
        });
    }

    void started(DelegateExecution execution) {
        ExecutionEntity instance = (ExecutionEntity) execution;
        if (!topLevel(instance)) {
            return;
        }
        Counter counter = Counter.builder(STARTED).description("Operations started, by process key")
                .tag("operation", key(instance)).register(meters);
        afterCommit(counter::increment);
    }

    void ended(DelegateExecution execution) {
        ExecutionEntity instance = (ExecutionEntity) execution;
        if (!topLevel(instance)) {
            return;
        }
        State state = instance.isCanceled() ? State.CANCELED
                : OperationSubject.state(true, false, execution::getVariable);
        String operation = key(instance);
        String outcome = state.name().toLowerCase(Locale.ROOT);
        Counter counter = Counter.builder(ENDED).description("Operations ended, by process key and outcome")
                .tag("operation", operation).tag("outcome", outcome).register(meters);
        Date startedAt = startTime(instance);
        Duration took = startedAt == null ? null
                : Duration.ofMillis(Math.max(0, ClockUtil.getCurrentTime().getTime() - startedAt.getTime()));
        afterCommit(() -> {
            counter.increment();
            if (took != null) {
                duration(operation, outcome).record(took);
            }
        });
    }

    private Timer duration(String operation, String outcome) {
        return Timer.builder(DURATION).description("How long operations took from start to end")
                .tag("operation", operation).tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(24))
                .register(meters);
    }

    private static boolean topLevel(ExecutionEntity instance) {
        return instance.isProcessInstanceExecution() && instance.getSuperExecution() == null;
    }

    private static String key(ExecutionEntity instance) {
        return instance.getProcessDefinition().getKey();
    }

    /** The start time the engine recorded for the instance; null when its history level records none. */
    private static Date startTime(ExecutionEntity instance) {
        CommandContext command = Context.getCommandContext();
        HistoricProcessInstanceEntity history = command == null ? null
                : command.getHistoricProcessInstanceManager().findHistoricProcessInstance(instance.getId());
        return history == null ? null : history.getStartTime();
    }

    private static void afterCommit(Runnable count) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            count.run();
            return;
        }
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> count.run());
    }
}
