package dev.wparflow.simulator;

import static dev.wparflow.simulator.Transcripts.assertLines;
import static dev.wparflow.simulator.Transcripts.assertStartsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.TestFleets;

/**
 * Replays the Redbook's chapter 4 transcripts (SG24-7431, Examples 4-2 to 4-24; digest sections
 * 1.1 to 1.21) over SSH and compares line by line. Lines the book elides with "." are left out of
 * the expectations; PIDs, file counts, sizes and dates are {n}/{date}.
 */
class RedbookChapter4Test {
    static final String FLEET = TestFleets.yaml("redbook-chapter4");

    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(FLEET);
    ClientSession lpar00;

    @BeforeEach
    void connect() throws Exception {
        lpar00 = sim.ssh().session("lpar00");
    }

    @AfterEach
    void disconnect() throws Exception {
        lpar00.close();
    }

    SimSsh.Result run(String cmd) throws Exception {
        return SimSsh.exec(lpar00, cmd);
    }

    static final String SYNCROOT = """
            syncroot: Processing root part installation status.
            syncroot: Installp root packages are currently synchronized.
            syncroot: RPM root packages are currently synchronized.
            syncroot: Root part is currently synchronized.
            syncroot: Returns Status = SUCCESS
            """;

    @Test
    void example_4_2_and_4_3_mkwpar_then_lswpar() throws Exception {
        SimSsh.Result r = run("mkwpar -n wpr00 -N address=9.3.5.182");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        // RB:2458-2496 (the book's ". . ." between Mounting and syncroot are elided lines)
        assertLines(r.out(), """
                mkwpar: Creating file systems...
                /
                /home
                /opt
                /proc
                /tmp
                /usr
                /var
                Mounting all workload partition file systems.
                """ + SYNCROOT + """
                Workload partition wpr00 created successfully.
                mkwpar: 0960-390 To start the workload partition, execute the following as root: startwpar [-v] wpr00
                """);
        // RB:2506-2514
        assertLines(run("lswpar").out(), """
                Name   State  Type  Hostname  Directory
                -------------------------------------------
                wpr00  D      S     wpr00     /wpars/wpr00
                """);
    }

    @Test
    void example_4_4_startwpar_4_7_stopwpar_4_9_rebootwpar() throws Exception {
        run("mkwpar -n wpr00 -N address=9.3.5.182");
        SimSsh.Result start = run("startwpar wpr00");
        assertThat(start.exit()).isZero();
        assertLines(start.out(), """
                Starting workload partition wpr00.
                Mounting all workload partition file systems.
                Loading workload partition.
                Exporting workload partition devices.
                Starting workload partition subsystem cor_wpr00.
                0513-059 The cor_wpr00 Subsystem has been started. Subsystem PID is {n}.
                Verifying workload partition startup.
                """);
        assertLines(run("lswpar").out(), """
                Name   State  Type  Hostname  Directory
                -------------------------------------------
                wpr00  A      S     wpr00     /wpars/wpr00
                """);
        assertThat(run("uname -W").out()).isEqualTo("0\n");
        SimSsh.Result reboot = run("rebootwpar wpr00");
        assertLines(reboot.out(), """
                Stopping workload partition wpr00.
                Stopping workload partition subsystem cor_wpr00.
                0513-044 The cor_wpr00 Subsystem was requested to stop.
                stopwpar: 0960-261 Waiting up to 600 seconds for workload partition to halt.
                Shutting down all workload partition processes.
                Unmounting all workload partition file systems.
                Starting workload partition wpr00.
                Mounting all workload partition file systems.
                Loading workload partition.
                Exporting workload partition devices.
                Starting workload partition subsystem cor_wpr00.
                0513-059 The cor_wpr00 Subsystem has been started. Subsystem PID is {n}.
                Verifying workload partition startup.
                """);
        SimSsh.Result stop = run("stopwpar wpr00");
        assertThat(stop.exit()).isZero();
        assertLines(stop.out(), """
                Stopping workload partition wpr00.
                Stopping workload partition subsystem cor_wpr00.
                0513-044 The cor_wpr00 Subsystem was requested to stop.
                stopwpar: 0960-261 Waiting up to 600 seconds for workload partition to halt.
                Shutting down all workload partition processes.
                Unmounting all workload partition file systems.
                """);
        assertThat(sim.fleet().host("lpar00").states()).isEqualTo("{wpr00=D}");
    }

    @Test
    void example_4_6_clogin() throws Exception {
        run("mkwpar -n wpr00 -N address=9.3.5.182");
        run("startwpar wpr00");
        assertThat(run("clogin wpr00 hostname").out()).isEqualTo("wpr00\n");
        assertThat(run("clogin wpr00 uname -W").out()).isEqualTo("1\n");
        assertThat(run("clogin wpr00").out()).contains("*  Welcome to AIX Version 6.1!", "on /dev/Global from lpar00");
    }

