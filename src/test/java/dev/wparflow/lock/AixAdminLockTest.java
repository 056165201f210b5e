package dev.wparflow.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.aix.AixOutcome;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparName;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.ssh.CommandResult;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestFleets;

/** The AIX administrative lock over SSH against the simulator, as Example 4-23/4-24 show it. */
class AixAdminLockTest {

    static final String FLEET = TestFleets.yaml("aix-admin-lock");
    static final Origin ORIGIN = new Origin("pi-1", "Task_LockWpar");
    static final WparName WPR00 = WparName.of("wpr00");

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    AixAdminLock adminLock;

    @BeforeEach
    void fleet() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir));
        shell = new SimulatedFleetShell(fleet, "lpar00");
        adminLock = new AixAdminLock(shell.aix);
    }

    @AfterEach
    void stop() {
        shell.close();
        fleet.close();
    }

    Wpar.AdminLock lockOnHost() {
        return fleet.host("lpar00").model().wpar("wpr00").orElseThrow().lock;
    }

    @Test
    void ourLockKeepsOthersOffAndNamesOurToken() {
        assertThat(adminLock.take("lpar00", WPR00, 17, ORIGIN)).isEqualTo(new AdminLockOutcome.Held(17));
        assertThat(lockOnHost().pid()).isEqualTo(17);

        CommandResult someoneElse = shell.ssh.run("lpar00", "stopwpar wpr00");
        assertThat(someoneElse.exitStatus()).isNotZero();
        assertThat(someoneElse.stderr()).contains("0960-246 Workload partition wpr00 is currently locked by stopwpar (PID = 17).");

        // a retried step takes it again without trouble
        assertThat(adminLock.take("lpar00", WPR00, 17, ORIGIN)).isEqualTo(new AdminLockOutcome.Held(17));
    }

    @Test
    void aLockHeldByAnotherProcessIsContentionNotAnError() {
        shell.ssh.run("lpar00", "/usr/lib/wpars/wparlockctl -l -p 385230 -o 6 wpr00");
        AdminLockOutcome outcome = adminLock.take("lpar00", WPR00, 17, ORIGIN);
        assertThat(outcome).isInstanceOfSatisfying(AdminLockOutcome.HeldByOther.class, other -> {
            assertThat(other.failure().outcome()).isEqualTo(AixOutcome.LOCKED_BY_OTHER_PROCESS);
            assertThat(other.failure().details()).containsEntry("lockPid", "385230");
        });
        assertThat(lockOnHost().pid()).isEqualTo(385230);
    }

    @Test
    void ourOwnCommandRunsWithTheLockLiftedAndTheLockComesBack() {
        adminLock.take("lpar00", WPR00, 17, ORIGIN);
        CommandResult stopped = adminLock.whileLifted("lpar00", WPR00, 17, ORIGIN,
                () -> shell.ssh.run("lpar00", "stopwpar -N wpr00"));
        assertThat(stopped.exitStatus()).isZero();
        assertThat(fleet.host("lpar00").model().wpar("wpr00").orElseThrow().state().letter()).isEqualTo('D');
        assertThat(lockOnHost().pid()).isEqualTo(17);
    }

    @Test
    void releaseIsIdempotentAndAMissingWparIsSaidSo() {
        adminLock.take("lpar00", WPR00, 17, ORIGIN);
        adminLock.release("lpar00", WPR00, 17, ORIGIN);
        assertThat(lockOnHost()).isNull();
        adminLock.release("lpar00", WPR00, 17, ORIGIN);
        assertThat(adminLock.take("lpar00", WparName.of("nosuch"), 17, ORIGIN))
                .isInstanceOf(AdminLockOutcome.WparAbsent.class);
    }

    @Test
    void everyLockCommandIsInTheTranscripts() {
        adminLock.take("lpar00", WPR00, 17, ORIGIN);
        adminLock.release("lpar00", WPR00, 17, ORIGIN);
        assertThat(shell.transcripts.forProcessInstance("pi-1")).extracting(r -> r.command())
                .containsExactly("/usr/lib/wpars/wparlockctl -l -p 17 -o 6 wpr00",
                        "/usr/lib/wpars/wparlockctl -u -p 17 -o 6 wpr00");
    }
}
