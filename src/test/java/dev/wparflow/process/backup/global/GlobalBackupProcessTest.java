package dev.wparflow.process.backup.global;

import static dev.wparflow.process.backup.global.GlobalBackupModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.ProcessHarness;

/**
 * Every path of GlobalBackupProcess with mocked delegates: backed up with and without volume groups to savevg, the
 * LPAR held by another operation, a failed mksysb, a savevg that times out, an image that does not verify, a technical
 * failure left as an incident. Unmount, release and the outcome run on every path; retention only after verified
 * images; the lease goes with the instance however it ends.
 */
@Deployment(resources = "processes/GlobalBackupProcess.bpmn")
class GlobalBackupProcessTest {

    static final List<String> DELEGATES = List.of("leaseLparForGlobalBackupDelegate", "planGlobalBackupDelegate",
            "mountInactiveFileSystemsDelegate", "startMksysbDelegate", "cancelMksysbDelegate", "checkMksysbDelegate",
            "startSavevgDelegate", "cancelSavevgDelegate", "checkSavevgDelegate", "unmountFileSystemsDelegate",
            "verifyAndCatalogGlobalImagesDelegate", "applyGlobalRetentionDelegate", "releaseGlobalBackupLeaseDelegate",
            "recordGlobalBackupOutcomeDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    String volumeGroups = "datavg";

    @BeforeEach
    void mocks() {
        Mocks.register("globalBackup", new GlobalBackupSchedule(new GlobalBackupSettings(null,
                java.time.Duration.ofHours(6), null, null, null, null)));
        Mocks.register("releaseGlobalBackupLeaseOnEndListener", (ExecutionListener) e -> calls.add("end listener"));
        behaviour.put("leaseLparForGlobalBackupDelegate", e -> e.setVariable("leaseTaken", true));
        behaviour.put("planGlobalBackupDelegate", e -> {
            e.setVariable("imageBase", "/images/lpar00_global_20260101-020000000");
            e.setVariable("toMount", "/wpars/wpr01,/wpars/wpr01/home");
            e.setVariable("volumeGroups", volumeGroups);
        });
        behaviour.put("startMksysbDelegate", e -> e.setVariable("mksysbRunId", "run-mksysb"));
        behaviour.put("startSavevgDelegate", e -> e.setVariable("savevgRunId", "run-" + e.getVariable("volumeGroup")));
        behaviour.put("verifyAndCatalogGlobalImagesDelegate", e -> e.setVariable("imageIds", "img-1,img-2"));
        behaviour.put("recordGlobalBackupOutcomeDelegate", e -> e.setVariable("outcome",
                e.getVariable("failureCode") == null ? "BACKED_UP" : "FAILED"));
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("GlobalBackupProcess", Map.of("lpar", "lpar00"));
    }

    @Test
    void backedUpWithASavevgPerVolumeGroupThenRetention() {
        volumeGroups = "datavg,appvg";
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.runEnded(instance, "run-mksysb", EVENT_MKSYSB_FINISHED);
        harness.drive(instance);
        harness.runEnded(instance, "run-datavg", EVENT_SAVEVG_FINISHED);
        harness.drive(instance);
        harness.runEnded(instance, "run-appvg", EVENT_SAVEVG_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CHECK_MKSYSB, TASK_CHECK_SAVEVG, END_EVENT_SAVED,
                TASK_UNMOUNT_FILE_SYSTEMS, TASK_VERIFY_AND_CATALOG, TASK_APPLY_RETENTION, TASK_RELEASE_LEASE,
                END_EVENT_GLOBAL_BACKED_UP).hasNotPassed(TASK_CANCEL_MKSYSB, TASK_CANCEL_SAVEVG)
                .variables().containsEntry("outcome", "BACKED_UP").containsEntry("imageIds", "img-1,img-2")
                .containsKey("requestedAt");
        Assertions.assertThat(calls).containsExactly("leaseLparForGlobalBackupDelegate", "planGlobalBackupDelegate",
                "mountInactiveFileSystemsDelegate", "startMksysbDelegate", "checkMksysbDelegate",
                "startSavevgDelegate", "checkSavevgDelegate", "startSavevgDelegate", "checkSavevgDelegate",
                "unmountFileSystemsDelegate", "verifyAndCatalogGlobalImagesDelegate", "applyGlobalRetentionDelegate",
                "releaseGlobalBackupLeaseDelegate", "recordGlobalBackupOutcomeDelegate", "end listener");
    }

    @Test
    void withoutOtherVolumeGroupsOnlyMksysbRuns() {
        volumeGroups = "";
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.runEnded(instance, "run-mksysb", EVENT_MKSYSB_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_SAVED, END_EVENT_GLOBAL_BACKED_UP)
                .hasNotPassed(TASK_START_SAVEVG);
    }

    @Test
    void anLparHeldByAnotherOperationFailsWithoutTouchingIt() {
        behaviour.put("leaseLparForGlobalBackupDelegate", e -> {
            throw new BpmnError("LPAR_LOCKED", "host:lpar00 is held by WparLifecycleProcess");
        });
        ProcessInstance instance = start();
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_LPAR_LOCKED, TASK_UNMOUNT_FILE_SYSTEMS,
                END_EVENT_GLOBAL_BACKUP_FAILED).hasNotPassed(SUB_PROCESS_BACKUP, TASK_VERIFY_AND_CATALOG)
                .variables().containsEntry("failureCode", "LPAR_LOCKED").containsEntry("outcome", "FAILED");
        Assertions.assertThat(calls).containsExactly("leaseLparForGlobalBackupDelegate", "unmountFileSystemsDelegate",
                "releaseGlobalBackupLeaseDelegate", "recordGlobalBackupOutcomeDelegate", "end listener");
    }

