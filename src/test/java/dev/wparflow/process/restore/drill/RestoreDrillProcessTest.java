package dev.wparflow.process.restore.drill;

import static dev.wparflow.process.restore.drill.RestoreDrillModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.aix.Origin;
import dev.wparflow.testsupport.ProcessHarness;

/**
 * Every path of RestoreDrillProcess with a stub WparCloneProcess (one mocked step answering per image) and the drill's
 * own delegates over a mocked RestoreDrillService: a sample of three with one failing (passed, failed, summary, marked
 * restore-tested, scratch removed after each, the clone asked for the scratch name on the drill LPAR, started, golden
 * or not); an empty sample; no drill LPAR configured; the sample size on demand; the weekly timer start.
 */
@Deployment(resources = { "processes/RestoreDrillProcess.bpmn", "bpmn/restore/WparCloneProcess.stub.bpmn" })
class RestoreDrillProcessTest {

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.plain();

    RestoreDrillService drill = mock(RestoreDrillService.class);
    DrillSettings settings = new DrillSettings(null, "lpar01", 3, "drill00", "9.3.5.210", "datavg");
    /** image id to the clone's answer: null = cloned Active, else the failure code */
    final Map<String, String> cloneFailures = new HashMap<>();
    final List<Map<String, Object>> clones = new ArrayList<>();

    @BeforeEach
    void mocks() {
        Mocks.register("restoreDrillSchedule", new DrillSchedule(settings));
        when(drill.getSettings()).thenAnswer(i -> settings);
        when(drill.pickSample(anyInt())).thenReturn(List.of("img-a", "img-b", "img-c"));
        when(drill.describe(anyString())).thenAnswer(i -> "lpar00/" + i.getArgument(0));
        Mocks.register("pickDrillSampleDelegate", new PickDrillSampleDelegate(drill));
        Mocks.register("removeScratchWparDelegate", new RemoveScratchWparDelegate(drill));
        Mocks.register("recordDrillResultDelegate", new RecordDrillResultDelegate(drill));
        Mocks.register("verifyGlobalImagesDelegate", new VerifyGlobalImagesDelegate(drill));
        Mocks.register("stubCloneDelegate", (JavaDelegate) e -> {
            clones.add(new HashMap<>(e.getVariables()));
            String code = cloneFailures.get((String) e.getVariable("imageId"));
            if (code == null) {
                e.setVariable("restoredState", "ACTIVE");
            } else {
                e.setVariable("failureCode", code);
                e.setVariable("failureReason", code + " for " + e.getVariable("imageId"));
            }
        });
    }

    ProcessInstance requested(Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByMessage("RestoreDrillRequested", variables);
    }

    @Test
    void aSampleOfThreeWithOneFailing() {
        cloneFailures.put("img-b", "IMAGE_NOT_FOUND");
        ProcessInstance instance = requested(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_PICK_SAMPLE, CALL_ACTIVITY_CLONE_TO_SCRATCH,
                TASK_REMOVE_SCRATCH, TASK_RECORD_DRILL_RESULT, END_EVENT_DRILL_DONE).variables()
                .containsEntry("drillPassed", 2).containsEntry("drillFailed", 1)
                .containsEntry("drillSummary", "OK lpar00/img-a: ACTIVE\n"
                        + "FAILED lpar00/img-b: IMAGE_NOT_FOUND: IMAGE_NOT_FOUND for img-b\n"
                        + "OK lpar00/img-c: ACTIVE");
        Assertions.assertThat(clones).extracting(c -> c.get("imageId")).containsExactly("img-a", "img-b", "img-c");
        Assertions.assertThat(clones).allSatisfy(c -> Assertions.assertThat(c).containsEntry("host", "lpar01")
                .containsEntry("wpar", "drill00").containsEntry("hostname", "drill00")
                .containsEntry("address", "9.3.5.210").containsEntry("volumeGroup", "datavg")
                .containsEntry("start", true).containsEntry("allowNonGolden", true));
        verify(drill).pickSample(3);
        verify(drill).markTested("img-a");
        verify(drill).markTested("img-c");
        verify(drill, never()).markTested("img-b");
        verify(drill, org.mockito.Mockito.times(2)).removeScratch(any(Origin.class), eq("lpar01"), eq("drill00"), isNull());
        verify(drill).removeScratch(any(Origin.class), eq("lpar01"), eq("drill00"), eq("IMAGE_NOT_FOUND"));
    }

