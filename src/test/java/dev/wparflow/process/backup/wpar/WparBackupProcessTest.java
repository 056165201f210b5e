package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.FakeRemoteRunWait;
import dev.wparflow.testsupport.ProcessHarness;
import dev.wparflow.process.backup.BackupSchedule;
import dev.wparflow.process.backup.BackupSettings;

/**
 * Every path of WparBackupProcess with mocked delegates: backed up (then retention), waiting for the lock and giving
 * up, a business failure in any step of the backup, the save timeout, a technical failure left as an incident. The
 * cleanup (restart/resume, release, record) runs on every path, retention only after a recorded image.
 */
@Deployment(resources = "processes/WparBackupProcess.bpmn")
class WparBackupProcessTest {

    static final List<String> DELEGATES = List.of("lockWparForBackupDelegate", "planWparBackupDelegate",
            "applyConsistencyDelegate", "ensureFileSystemsMountedDelegate", "startSaveWparDelegate",
            "verifyImageDelegate", "cancelSaveDelegate", "restoreConsistencyDelegate", "releaseWparLockDelegate",
            "recordBackupOutcomeDelegate", "applyRetentionDelegate");

    @RegisterExtension
    static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);
    /** after a failure; restart or resume ({@code restoreConsistencyDelegate}) only where the WPAR was stopped */
    static final List<String> CLEANUP = List.of("releaseWparLockDelegate", "recordBackupOutcomeDelegate");

    final List<String> calls = harness.calls();
    final Map<String, JavaDelegate> behaviour = harness.behaviour();
    int lockFreeFromAttempt = 1;
    int lockAttempts = 3;
    /** What the plan finds: an Active WPAR with this policy, or (null) a Defined one. */
    String activeWithPolicy;
    final FakeRemoteRunWait runWait = harness.runWait();

    @BeforeEach
    void mocks() {
        Mocks.register("backupSchedule", new BackupSchedule(new BackupSettings(null, null, null, null, null, null, null,
                null, null, null, java.time.Duration.ofHours(4), java.time.Duration.ofSeconds(30), null, null, null)));
        behaviour.put("lockWparForBackupDelegate", e -> {
            int attempt = e.getVariable("lockAttempts") == null ? 1 : ((Number) e.getVariable("lockAttempts")).intValue() + 1;
            boolean locked = attempt >= lockFreeFromAttempt;
            e.setVariable("wparLocked", locked);
            if (locked) {
                return; // as lockWparForBackupDelegate: the other variables only while the lock is busy
            }
            e.setVariable("lockAttempts", attempt);
            if (attempt >= lockAttempts) {
                e.setVariable("lockGivenUp", true);
                e.setVariable("failureCode", "WPAR_LOCKED");
                e.setVariable("failureReason", "wpar:lpar00/wpr00 is held by WparStaticRelocationProcess");
            }
        });
        behaviour.put("planWparBackupDelegate", e -> {
            // as planWparBackupDelegate: only what differs from Defined / NONE
            if (activeWithPolicy != null) {
                e.setVariable("wasActive", true);
            }
            if (activeWithPolicy != null && !activeWithPolicy.equals("NONE")) {
                e.setVariable("consistencyMode", activeWithPolicy);
            }
        });
        behaviour.put("startSaveWparDelegate", e -> e.setVariable("saveRunId", "run-save"));
        behaviour.put("verifyImageDelegate", e -> e.setVariable("imageId", "img-1"));
        behaviour.put("cancelSaveDelegate", e -> {
            e.setVariable("failureCode", "SAVEWPAR_TIMEOUT");
            e.setVariable("failureReason", "savewpar ran longer than its timeout and was cancelled");
        });
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("WparBackupProcess", Map.of("host", "lpar00", "wpar", "wpr00"));
    }

    /** What the run watcher does when savewpar ends: the wait's timer becomes due, and its job runs. */
    void saveFinished(ProcessInstance instance) {
        harness.runEnded(instance, "run-save", "Event_SaveFinished");
    }

    @Test
    void backedUpThenRetention() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_FINISHED);
        saveFinished(instance);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_SAVED, TASK_VERIFY_IMAGE, TASK_APPLY_RETENTION,
                END_EVENT_WPAR_BACKED_UP).hasNotPassed(TASK_CANCEL_SAVE).variables().containsEntry("imageId", "img-1").containsKey("requestedAt");
        // a Defined WPAR: nothing to stop, nothing to restart
        Assertions.assertThat(calls).containsExactly("lockWparForBackupDelegate", "planWparBackupDelegate",
                "ensureFileSystemsMountedDelegate", "startSaveWparDelegate",
                "verifyImageDelegate", "releaseWparLockDelegate",
                "recordBackupOutcomeDelegate", "applyRetentionDelegate");
        assertThat(instance).hasNotPassed(TASK_RESTORE_CONSISTENCY);
        // lock, plan, check and start; everything after savewpar, in the wait's timer job
        Assertions.assertThat(harness.jobsExecuted()).isEqualTo(2);
    }

    @Test
    void anActiveWparIsStoppedInAJobOfItsOwnAfterThePlanCommitted() {
        for (String policy : List.of("STOP", "QUIESCE")) {
            calls.clear();
            harness.resetJobsExecuted();
            activeWithPolicy = policy;
            ProcessInstance instance = start();
            harness.drive(instance);
            assertThat(instance).as(policy).isWaitingAt(EVENT_SAVE_FINISHED);
            saveFinished(instance);
            harness.drive(instance);

            assertThat(instance).as(policy).isEnded().hasPassed(TASK_APPLY_CONSISTENCY, END_EVENT_WPAR_BACKED_UP);
            Assertions.assertThat(calls).as(policy).containsExactly("lockWparForBackupDelegate",
                    "planWparBackupDelegate", "applyConsistencyDelegate", "ensureFileSystemsMountedDelegate",
                    "startSaveWparDelegate", "restoreConsistencyDelegate", "verifyImageDelegate",
                    "releaseWparLockDelegate", "recordBackupOutcomeDelegate", "applyRetentionDelegate");
            // lock and plan; stop or quiesce; the wait's timer; restart or resume, retried alone
            Assertions.assertThat(harness.jobsExecuted()).as(policy).isEqualTo(4);
        }
    }

    @Test
    void anActiveWparWithoutAPolicyIsNotTouched() {
        activeWithPolicy = "NONE";
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_FINISHED);
        Assertions.assertThat(calls).doesNotContain("applyConsistencyDelegate");
        Assertions.assertThat(harness.jobsExecuted()).isEqualTo(1);
    }

    @Test
    void lockHeldByAnotherIsWaitedForThenTaken() {
        lockFreeFromAttempt = 2;
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_WAIT_FOR_LOCK);
        harness.fireTimer(instance, EVENT_WAIT_FOR_LOCK);
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_FINISHED);
        Assertions.assertThat(calls).startsWith("lockWparForBackupDelegate", "lockWparForBackupDelegate",
                "planWparBackupDelegate");
    }

    @Test
    void lockNeverFreeGivesUpAndCleansUp() {
        lockFreeFromAttempt = 99;
        ProcessInstance instance = start();
        for (int attempt = 1; attempt < lockAttempts; attempt++) {
            harness.drive(instance);
            harness.fireTimer(instance, EVENT_WAIT_FOR_LOCK);
        }
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(END_EVENT_BACKUP_FAILED).hasNotPassed(SUB_PROCESS_BACKUP,
                TASK_APPLY_RETENTION).variables().containsEntry("failureCode", "WPAR_LOCKED");
        Assertions.assertThat(calls).containsExactly("lockWparForBackupDelegate", "lockWparForBackupDelegate",
                "lockWparForBackupDelegate", "releaseWparLockDelegate", "recordBackupOutcomeDelegate");
    }

    @Test
    void businessFailureInAnyStepCleansUpWithoutRetention() {
        activeWithPolicy = "STOP"; // so that every step runs
        for (String failing : List.of("planWparBackupDelegate", "applyConsistencyDelegate",
                "ensureFileSystemsMountedDelegate", "startSaveWparDelegate", "verifyImageDelegate")) {
            calls.clear();
            JavaDelegate normal = behaviour.get(failing);
            boolean verifying = failing.equals("verifyImageDelegate");
            behaviour.put(failing, verifying
                    ? e -> { // as verifyImageDelegate: a rejected image is an outcome
                        e.setVariable("failureCode", "SOME_REFUSAL");
                        e.setVariable("failureReason", failing + " refused");
                    }
                    : e -> {
                        throw new BpmnError("SOME_REFUSAL", failing + " refused");
                    });
            ProcessInstance instance = start();
            harness.drive(instance);
            if (verifying) {
                saveFinished(instance);
                harness.drive(instance);
            }
            assertThat(instance).as(failing).isEnded()
                    .hasPassed(verifying ? TASK_VERIFY_IMAGE : BOUNDARY_EVENT_BACKUP_FAILED, END_EVENT_BACKUP_FAILED)
                    .hasNotPassed(TASK_APPLY_RETENTION).variables().containsEntry("failureCode", "SOME_REFUSAL")
                    .containsEntry("failureReason", failing + " refused");
            Assertions.assertThat(calls).as(failing).endsWith(verifying
                    ? new String[] {"restoreConsistencyDelegate", "verifyImageDelegate", "releaseWparLockDelegate",
                            "recordBackupOutcomeDelegate"}
                    : CLEANUP.toArray(String[]::new));
            // the planned stop is put back on every path after the plan, never before it
            if (failing.equals("planWparBackupDelegate")) {
                Assertions.assertThat(calls).as(failing).doesNotContain("restoreConsistencyDelegate");
            } else {
                Assertions.assertThat(calls).as(failing).contains("restoreConsistencyDelegate");
            }
            if (!verifying) {
                Assertions.assertThat(calls).as(failing).doesNotContain("verifyImageDelegate");
            }
            if (normal == null) {
                behaviour.remove(failing);
            } else {
                behaviour.put(failing, normal);
            }
        }
    }

    @Test
    void saveTimeoutCancelsTheRunAndCleansUp() {
        ProcessInstance instance = start();
        harness.drive(instance);
        assertThat(instance).isWaitingAt(EVENT_SAVE_FINISHED);
        // due at the save timeout and the run has not ended: the timer fired by itself
        harness.fireTimer(instance, EVENT_SAVE_FINISHED);
        harness.drive(instance);

        assertThat(instance).isEnded().hasPassed(TASK_CANCEL_SAVE, END_EVENT_BACKUP_FAILED)
                .hasNotPassed(END_EVENT_SAVED, TASK_VERIFY_IMAGE, TASK_APPLY_RETENTION);
        Assertions.assertThat(calls).endsWith("cancelSaveDelegate", "releaseWparLockDelegate",
                "recordBackupOutcomeDelegate");
    }

    @Test
    void technicalFailureBecomesAnIncident() {
        behaviour.put("planWparBackupDelegate", e -> {
            throw new IllegalStateException("ssh: connection refused");
        });
        ProcessInstance instance = start();
        harness.driveThroughFailures(instance);

        assertThat(instance).isNotEnded();
        // lock and plan share a job: the incident sits at the job's activity and names the step that failed
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
                .isNotNull().satisfies(i -> {
                    Assertions.assertThat(i.getActivityId()).isEqualTo(TASK_LOCK_WPAR);
                    Assertions.assertThat(i.getFailedActivityId()).isEqualTo(TASK_PLAN_BACKUP);
                });
        Assertions.assertThat(calls).containsExactly("lockWparForBackupDelegate", "planWparBackupDelegate",
                "lockWparForBackupDelegate", "planWparBackupDelegate", "lockWparForBackupDelegate",
                "planWparBackupDelegate");
    }
}
