package dev.wparflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.wparflow.testsupport.TestFleets;

/**
 * Resource controls over SSH (Redbook chapter 8): Examples 8-1 to 8-5 line by line, the rules of 8.2.1 per WPAR and
 * across the running WPARs of an LPAR, -R on mkwpar, chwpar, restwpar -M, spec files, and lswpar -R / -c -R / -L.
 */
class ResourceControlsTest {
    @RegisterExtension
    static final SimulatedFleet sim = SimulatedFleet.yaml(TestFleets.yaml("resource-controls")).instantCommands();

    static final String RULE = "=".repeat(65) + "\n";
    static final String STARS = "*".repeat(70) + "\n";

    SimSsh.Result ok(String host, String line) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, line);
        assertThat(r.exit()).as(host + ": " + line + " " + r).isZero();
        return r;
    }

    /** A refusal: exit 1, nothing on stdout, the banner of Example 8-4 around {@code message} on stderr. */
    void refused(String host, String line, String message) throws Exception {
        SimSsh.Result r = sim.ssh().run(host, line);
        assertThat(r.exit()).as(line).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(STARS + "**ERROR: " + message + "\n" + STARS);
    }

    static String block(String name, String state, String cpuShares, String cpu, String memShares, String mem,
                        String virt, String procs, String threads) {
        return RULE + name + " - " + state + "\n" + RULE
                + "Active:                            yes\n"
                + "RSet:\n"
                + "CPU Shares:                        " + cpuShares + "\n"
                + "CPU Limits:                        " + cpu + "\n"
                + "Memory Shares:                     " + memShares + "\n"
                + "Memory Limits:                     " + mem + "\n"
                + "Per-Process Virtual Memory Limit:  " + virt + "\n"
                + "Total Processes:                   " + procs + "\n"
                + "Total Threads:                     " + threads + "\n";
    }

    String lswparR(String wpar) throws Exception {
        return ok("lpar00", "lswpar -R " + wpar).out();
    }

    @Test
    void examples8_1To8_4ChangeMySysWparStepByStep() throws Exception {
        String u = "unlimited";
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", u, "0%-100%,100%", u, "0%-100%,100%", u, u, u));
        // Example 8-1
        assertThat(ok("lpar00", "chwpar -R shares_CPU=10 MySysWpar").out()).isEmpty();
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", "10", "0%-100%,100%", u, "0%-100%,100%", u, u, u));
        // Example 8-2
        ok("lpar00", "chwpar -R CPU=6%-30%,45% MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", "10", "6%-30%,45%", u, "0%-100%,100%", u, u, u));
        // Example 8-3
        ok("lpar00", "chwpar -R shares_memory=20 MySysWpar");
        ok("lpar00", "chwpar -R memory=5%-100%,100% MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", "10", "6%-30%,45%", "20", "5%-100%,100%", u, u, u));
        // Example 8-4 (its listing shows memory 5%-10%,20%, set in between)
        ok("lpar00", "chwpar -R memory=5%-10%,20% MySysWpar");
        ok("lpar00", "chwpar -R totalProcesses=128 MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", "10", "6%-30%,45%", "20", "5%-10%,20%", u, "128", u));
        refused("lpar00", "chwpar -R totalThreads=64 MySysWpar", "resources.totalThreads (64) must be >= totalProcesses (128)");
        assertThat(lswparR("MySysWpar")).as("a refused change changes nothing").contains("Total Threads:                     unlimited");
        ok("lpar00", "chwpar -R totalThreads=512 MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", "10", "6%-30%,45%", "20", "5%-10%,20%", u, "128", "512"));
        assertThat(sim.fleet().host("lpar00").wpar("MySysWpar").orElseThrow().state().letter()).as("dynamic").isEqualTo('A');
    }

    @Test
    void example8_5ShowsTheVirtualMemoryLimitInMegabytes() throws Exception {
        ok("lpar00", "chwpar -R procVirtMem=1TB MySysWpar");
        assertThat(lswparR("MySysWpar")).contains("Per-Process Virtual Memory Limit:  1048576MB\n");
        ok("lpar00", "chwpar -R procVirtMem=2GB rset=sys/node.04.00000 active=no MySysWpar");
        assertThat(lswparR("MySysWpar")).contains("Active:                            no\n",
                "RSet:                              sys/node.04.00000\n", "Per-Process Virtual Memory Limit:  2048MB\n");
    }

    @Test
    void eachWparsOwnRulesRefuseAndChangeNothing() throws Exception {
        refused("lpar00", "chwpar -R CPU=40%-30%,45% MySysWpar",
                "resources.CPU (40%-30%,45%): the minimum must not exceed the soft maximum");
        refused("lpar00", "chwpar -R memory=5%-50%,45% MySysWpar",
                "resources.memory (5%-50%,45%): the soft maximum must not exceed the hard maximum");
        refused("lpar00", "chwpar -R CPU=5%-50%,101% MySysWpar",
                "resources.CPU (5%-50%,101%): a percentage must be between 0 and 100");
        refused("lpar00", "chwpar -R CPU=half MySysWpar", "resources.CPU (half) must have the form <min>%-<sMax>%,<hMax>%");
        refused("lpar00", "chwpar -R shares_CPU=0 MySysWpar",
                "resources.shares_CPU (0) must be a number of shares from 1 to 65535");
        refused("lpar00", "chwpar -R shares_memory=65536 MySysWpar",
                "resources.shares_memory (65536) must be a number of shares from 1 to 65535");
        refused("lpar00", "chwpar -R procVirtMem=1PB MySysWpar",
                "resources.procVirtMem (1PB) must have the form <n>[MB | GB | TB]");
        refused("lpar00", "chwpar -R cpus=2 MySysWpar", "resources.cpus is not a resource control attribute");
        // one refused attribute refuses the whole -R
        refused("lpar00", "chwpar -R shares_CPU=10 totalProcesses=100 totalThreads=50 MySysWpar",
                "resources.totalThreads (50) must be >= totalProcesses (100)");
        assertThat(lswparR("MySysWpar")).contains("CPU Shares:                        unlimited\n");
        // two decimal places (RB:11945)
        ok("lpar00", "chwpar -R CPU=2.5%-30.25%,45% MySysWpar");
        assertThat(lswparR("MySysWpar")).contains("CPU Limits:                        2.5%-30.25%,45%\n");
    }

    @Test
    void theMinimumsOfTheRunningWparsMustNotExceed100() throws Exception {
        // wpr00 runs with 60%; wpr01 asks for 50%: its start is refused and it stays Defined (RB:1032)
        refused("lpar00", "startwpar wpr01", "resources.CPU: the sum of the minimum percentages of the running workload"
                + " partitions (110%) must not exceed 100%");
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr01=D");
        assertThat(sim.fleet().host("lpar00").wpar("wpr01").orElseThrow().lock).isNull();
        // a Defined WPAR may be given any minimum; the sum counts when it runs
        ok("lpar00", "chwpar -R CPU=70%-80%,90% wpr01");
        // an Active WPAR's change is checked against the others (60 + 45 > 100)
        refused("lpar00", "chwpar -R CPU=45%-50%,60% MySysWpar", "resources.CPU: the sum of the minimum percentages of"
                + " the running workload partitions (105%) must not exceed 100%");
        ok("lpar00", "chwpar -R CPU=40%-50%,60% MySysWpar");
        // mkwpar -s refuses before it creates anything
        refused("lpar00", "mkwpar -s -n wpr02 -R CPU=1%-50%,60%", "resources.CPU: the sum of the minimum percentages of"
                + " the running workload partitions (101%) must not exceed 100%");
        assertThat(sim.fleet().host("lpar00").states()).doesNotContain("wpr02=");
        ok("lpar00", "mkwpar -n wpr02 -R CPU=1%-50%,60%");
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr02=D");
        // memory minimums too: wpr01 asks for 10% of memory, the others 0
        ok("lpar00", "chwpar -R memory=95%-100%,100% MySysWpar");
        ok("lpar00", "stopwpar wpr00");
        ok("lpar00", "chwpar -R CPU=10%-80%,90% wpr01");
        refused("lpar00", "startwpar wpr01", "resources.memory: the sum of the minimum percentages of the running"
                + " workload partitions (105%) must not exceed 100%");
        // active=no: the controls are kept but not applied, so its minimums do not count
        ok("lpar00", "chwpar -R active=no wpr01");
        ok("lpar00", "startwpar wpr01");
        assertThat(sim.fleet().host("lpar00").states()).contains("wpr01=A");
        assertThat(lswparR("wpr01")).contains("Active:                            no\n",
                "CPU Limits:                        10%-80%,90%\n");
    }

    @Test
    void wparexecTakesResourceControlsAndStartsOnlyWithinTheMinimums() throws Exception {
        refused("lpar00", "wparexec -n app02 -R CPU=41%-50%,60% /usr/bin/sleep", "resources.CPU: the sum of the minimum"
                + " percentages of the running workload partitions (101%) must not exceed 100%");
        assertThat(sim.fleet().host("lpar00").states()).doesNotContain("app02=");
        ok("lpar00", "wparexec -n app02 -R shares_CPU=30 shares_memory=30 /usr/bin/sleep");
        assertThat(lswparR("app02")).contains("CPU Shares:                        30\n",
                "Memory Shares:                     30\n");
    }

    @Test
    void mkwparTakesResourceControlsAndTheSpecFileCarriesThem() throws Exception {
        ok("lpar00", "mkwpar -n wpr05 -N address=9.3.5.190 -R shares_CPU=15 CPU=5%-40%,50% procVirtMem=512MB"
                + " totalProcesses=200 totalThreads=400");
        assertThat(lswparR("wpr05")).isEqualTo(block("wpr05", "Defined", "15", "5%-40%,50%", "unlimited",
                "0%-100%,100%", "512MB", "200", "400"));
        ok("lpar00", "mkwpar -w -o /tmp/wpr05.spec -e wpr05");
        String spec = new String(sim.fleet().host("lpar00").file("/tmp/wpr05.spec"));
        assertThat(spec).contains("resources:\n\tactive = \"yes\"\n\tshares_CPU = \"15\"\n\tCPU = \"5%-40%,50%\"\n"
                + "\tprocVirtMem = \"512MB\"\n\ttotalProcesses = \"200\"\n\ttotalThreads = \"400\"\n");
        // the spec's resources stanza, with -R on top of it
        ok("lpar00", "mkwpar -n wpr06 -f /tmp/wpr05.spec -h wpr06 -N address=9.3.5.191 -R shares_CPU=20");
        assertThat(lswparR("wpr06")).isEqualTo(block("wpr06", "Defined", "20", "5%-40%,50%", "unlimited",
                "0%-100%,100%", "512MB", "200", "400"));
        // the /etc/wpars/NAME.cf of a chwpar keeps them too
        ok("lpar00", "chwpar -R shares_memory=30 wpr06");
        assertThat(new String(sim.fleet().host("lpar00").file("/etc/wpars/wpr06.cf"))).contains("\tshares_memory = \"30\"\n");
        // a spec whose resources break a rule is refused before anything is created
        sim.fleet().host("lpar00").writeFile("/tmp/bad.spec", spec.replace("totalThreads = \"400\"", "totalThreads = \"100\""));
        refused("lpar00", "mkwpar -n wpr07 -f /tmp/bad.spec", "resources.totalThreads (100) must be >= totalProcesses (200)");
        assertThat(sim.fleet().host("lpar00").states()).doesNotContain("wpr07=");
        refused("lpar00", "mkwpar -n wpr07 -R shares_CPU=none", "resources.shares_CPU (none) must be a number of shares from 1 to 65535");
        assertThat(sim.fleet().host("lpar00").states()).doesNotContain("wpr07=");
    }

    @Test
    void restwparRestoresTheImagesControlsAndMOverridesThem() throws Exception {
        ok("lpar00", "chwpar -R shares_CPU=12 memory=3%-50%,70% MySysWpar");
        ok("lpar00", "savewpar -f /tmp/my.save MySysWpar");
        ok("lpar00", "restwpar -n clone1 -h clone1 -M '-N address=9.3.5.200' -f /tmp/my.save");
        assertThat(lswparR("clone1")).isEqualTo(block("clone1", "Defined", "12", "0%-100%,100%", "unlimited",
                "3%-50%,70%", "unlimited", "unlimited", "unlimited"));
        // restwpar -M passes mkwpar flags, -R among them, over the image's spec
        ok("lpar00", "restwpar -n clone2 -h clone2 -M '-N address=9.3.5.201 -R shares_CPU=7 CPU=2%-20%,30%' -f /tmp/my.save");
        assertThat(lswparR("clone2")).isEqualTo(block("clone2", "Defined", "7", "2%-20%,30%", "unlimited",
                "3%-50%,70%", "unlimited", "unlimited", "unlimited"));
        refused("lpar00", "restwpar -n clone3 -h clone3 -M '-N address=9.3.5.202 -R CPU=50%-20%,30%' -f /tmp/my.save",
                "resources.CPU (50%-20%,30%): the minimum must not exceed the soft maximum");
        // restwpar -s starts what it restores: the running minimums are checked first (60 + 41 > 100)
        // (after the image's listing, as restwpar reads the image first)
        SimSsh.Result started = sim.ssh().run("lpar00",
                "restwpar -s -n clone3 -h clone3 -M '-N address=9.3.5.202 -R CPU=41%-50%,60%' -f /tmp/my.save");
        assertThat(started.exit()).isEqualTo(1);
        assertThat(started.out()).startsWith("New volume on /tmp/my.save:").doesNotContain("Creating file systems");
        assertThat(started.err()).isEqualTo(STARS + "**ERROR: resources.CPU: the sum of the minimum percentages of the"
                + " running workload partitions (101%) must not exceed 100%\n" + STARS);
        assertThat(sim.fleet().host("lpar00").states()).doesNotContain("clone3=");
    }

    @Test
    void lswparDelimitedAndLongFormatsShowTheControls() throws Exception {
        ok("lpar00", "chwpar -R procVirtMem=1TB MySysWpar");
        assertThat(ok("lpar00", "lswpar -c -R MySysWpar wpr00").out()).isEqualTo(
                "#name:active:rset:shares_CPU:CPU:shares_memory:memory:procVirtMem:totalProcesses:totalThreads\n"
                        + "MySysWpar:yes::unlimited:0%-100%,100%:unlimited:0%-100%,100%:1048576MB:unlimited:unlimited\n"
                        + "wpr00:yes::10:60%-100%,100%:unlimited:0%-100%,100%:unlimited:unlimited:unlimited\n");
        assertThat(ok("lpar00", "lswpar -d , -q -R wpr00").out())
                .isEqualTo("wpr00,yes,,10,60%-100%\\,100%,unlimited,0%-100%\\,100%,unlimited,unlimited,unlimited\n");
        assertThat(ok("lpar00", "lswpar -L wpr00").out()).contains("RESOURCE CONTROLS\n"
                + "Active:                            yes\nRSet:\nCPU Shares:                        10\n"
                + "CPU Limits:                        60%-100%,100%\n");
    }

    @Test
    void chwparRIsShownByLswparRAndLAndKPutsTheDefaultsBack() throws Exception {
        String u = "unlimited";
        ok("lpar00", "chwpar -R shares_CPU=30 CPU=6%-30%,45% totalProcesses=128 totalThreads=512 MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", "30", "6%-30%,45%", u, "0%-100%,100%",
                u, "128", "512"));
        assertThat(ok("lpar00", "lswpar -L MySysWpar").out()).contains("RESOURCE CONTROLS\n"
                + "Active:                            yes\nRSet:\nCPU Shares:                        30\n"
                + "CPU Limits:                        6%-30%,45%\n", "Total Processes:                   128\n");

        // IBM's chwpar reference: -K -R attr ... removes the values, the defaults of Table 8-2 apply again
        ok("lpar00", "chwpar -K -R shares_CPU totalProcesses totalThreads MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", u, "6%-30%,45%", u, "0%-100%,100%",
                u, u, u));
        ok("lpar00", "chwpar -K -R CPU MySysWpar");
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", u, "0%-100%,100%", u, "0%-100%,100%",
                u, u, u));
        refused("lpar00", "chwpar -K -R cpus MySysWpar", "resources.cpus is not a resource control attribute");
    }

    @Test
    void anIgnoreFaultMakesChwparSucceedWithoutChangingAnything() throws Exception {
        String u = "unlimited";
        sim.fleet().faults().add(dev.wparflow.simulator.fault.FaultRule.on("lpar00").command("chwpar").ignore().once()
                .build());
        SimSsh.Result r = ok("lpar00", "chwpar -R shares_CPU=30 MySysWpar");
        assertThat(r.out() + r.err()).isEmpty();
        assertThat(lswparR("MySysWpar")).isEqualTo(block("MySysWpar", "Active", u, "0%-100%,100%", u, "0%-100%,100%",
                u, u, u));
        ok("lpar00", "chwpar -R shares_CPU=30 MySysWpar");
        assertThat(lswparR("MySysWpar")).contains("CPU Shares:                        30\n");
    }
}
