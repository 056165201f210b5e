package dev.wparflow.process.backup.wpar;

import static dev.wparflow.process.backup.wpar.WparBackupModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.aix.Origin;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.process.backup.BackupStepDelegate;
import dev.wparflow.simulator.CommandLog;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.ssh.SshException;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestFleets;

/**
 * What the backup steps do when the host goes away under them, on a simulated host over SSH: a host that takes no
 * connection before savewpar is the outcome HOST_UNREACHABLE, not an incident; a stop cut off by a lost connection
 * (the WPAR left Broken) is finished on the retry, not handed to savewpar to refuse.
 */
class BackupUnderFaultsTest {

    static final String FLEET = TestFleets.yaml("backup-under-faults");
    static final Origin ORIGIN = new Origin("pi-1", "Task_Test");

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    WparBackupService backups;

    @BeforeEach
    void setUp() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir).timeScale(0.0));
        shell = new SimulatedFleetShell(fleet, "lpar00");
        // only the shell is used by the steps under test
        backups = new WparBackupService(new dev.wparflow.aix.AixGateway(shell.aix), null, null, null, null,
                mock(BackupSettings.class), null, Clock.systemUTC(), null);
    }

    @AfterEach
    void tearDown() {
        shell.close();
        fleet.close();
    }

    @Test
    void aStopCutOffByALostConnectionIsFinishedOnTheRetry() {
        // wpr00 was Active at the plan; our stopwpar lost its connection and left it Broken
        backups.applyConsistency(ORIGIN, "lpar00", "wpr00", WparBackupService.Mode.STOP, true);

        assertThat(fleet.host("lpar00").states()).contains("wpr00=D");
        assertThat(sent("stopwpar")).containsExactly("stopwpar -F wpr00");

        backups.restoreConsistency(ORIGIN, "lpar00", "wpr00", WparBackupService.Mode.STOP, true);
        assertThat(fleet.host("lpar00").states()).contains("wpr00=A");
    }

    @Test
    void aHostThatTakesNoConnectionBeforeSavewparIsAnOutcome() throws Exception {
        fleet.host("lpar00").setDown(true);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("host")).thenReturn("lpar00");
        when(execution.getVariable("wpar")).thenReturn("wpr01");
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        when(execution.getCurrentActivityId()).thenReturn(TASK_PLAN_BACKUP);
        when(execution.getProcessInstance()).thenReturn(execution); // a backup started on its own

        assertThatThrownBy(() -> new WparBackupSteps().planWparBackupDelegate(backups).execute(execution))
                .isInstanceOfSatisfying(BpmnError.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("HOST_UNREACHABLE");
                    assertThat(e.getMessage()).contains("CONNECT_REFUSED on lpar00");
                });
        // after savewpar the same failure stays a job retry: the restart of a stopped WPAR waits for the host
        when(execution.getVariable("wasActive")).thenReturn(true);
        when(execution.getVariable("consistencyMode")).thenReturn("STOP");
        assertThatThrownBy(() -> new WparBackupSteps().restoreConsistencyDelegate(backups).execute(execution))
                .isInstanceOf(SshException.class);
    }

    @Test
    void aConnectionLostWhileACommandRanIsNotAnOutcome() {
        SshException lost = new SshException(dev.wparflow.ssh.SshFailure.CONNECTION_LOST, "lpar00", "stopwpar wpr01",
                null, "connection lost while the command ran");
        assertThat(BackupStepDelegate.notConnected(lost)).isNull();
        assertThat(BackupStepDelegate.notConnected(new IllegalStateException("wrapped", new SshException(
                dev.wparflow.ssh.SshFailure.CONNECT_TIMEOUT, "lpar00", null, null, "no answer")))).isNotNull();
    }

    private List<String> sent(String command) {
        return fleet.log().entries("lpar00").stream().filter(e -> e.command().equals(command) && !e.refused)
                .map((CommandLog.Entry e) -> e.raw).toList();
    }
}
