package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.wparflow.process.approval.ChangeApprovalModel;
import dev.wparflow.process.backup.fleet.FleetBackupModel;
import dev.wparflow.process.backup.host.HostBackupModel;
import dev.wparflow.process.backup.wpar.WparBackupModel;
import dev.wparflow.process.decommission.WparDecommissionModel;
import dev.wparflow.process.resources.WparResourceChangeModel;
import dev.wparflow.process.lifecycle.WparLifecycleModel;
import dev.wparflow.process.evacuation.EvacuationModel;
import dev.wparflow.process.maintenance.LparMaintenanceModel;
import dev.wparflow.process.discovery.FleetDiscoveryModel;
import dev.wparflow.process.refusal.RefusalNoticeModel;
import dev.wparflow.process.relocation.live.LiveRelocationModel;
import dev.wparflow.process.relocation.request.RelocationModel;
import dev.wparflow.process.relocation.staticmove.StaticRelocationModel;
import dev.wparflow.process.restore.clone.WparCloneModel;
import dev.wparflow.process.restore.drill.RestoreDrillModel;
import dev.wparflow.process.restore.wpar.WparRestoreModel;

/** Every element-id constant of a model's constants class names a flow node of that model, under its own name. */
class ModelConstantsTest {

    static final Map<Class<?>, String> MODELS = Map.ofEntries(
            Map.entry(ChangeApprovalModel.class, "ChangeApprovalProcess"),
            Map.entry(FleetBackupModel.class, "FleetBackupProcess"),
            Map.entry(HostBackupModel.class, "HostBackupProcess"),
            Map.entry(WparBackupModel.class, "WparBackupProcess"),
            Map.entry(FleetDiscoveryModel.class, "FleetDiscoveryProcess"),
            Map.entry(dev.wparflow.process.preflight.PreflightModel.class, "PreflightProcess"),
            Map.entry(RefusalNoticeModel.class, "RefusalNoticeProcess"),
            Map.entry(RestoreDrillModel.class, "RestoreDrillProcess"),
            Map.entry(WparCloneModel.class, "WparCloneProcess"),
            Map.entry(dev.wparflow.process.provisioning.WparProvisioningModel.class, "WparProvisioningProcess"),
            Map.entry(WparRestoreModel.class, "WparRestoreProcess"),
            Map.entry(WparDecommissionModel.class, "WparDecommissionProcess"),
            Map.entry(WparResourceChangeModel.class, "WparResourceChangeProcess"),
            Map.entry(dev.wparflow.process.checkpoint.WparCheckpointModel.class, "WparCheckpointProcess"),
            Map.entry(dev.wparflow.process.checkpoint.schedule.CheckpointScheduleModel.class,
                    "WparCheckpointScheduleProcess"),
            Map.entry(WparLifecycleModel.class, "WparLifecycleProcess"),
            Map.entry(EvacuationModel.class, "EvacuationProcess"),
            Map.entry(LparMaintenanceModel.class, "LparMaintenanceProcess"),
            Map.entry(LiveRelocationModel.class, "WparLiveRelocationProcess"),
            Map.entry(RelocationModel.class, "WparRelocationProcess"),
            Map.entry(StaticRelocationModel.class, "WparStaticRelocationProcess"),
            Map.entry(dev.wparflow.process.software.sync.WparSyncModel.class, "WparSyncProcess"));

    static Stream<Class<?>> models() {
        return MODELS.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyConstantNamesAFlowNodeOfItsModel(Class<?> constants) {
        assertThat(constants.getDeclaredFields()).isNotEmpty();
        assertThat(wrongConstants(constants, MODELS.get(constants)))
                .as("constants of %s that name no flow node of %s, or not under their own name",
                        constants.getSimpleName(), MODELS.get(constants))
                .isEmpty();
    }

    @Test
    void aConstantForAnotherIdOrUnderAnotherNameIsFound() {
        assertThat(wrongConstants(Planted.class, "RefusalNoticeProcess"))
                .containsExactlyInAnyOrder("TASK_NOT_IN_THE_MODEL = Task_NotInTheModel",
                        "TASK_ACKNOWLEDGE = Task_AcknowledgeOutcome");
    }

    /** Constants that fail the check: an id of another model, or the right id under a name not its own. */
    static final class Planted {
        static final String TASK_NOT_IN_THE_MODEL = "Task_NotInTheModel";
        static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeOutcome";
        static final String TASK_ACKNOWLEDGE_OUTCOME = "Task_AcknowledgeOutcome";
    }

    static List<String> wrongConstants(Class<?> constants, String processId) {
        Set<String> ids = flowNodeIds(processId);
        List<String> wrong = new ArrayList<>();
        for (Field field : constants.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String id;
                try {
                    field.setAccessible(true);
                    id = (String) field.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (!ids.contains(id) || !field.getName().equals(constantName(id))) {
                    wrong.add(field.getName() + " = " + id);
                }
            }
        }
        return wrong;
    }

    /** {@code Task_SaveWpar} is {@code TASK_SAVE_WPAR}, {@code BoundaryEvent_WparLocked} BOUNDARY_EVENT_WPAR_LOCKED. */
    static String constantName(String id) {
        return Stream.of(id.split("_"))
                .map(part -> part.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_").toUpperCase())
                .collect(Collectors.joining("_"));
    }

    static Set<String> flowNodeIds(String processId) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + processId + ".bpmn"));
        return model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
    }
}
