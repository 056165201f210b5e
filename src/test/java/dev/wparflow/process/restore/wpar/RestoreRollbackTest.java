package dev.wparflow.process.restore.wpar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparName;
import dev.wparflow.process.restore.RestwparService;
import dev.wparflow.process.restore.clone.WparCloneService;
import dev.wparflow.process.restore.wpar.WparRestoreService.Existing;
import dev.wparflow.process.restore.wpar.WparRestoreService.PartialRemoval;
import dev.wparflow.process.restore.wpar.WparRestoreService.Rollback;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.testsupport.SimulatedFleetShell;
import dev.wparflow.testsupport.TestFleets;

/**
 * The rollback steps of a failed restore over SSH against the simulator, including the situations the ITs do not
 * reach: each step repeated (a retried job) reaches the same end state; a WPAR of the name that restwpar did not make
 * (another directory) and a renamed original that vanished are left alone and become incidents naming what is where.
 */
class RestoreRollbackTest {

    static final String FLEET = TestFleets.yaml("restore-rollback");
    static final Origin ORIGIN = new Origin("pi-1", "Task_RemovePartialRestore");
    static final WparName WPR00 = WparName.of("wpr00");
    static final WparName WPR00OLD = WparName.of("wpr00old");

    @TempDir
    Path dir;
    Fleet fleet;
    SimulatedFleetShell shell;
    WparRestoreService restores;
    WparCloneService clones;

    @BeforeEach
    void setUp() throws Exception {
        fleet = Fleet.startYaml(FLEET, FleetOptions.forTests().dataDir(dir));
        shell = new SimulatedFleetShell(fleet, "lpar00");
        // only the shell is used by the rollback steps
        AixGateway aix = new AixGateway(shell.aix);
        RestwparService restwpar = new RestwparService(aix, null, null, null, null,
                new AbstractPlatformTransactionManager() {
                private static final long serialVersionUID = 1L;

                @Override
                protected Object doGetTransaction() {
                    return new Object();
                }

                @Override
                protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition d) {
                }

                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                }

                @Override
                protected void doRollback(DefaultTransactionStatus status) {
                }
                });
        restores = new WparRestoreService(aix, restwpar);
        clones = new WparCloneService(aix, restwpar);
    }

    @AfterEach
    void tearDown() {
        shell.close();
        fleet.close();
    }

    String lswpar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fleet.host("lpar00").runLine("root", "lswpar -c -q -a name,state,hostname,directory", out,
                new ByteArrayOutputStream(), () -> { });
        return String.join(" ", out.toString(StandardCharsets.UTF_8).strip().lines().sorted().toList());
    }

    @Test
    void renamedAsideTheLeftoverGoesThenTheOriginalGetsItsNameBackAndStarts() {
        PartialRemoval removal = restores.removePartialRestore(ORIGIN, "lpar00", WPR00, Existing.RENAME, WPR00OLD,
                "ACTIVE", "/wpars/wpr00", "img-1", "/images/lpar00_wpr00_1.save");
        assertThat(removal.next()).isEqualTo(Rollback.RENAME_BACK);
        assertThat(removal.note()).isEqualTo("what restwpar left of lpar00/wpr00 (BROKEN) was removed");
        assertThat(lswpar()).isEqualTo("wpr00old:D:wpr00new:/wpars/wpr00new");

        assertThat(restores.renameBack(ORIGIN, "lpar00", WPR00, WPR00OLD))
                .isEqualTo("the original lpar00/wpr00old was renamed back to wpr00");
        assertThat(restores.renameBack(ORIGIN, "lpar00", WPR00, WPR00OLD)).as("repeated")
                .isEqualTo("the original is back as lpar00/wpr00");
        assertThat(restores.restartOriginal(ORIGIN, "lpar00", WPR00)).contains("restarted");
        restores.restartOriginal(ORIGIN, "lpar00", WPR00);
        assertThat(lswpar()).isEqualTo("wpr00:A:wpr00new:/wpars/wpr00new");
        assertThat(fleet.log().entries("lpar00").stream().filter(e -> e.command().equals("startwpar"))).hasSize(1);

        // a retried removal after the rename back must not take the original for a leftover
        assertThatThrownBy(() -> restores.removePartialRestore(ORIGIN, "lpar00", WPR00, Existing.RENAME, WPR00OLD,
                "ACTIVE", "/wpars/wpr00", "img-1", "/images/x.save")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the renamed original lpar00/wpr00old is not there");
        assertThat(lswpar()).isEqualTo("wpr00:A:wpr00new:/wpars/wpr00new");
    }

    @Test
    void removedTheLeftoverGoesAndTheOutcomeNamesTheImage() {
        PartialRemoval removal = restores.removePartialRestore(ORIGIN, "lpar00", WPR00, Existing.REMOVE, null,
                "ACTIVE", "/wpars/wpr00", "img-1", "/images/lpar00_wpr00_1.save");
        assertThat(removal.next()).isEqualTo(Rollback.ABSENT);
        assertThat(removal.note()).contains("(BROKEN) was removed", "lpar00/wpr00 is ABSENT",
                "removed before the restore (existing=remove)", "image img-1 (/images/lpar00_wpr00_1.save)",
                "GET /api/images?lpar=lpar00&wpar=wpr00");
        assertThat(lswpar()).isEqualTo("wpr00old:D:wpr00new:/wpars/wpr00new");

        PartialRemoval again = restores.removePartialRestore(ORIGIN, "lpar00", WPR00, Existing.REMOVE, null,
                "ACTIVE", "/wpars/wpr00", "img-1", "/images/lpar00_wpr00_1.save");
        assertThat(again.note()).startsWith("restwpar left no WPAR lpar00/wpr00");
    }

    @Test
    void aWparOfTheNameInAnotherDirectoryIsNotWhatRestwparLeft() {
        assertThatThrownBy(() -> restores.removePartialRestore(ORIGIN, "lpar00", WPR00, Existing.REMOVE, null, null,
                "/wpars/elsewhere", "img-1", "/images/x.save")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lpar00/wpr00 is in /wpars/wpr00, restwpar was creating /wpars/elsewhere")
                .hasMessageContaining("lpar00/wpr00 is ABSENT, as it was before the restore");
        assertThatThrownBy(() -> clones.removePartialClone(ORIGIN, "lpar00", WPR00, "/wpars/clone"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not what restwpar left");
        assertThat(lswpar()).contains("wpr00:B:wpr00:/wpars/wpr00");
    }

    @Test
    void renameBackRefusesWhenBothOrNeitherExist() {
        assertThatThrownBy(() -> restores.renameBack(ORIGIN, "lpar00", WPR00, WPR00OLD))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists beside the renamed original");
        assertThatThrownBy(() -> restores.renameBack(ORIGIN, "lpar00", WparName.of("wpr09"), WparName.of("wpr09old")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither lpar00/wpr09old nor lpar00/wpr09");
    }

    @Test
    void theSpecsBaseDirectoryIsTheGeneralStanzasNotAMountsOne() {
        String spec = """
                general:
                \tname = "wpr00"
                \thostname = "wpr00"
                \tdirectory = "/wpars/wpr00x"

                mount:
                \tdirectory = "/home"
                \tvfs = "jfs2"
                """;
        assertThat(WparRestoreService.specDirectory(spec, "wpr00")).isEqualTo("/wpars/wpr00x");
        assertThat(WparRestoreService.specDirectory("mount:\n\tdirectory = \"/home\"\n", "wpr00"))
                .isEqualTo("/wpars/wpr00");
        assertThat(WparRestoreService.specDirectory(null, "wpr07")).isEqualTo("/wpars/wpr07");
    }
}