    @Test
    void aFailedMksysbIsAnOutcomeAndWhatWasMountedIsUnmounted() {
        behaviour.put("checkMksysbDelegate", e -> {
            throw new BpmnError("MKSYSB_FAILED", "mksysb of rootvg on lpar00 exited 1: 0512-008 simulated");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.runEnded(instance, "run-mksysb", EVENT_MKSYSB_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(BOUNDARY_EVENT_BACKUP_FAILED, TASK_UNMOUNT_FILE_SYSTEMS,
                END_EVENT_GLOBAL_BACKUP_FAILED).hasNotPassed(TASK_START_SAVEVG, TASK_VERIFY_AND_CATALOG,
                        TASK_APPLY_RETENTION)
                .variables().containsEntry("failureCode", "MKSYSB_FAILED").containsEntry("outcome", "FAILED");
        Assertions.assertThat(calls).endsWith("checkMksysbDelegate", "unmountFileSystemsDelegate",
                "releaseGlobalBackupLeaseDelegate", "recordGlobalBackupOutcomeDelegate", "end listener");
    }

    @Test
    void runsThatTimeOutAreCancelledAndFail() {
        // mksysb: the timer fires by itself (the run has not ended); the check after the cancel decides
        behaviour.put("checkMksysbDelegate", e -> {
            if (calls.contains("cancelMksysbDelegate")) {
                throw new BpmnError("MKSYSB_TIMEOUT", "mksysb ran longer than its timeout and was cancelled");
            }
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.fireTimer(instance, EVENT_MKSYSB_FINISHED);
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_MKSYSB, END_EVENT_GLOBAL_BACKUP_FAILED)
                .variables().containsEntry("failureCode", "MKSYSB_TIMEOUT");

        // savevg likewise
        calls.clear();
        behaviour.remove("checkMksysbDelegate");
        behaviour.put("checkSavevgDelegate", e -> {
            if (calls.contains("cancelSavevgDelegate")) {
                throw new BpmnError("SAVEVG_TIMEOUT", "savevg of datavg ran longer than its timeout and was cancelled");
            }
        });
        instance = start();
        harness.drive(instance);
        harness.runEnded(instance, "run-mksysb", EVENT_MKSYSB_FINISHED);
        harness.drive(instance);
        harness.fireTimer(instance, EVENT_SAVEVG_FINISHED);
        harness.drive(instance);
        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_SAVEVG, TASK_UNMOUNT_FILE_SYSTEMS,
                END_EVENT_GLOBAL_BACKUP_FAILED).variables().containsEntry("failureCode", "SAVEVG_TIMEOUT");
    }

    @Test
    void anImageThatDoesNotVerifyFailsWithoutRetention() {
        behaviour.put("verifyAndCatalogGlobalImagesDelegate", e -> {
            e.setVariable("failureCode", "IMAGE_CORRUPT");
            e.setVariable("failureReason", "lsmksysb cannot read /images/x.mksysb");
        });
        ProcessInstance instance = start();
        harness.drive(instance);
        harness.runEnded(instance, "run-mksysb", EVENT_MKSYSB_FINISHED);
        harness.drive(instance);
        harness.runEnded(instance, "run-datavg", EVENT_SAVEVG_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_VERIFY_AND_CATALOG, END_EVENT_GLOBAL_BACKUP_FAILED)
                .hasNotPassed(TASK_APPLY_RETENTION).variables().containsEntry("failureCode", "IMAGE_CORRUPT");
    }

    @Test
    void technicalFailureBecomesAnIncidentAndCancellingReleasesTheLease() {
        behaviour.put("mountInactiveFileSystemsDelegate", e -> {
            throw new IllegalStateException("ssh: connection refused");
        });
        ProcessInstance instance = start();
        harness.driveThroughFailures(instance);

        assertThat(instance).isNotEnded();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId())
                .singleResult()).isNotNull().satisfies(i ->
                        Assertions.assertThat(i.getActivityId()).isEqualTo(TASK_MOUNT_FILE_SYSTEMS));
        runtimeService().deleteProcessInstance(instance.getId(), "given up by the operator");
        Assertions.assertThat(calls).endsWith("end listener");
    }
}