    @Test
    void example_4_12_chwpar_rename() throws Exception {
        run("mkwpar -n wpr00 -N address=9.3.5.182");
        run("startwpar wpr00");
        SimSsh.Result refused = run("chwpar -n mynewname wpr00");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("chwpar: 0960-053 Cannot change the name (-n) of a running workload partition.\n");
        run("stopwpar wpr00");
        assertThat(run("chwpar -n mynewname wpr00").exit()).isZero();
        assertLines(run("lswpar").out(), """
                Name       State  Type  Hostname  Directory
                -----------------------------------------------
                mynewname  D      S     wpr00     /wpars/wpr00
                """);
    }

    @Test
    void example_4_14_rmwpar() throws Exception {
        run("mkwpar -n wpr00 -N address=9.3.5.182");
        int freeBefore = sim.fleet().host("lpar00").model().volumeGroups.get("rootvg").freePps();
        SimSsh.Result r = run("rmwpar wpr00");
        assertThat(r.exit()).isZero();
        assertLines(r.out(), """
                rmwpar: Removing file system /wpars/wpr00/var.
                rmlv: Logical volume fslv03 is removed.
                rmwpar: Removing file system /wpars/wpr00/usr.
                rmwpar: Removing file system /wpars/wpr00/tmp.
                rmlv: Logical volume fslv02 is removed.
                rmwpar: Removing file system /wpars/wpr00/proc.
                rmwpar: Removing file system /wpars/wpr00/opt.
                rmwpar: Removing file system /wpars/wpr00/home.
                rmlv: Logical volume fslv01 is removed.
                rmwpar: Removing file system /wpars/wpr00.
                rmlv: Logical volume fslv00 is removed.
                """);
        assertThat(run("lswpar").out()).isEmpty();
        assertThat(sim.fleet().host("lpar00").model().volumeGroups.get("rootvg").freePps()).isEqualTo(freeBefore + 4);
        assertThat(sim.fleet().host("lpar00").model().files.exists("/wpars/wpr00")).isFalse();
    }