    @Test
    void mksysbImagesAreVerifiedWhereTheyLieAndACorruptOneFailsTheDrill() {
        when(drill.pickSample(anyInt())).thenReturn(List.of("img-a"));
        when(drill.pickGlobalSample(anyInt())).thenReturn(List.of("mk-0", "mk-1", "mk-2"));
        when(drill.verifyGlobal(any(Origin.class), eq("mk-0"))).thenReturn("OK mksysb of lpar00: checksum as catalogued");
        when(drill.verifyGlobal(any(Origin.class), eq("mk-1"))).thenThrow(new dev.wparflow.process.backup.BackupRefusal(
                "IMAGE_CORRUPT", "/images/lpar01_global_1.mksysb has checksum sha1:bb, the catalog recorded sha1:aa"));
        when(drill.verifyGlobal(any(Origin.class), eq("mk-2"))).thenThrow(new IllegalStateException(
                "lpar02: connection refused"));
        ProcessInstance instance = requested(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_RECORD_DRILL_RESULT, TASK_VERIFY_GLOBAL_IMAGES,
                END_EVENT_DRILL_DONE).variables().containsEntry("drillPassed", 2).containsEntry("drillFailed", 2)
                .containsEntry("drillSummary", "OK lpar00/img-a: ACTIVE\n"
                        + "OK mksysb of lpar00: checksum as catalogued\n"
                        + "FAILED lpar00/mk-1: IMAGE_CORRUPT: /images/lpar01_global_1.mksysb has checksum sha1:bb,"
                        + " the catalog recorded sha1:aa\n"
                        + "FAILED lpar00/mk-2: NOT_VERIFIED: lpar02: connection refused");
        Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void aCloneThatFailedAfterCreatingSomethingHasItsScratchRemoved() {
        cloneFailures.put("img-a", "VERIFY_FAILED");
        when(drill.pickSample(anyInt())).thenReturn(List.of("img-a"));
        ProcessInstance instance = requested(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().variables().containsEntry("drillPassed", 0).containsEntry("drillFailed", 1);
        verify(drill).removeScratch(any(Origin.class), eq("lpar01"), eq("drill00"), eq("VERIFY_FAILED"));
        verify(drill, never()).markTested(anyString());
    }

    @Test
    void anEmptySampleDrillsNothing() {
        when(drill.pickSample(anyInt())).thenReturn(List.of());
        ProcessInstance instance = requested(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasPassed(TASK_PICK_SAMPLE, END_EVENT_DRILL_DONE)
                .hasNotPassed(CALL_ACTIVITY_CLONE_TO_SCRATCH, TASK_REMOVE_SCRATCH).variables()
                .containsEntry("drillPassed", 0).containsEntry("drillFailed", 0).containsEntry("drillImages", "");
        Assertions.assertThat(clones).isEmpty();
    }

    @Test
    void withoutADrillLparNothingIsDrilled() {
        settings = new DrillSettings(null, null, 3, "drill00", null, null);
        ProcessInstance instance = requested(Map.of());
        harness.driveAll();

        assertThat(instance).isEnded().hasNotPassed(CALL_ACTIVITY_CLONE_TO_SCRATCH).variables()
                .containsEntry("drillSummary", "no wparflow.backup.drill.lpar configured: nothing drilled");
        verify(drill, never()).pickSample(anyInt());
        Assertions.assertThat(clones).isEmpty();
    }

    @Test
    void sampleSizeAndLparOnDemand() {
        when(drill.pickSample(1)).thenReturn(List.of("img-z"));
        ProcessInstance instance = requested(Map.of("sample", 1, "drillLpar", "lpar02"));
        harness.driveAll();

        assertThat(instance).isEnded().variables().containsEntry("drillPassed", 1);
        Assertions.assertThat(clones).singleElement().satisfies(c -> Assertions.assertThat(c)
                .containsEntry("host", "lpar02").containsEntry("imageId", "img-z"));
    }

    @Test
    void theWeeklyTimerStartsADrill() {
        Job timer = managementService().createJobQuery().timers().processDefinitionKey("RestoreDrillProcess")
                .singleResult();
        Assertions.assertThat(timer).as("weekly timer").isNotNull();
        java.time.ZonedDateTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
        Assertions.assertThat(due.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
        Assertions.assertThat(due.getHour()).isEqualTo(4);

        execute(timer);
        harness.driveAll();
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("RestoreDrillProcess").finished().count()).isEqualTo(1);
        Assertions.assertThat(clones).hasSize(3);
    }
}
