package dev.wparflow.engine.history;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history level ({@code camunda.bpm.history-level: per-process}): Camunda's {@code full} for every
 * process, except one that declares otherwise in its model with {@code <camunda:property name="historyLevel" .../>}
 * (none, activity, audit, full or {@link #LEAN}).
 *
 * <p>Why: a fleet backup runs a WparBackupProcess per WPAR every night; at {@code full} each of them writes some 150
 * history rows (every activity, every variable and each of its changes, every job), which was most of the database
 * work of a backup and none of what an operator reads in the morning: that is the run's summary, the catalog and the
 * command transcripts. Approvals, relocations and restores keep their full audit trail.
 */
public final class PerProcessHistoryLevel implements HistoryLevel {

    public static final String NAME = "per-process";
    /** The camunda:property on the process element. */
    public static final String PROPERTY = "historyLevel";
    /** The camunda:property naming the variables a lean process keeps in history (comma-separated). */
    public static final String VARIABLES_PROPERTY = "historyVariables";
    /**
     * Process instances, incidents, failed jobs, user tasks and operator actions, and only the variables named in
     * {@code historyVariables} (their last value); not each activity, variable change or successful job.
     */
    public static final String LEAN = "lean";

    /** Set by the parse listener on the deployed definition: the level and the kept variables. */
    static final String DEFINITION_LEVEL = "wparflow.historyLevel";
    static final String DEFINITION_VARIABLES = "wparflow.historyVariables";

    private static final Set<HistoryEventTypes> LEAN_EVENTS = EnumSet.of(
            HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
            HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
            HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
            HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
            HistoryEventTypes.TASK_INSTANCE_DELETE,
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
            HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE,
            HistoryEventTypes.JOB_FAIL, HistoryEventTypes.EXTERNAL_TASK_FAIL,
            HistoryEventTypes.USER_OPERATION_LOG, HistoryEventTypes.IDENTITY_LINK_ADD,
            HistoryEventTypes.IDENTITY_LINK_DELETE, HistoryEventTypes.DMN_DECISION_EVALUATE);
    private static final Set<HistoryEventTypes> KEPT_VARIABLE_EVENTS = EnumSet.of(
            HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    /** What a definition declared, by definition id (ids never change their model). */
    private final Map<String, Declared> byDefinition = new ConcurrentHashMap<>();
    private final boolean declarationsApply;

    public PerProcessHistoryLevel() {
        this(true);
    }

    /**
     * {@code declarationsApply} false: every model at full under the same level id, for engines whose tests read each
     * model's path from history but share a database with the application.
     */
    public PerProcessHistoryLevel(boolean declarationsApply) {
        this.declarationsApply = declarationsApply;
    }

    record Declared(HistoryLevel level, Set<String> keptVariables) {
        static final Declared FULL = new Declared(HistoryLevel.HISTORY_LEVEL_FULL, Set.of());
    }

    @Override
    public int getId() {
        // any id Camunda does not use (0-3); stored in ACT_GE_PROPERTY, so it must never change
        return 41;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity == null || !declarationsApply) {
            return true; // "could this ever be produced?": yes, for some process
        }
        Declared declared = declaredFor(entity);
        if (declared.level() != null) {
            return declared.level().isHistoryEventProduced(eventType, entity);
        }
        if (LEAN_EVENTS.contains(eventType)) {
            return true;
        }
        return KEPT_VARIABLE_EVENTS.contains(eventType) && declared.keptVariables().contains(variableName(entity));
    }

    /** Parses a property value; null stands for {@link #LEAN}. */
    static HistoryLevel parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> HISTORY_LEVEL_NONE;
            case "activity" -> HISTORY_LEVEL_ACTIVITY;
            case "audit" -> HISTORY_LEVEL_AUDIT;
            case "full" -> HISTORY_LEVEL_FULL;
            case LEAN -> null;
            default -> throw new IllegalArgumentException("historyLevel must be none, activity, audit, full or lean: "
                    + value);
        };
    }

    private Declared declaredFor(Object entity) {
        String definitionId = definitionId(entity);
        if (definitionId == null) {
            return Declared.FULL;
        }
        Declared known = byDefinition.get(definitionId);
        if (known == null) {
            known = lookUp(entity, definitionId);
            byDefinition.put(definitionId, known);
        }
        return known;
    }

    private static Declared lookUp(Object entity, String definitionId) {
        ProcessDefinitionEntity definition = entity instanceof ExecutionEntity e && e.getProcessDefinition() != null
                ? e.getProcessDefinition()
                : Context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(definitionId);
        if (definition == null || definition.getProperty(DEFINITION_LEVEL) == null) {
            return Declared.FULL;
        }
        String level = (String) definition.getProperty(DEFINITION_LEVEL);
        @SuppressWarnings("unchecked")
        Set<String> kept = (Set<String>) definition.getProperty(DEFINITION_VARIABLES);
        return new Declared(parse(level), kept == null ? Set.of() : kept);
    }

    private static String variableName(Object entity) {
        if (entity instanceof VariableInstanceEntity v) {
            return v.getName();
        }
        return entity instanceof HistoricVariableUpdateEventEntity h ? h.getVariableName() : null;
    }

    private static String definitionId(Object entity) {
        if (entity instanceof HistoryEvent h) {
            return h.getProcessDefinitionId(); // e.g. a variable's detail is asked about with its history event
        } else if (entity instanceof ExecutionEntity e) {
            return e.getProcessDefinitionId();
        } else if (entity instanceof VariableInstanceEntity v) {
            return v.getProcessDefinitionId();
        } else if (entity instanceof JobEntity j) {
            return j.getProcessDefinitionId();
        } else if (entity instanceof IncidentEntity i) {
            return i.getProcessDefinitionId();
        } else if (entity instanceof TaskEntity t) {
            return t.getProcessDefinitionId();
        } else if (entity instanceof ExternalTaskEntity x) {
            return x.getProcessDefinitionId();
        }
        return null; // case instances, batches, decisions on their own, operation logs: full
    }
}