    /** Examples 4-19 (savewpar), 4-20 (rmwpar + restwpar), 4-21 (clone on the same host), 4-22 (another LPAR, datavg). */
    @Test
    void examples_4_19_to_4_22_backup_restore_clone() throws Exception {
        run("mkwpar -n wpr00 -N address=9.3.5.182 -M directory=/WebSphere vfs=jfs2 size=1G lvname=fslv09");
        sim.fleet().host("lpar00").writeFile("/wpars/wpr00/usr/WebSphere/AppServer/version.txt", "7.0.0.1\n");
        assertThat(run("hostname").out()).isEqualTo("lpar00\n");
        SimSsh.Result save = run("savewpar -f /backup/wpr00.save wpr00");
        assertThat(save.exit()).isZero();
        assertLines(save.out(), """

                Creating list of files to back up.
                Backing up {n} files
                {n} of {n} files (100%)
                0512-038 savewpar: Backup Completed Successfully.
                """);
        assertThat(sim.fleet().host("lpar00").file("/tmp/wpardata/wpr00/image.data")).isNotNull();
        assertThat(new String(sim.fleet().host("lpar00").file("/backup/wpr00.save"))).startsWith("#wparflow-savewpar 1");

        // Example 4-20
        assertLines(run("rmwpar wpr00").out(), """
                rmwpar: Removing file system /wpars/wpr00/var.
                rmlv: Logical volume fslv03 is removed.
                rmwpar: Removing file system /wpars/wpr00/usr.
                rmwpar: Removing file system /wpars/wpr00/tmp.
                rmlv: Logical volume fslv02 is removed.
                rmwpar: Removing file system /wpars/wpr00/proc.
                rmwpar: Removing file system /wpars/wpr00/opt.
                rmwpar: Removing file system /wpars/wpr00/home.
                rmlv: Logical volume fslv01 is removed.
                rmwpar: Removing file system /wpars/wpr00/WebSphere.
                rmlv: Logical volume fslv09 is removed.
                rmwpar: Removing file system /wpars/wpr00.
                rmlv: Logical volume fslv00 is removed.
                """);
        SimSsh.Result rest = run("restwpar -f /backup/wpr00.save");
        assertThat(rest.exit()).as(rest.err()).isZero();
        String restoreHeader = """
                New volume on /backup/wpr00.save:
                Cluster size is 51200 bytes (100 blocks).
                The volume number is 1.
                The backup date is: {date}
                Files are backed up by name.
                The user is root.
                x {n} ./.savewpar_dir/wpar.spec
                x {n} ./.savewpar_dir/image.data
                x {n} ./.savewpar_dir/backup.data
                The total size is {n} bytes.
                The number of restored files is 3.
                mkwpar: Creating file systems...
                /
                Creating logical volume 'fslv00' specified in image.data
                """;
        assertStartsWith(rest.out(), restoreHeader);
        assertThat(Transcripts.lines(rest.out())).containsSubsequence("The number of restored files is " + 2161 + ".",
                "syncroot: Returns Status = SUCCESS", "Workload partition wpr00 created successfully.",
                "mkwpar: 0960-390 To start the workload partition, execute the following as root: startwpar [-v] wpr00");
        assertThat(new String(sim.fleet().host("lpar00").file("/wpars/wpr00/usr/WebSphere/AppServer/version.txt"))).isEqualTo("7.0.0.1\n");

        // Example 4-21: clone on the same global environment; the LVs exist, so they are renamed
        SimSsh.Result clone = run("restwpar -n wpr01 -h wpr01 -d /wpars/wpr01 -M '-N address=9.3.5.183' -U -f /backup/wpr00.save");
        assertThat(clone.exit()).as(clone.err()).isZero();
        assertThat(Transcripts.lines(clone.out())).contains(
                "ATTENTION: Logical volume 'fslv00' is not unique. Renaming to 'wlv0'.",
                "Creating logical volume 'wlv0' specified in image.data",
                "Workload partition wpr01 created successfully.");
        assertThat(sim.fleet().host("lpar00").wpar("wpr01").orElseThrow().address).isEqualTo("9.3.5.183");

        // Example 4-22: the golden image and an edited image.data (rootvg -> datavg) on lpar01
        var lpar01 = sim.fleet().host("lpar01");
        lpar01.writeFile("/backup/wpr00.save", new String(sim.fleet().host("lpar00").file("/backup/wpr00.save")));
        lpar01.writeFile("/backup/image.data.rootvg", new String(sim.fleet().host("lpar00").file("/tmp/wpardata/wpr00/image.data"))
                .replace("rootvg", "datavg").replace("hdisk0", "hdisk1"));
        try (ClientSession s = sim.ssh().session("lpar01")) {
            SimSsh.Result r = SimSsh.exec(s, "restwpar -n wpr01 -h wpr01 -d /wpars/wpr01 -i /backup/image.data.rootvg "
                    + "-M '-N address=9.3.5.184' -U -f /backup/wpr00.save");
            assertThat(r.exit()).as(r.err()).isZero();
            assertLines(String.join("\n", Transcripts.lines(r.out()).subList(11, 17)), """
                    mkwpar: Creating file systems...
                    /
                    ATTENTION: Logical volume 'fslv00' is not unique. Renaming to 'wlv0'.
                    Creating logical volume 'wlv0' specified in image.data
                    Creating file system '/' specified in image.data
                    /WebSphere
                    """);
            assertThat(SimSsh.exec(s, "hostname").out()).isEqualTo("lpar01\n");
            assertThat(SimSsh.exec(s, "uname -W").out()).isEqualTo("0\n");
            assertLines(SimSsh.exec(s, "lswpar").out(), """
                    Name   State  Type  Hostname  Directory
                    -------------------------------------------
                    wpr01  D      S     wpr01     /wpars/wpr01
                    """);
            // RB:4049-4069
            assertLines(SimSsh.exec(s, "lsvg -l datavg").out(), """
                    datavg:
                    LV NAME             TYPE       LPs     PPs     PVs  LV STATE      MOUNT POINT
                    loglv00             jfs2log    1       1       1    open/syncd    N/A
                    fslv00              jfs2       16      16      1    open/syncd    /backup
                    wlv0                jfs2       1       1       1    closed/syncd  /wpars/wpr01
                    fslv09              jfs2       8       8       1    closed/syncd  /wpars/wpr01/WebSphere
                    fslv01              jfs2       1       1       1    closed/syncd  /wpars/wpr01/home
                    fslv02              jfs2       1       1       1    closed/syncd  /wpars/wpr01/tmp
                    fslv03              jfs2       1       1       1    closed/syncd  /wpars/wpr01/var
                    """);
        }
    }

    /** Examples 4-23 and 4-24: the administrative lock. */
    @Test
    void examples_4_23_and_4_24_wparlockctl() throws Exception {
        run("mkwpar -n wpr00 -N address=9.3.5.182");
        run("startwpar wpr00");
        assertThat(run("/usr/lib/wpars/wparlockctl -l -p 385230 -o 6 wpr00").exit()).isZero();
        SimSsh.Result locked = run("stopwpar wpr00");
        assertThat(locked.exit()).isEqualTo(1);
        assertThat(locked.err()).isEqualTo("stopwpar: 0960-246 Workload partition wpr00 is currently locked by stopwpar (PID = 385230).\n");
        assertThat(run("/usr/lib/wpars/wparlockctl -u -p 385230 -o 6 wpr00").exit()).isZero();
        SimSsh.Result stop = run("stopwpar wpr00");
        assertThat(stop.exit()).isZero();
        assertLines(stop.out(), """
                Stopping workload partition wpr00.
                Stopping workload partition subsystem cor_wpr00.
                0513-044 The cor_wpr00 Subsystem was requested to stop.
                stopwpar: 0960-261 Waiting up to 600 seconds for workload partition to halt.
                Shutting down all workload partition processes.
                Unmounting all workload partition file systems.
                """);
    }
}
