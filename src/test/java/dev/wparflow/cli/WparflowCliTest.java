package dev.wparflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line against a stub of wparflow's HTTP API: parsing, requests, printing, exit statuses, settings. */
class WparflowCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> PASSWORD = Map.of("WPARFLOW_PASSWORD", "secret");

    @TempDir
    Path home;

    StubWparflow stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubWparflow();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    StubWparflow.Run run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = args[0];
        System.arraycopy(new String[] { "--url", stub.url(), "--user", "operator" }, 0, all, 1, 4);
        System.arraycopy(args, 1, all, 5, args.length - 1);
        return stub.run(home, null, PASSWORD, all);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ hmc and ssh

    @Test
    void hmcConnectionsPrintsTheLparToolsLinesOfTheHmcsOnly() {
        stub.on("GET /api/ssh/sessions?kind=hmc", 200, """
                [{"name":"hmc01","connected":true,"status":"hmc01: Master running (since 2026-12-05T10:00:00Z, 1 channel, idle 3s)","hmc":true},
                 {"name":"hmc02","connected":false,"status":"hmc02: not connected","hmc":true}]""");
        StubWparflow.Run r = run("hmc", "connections");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "hmc01: Master running (since 2026-12-05T10:00:00Z, 1 channel, idle 3s)", "hmc02: not connected");
        assertThat(stub.last("/api/ssh/sessions").authorization()).isEqualTo(basic("operator", "secret"));
    }

    @Test
    void sshConnectionsListsEveryHost() {
        stub.on("GET /api/ssh/sessions", 200, """
                [{"name":"hmc01","status":"hmc01: not connected"},{"name":"lpar00","status":"lpar00: not connected"}]""");
        assertThat(run("ssh", "connections").out()).isEqualTo("hmc01: not connected\nlpar00: not connected\n");
    }

    @Test
    void connectAndDisconnectPrintTheServersMessage() {
        stub.on("POST /api/ssh/sessions/hmc02/connect", 200, "{\"message\":\"master connection created\"}");
        stub.on("POST /api/ssh/sessions/hmc01/disconnect?force=true", 200,
                "{\"message\":\"connection to hmc01 terminated\",\"terminated\":true}");
        assertThat(run("hmc", "connect", "hmc02").out()).isEqualTo("master connection created\n");
        StubWparflow.Run r = run("hmc", "disconnect", "hmc01", "--force");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("connection to hmc01 terminated\n");
    }

    @Test
    void aRefusalPrintsTheServersMessageWithoutAStackTrace() {
        stub.on("POST /api/ssh/sessions/hmc01/connect", 403,
                "{\"status\":403,\"message\":\"user approver is not in wparflow-operators or camunda-admin\"}");
        StubWparflow.Run r = run("hmc", "connect", "hmc01");
        assertThat(r.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(r.err()).isEqualTo("wparflow: user approver is not in wparflow-operators or camunda-admin\n");
        assertThat(r.out()).isEmpty();
    }

    // ------------------------------------------------------------------ settings

    @Test
    void theUsersFileWinsKeyByKeyOverTheSystemWideFileAndOptionsWinOverBoth() throws Exception {
        stub.on("GET /api/ssh/sessions", 200, "[]");
        Path system = Files.writeString(home.resolve("system.cfg"),
                "# site\nURL " + stub.url() + "\nUser sitewide\nPasswordFile /nonexistent\n");
        Files.writeString(home.resolve(".wparflow.cfg"), "# mine\nuser   alice\npasswordfile ~/pw\n");
        Files.writeString(home.resolve("pw"), "from-file\n");

        StubWparflow.Run r = stub.run(home, system, Map.of(), "ssh", "connections");
        assertThat(r.status()).as(r.err()).isZero();
        // URL from the system-wide file, user and password file from the user's
        assertThat(stub.last("/api/ssh").authorization()).isEqualTo(basic("alice", "from-file"));

        stub.run(home, system, Map.of("WPARFLOW_PASSWORD", "from-env"), "ssh", "connections", "--user", "bob");
        assertThat(stub.last("/api/ssh").authorization()).isEqualTo(basic("bob", "from-env"));
    }

    @Test
    void configParsing() throws Exception {
        Path f = Files.writeString(home.resolve("a.cfg"), "URL=http://x:1\n\n  User  u1  \n");
        CliConfig c = CliConfig.load(f, home.resolve("missing.cfg"));
        assertThat(c.url()).isEqualTo("http://x:1");
        assertThat(c.user()).isEqualTo("u1");
        assertThat(c.readFrom()).containsExactly(f.toString());
        assertThat(CliConfig.load(null, null).url()).isEqualTo(CliConfig.DEFAULT_URL);

        Files.writeString(f, "ControlPersist 8h\n");
        StubWparflow.Run r = stub.run(home, f, PASSWORD, "ssh", "connections");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).contains("a.cfg line 1").contains("URL, User, PasswordFile").doesNotContain("\tat ");
    }

    @Test
    void noPasswordAnywhereIsExitFour() {
        StubWparflow.Run r = stub.run(home, null, Map.of(), "ssh", "connections", "--url", stub.url());
        assertThat(r.status()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(r.err()).contains("WPARFLOW_PASSWORD");
    }

    @Test
    void aWrongPasswordOrNoServerIsExitFour() throws Exception {
        stub.on("GET /api/ssh/sessions", 401, "");
        StubWparflow.Run r = run("ssh", "connections");
        assertThat(r.status()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(r.err()).contains("did not accept user operator");

        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        r = stub.run(home, null, PASSWORD, "ssh", "connections", "--url", "http://127.0.0.1:" + port);
        assertThat(r.status()).isEqualTo(ExitStatus.UNREACHABLE);
        assertThat(r.err()).startsWith("wparflow: cannot reach wparflow at http://127.0.0.1:" + port);
    }

    // ------------------------------------------------------------------ wpar

    @Test
    void wparListPrintsLswparsColumnsPlusTheLparAndPassesTheFilters() {
        stub.on("GET /api/wpars?host=lpar00&state=A&group=web", 200, """
                [{"lpar":"lpar00","name":"wpr00","type":"SYSTEM","state":"ACTIVE","hostname":"wpr00","directory":"/wpars/wpr00",
                  "softwareInSync":false,"driftingFilesets":[{"fileset":"bos.rte"},{"fileset":"bos.rte.libc"}]},
                 {"lpar":"lpar00","name":"wpr01","type":"SYSTEM","state":"ACTIVE","hostname":"wpr01","directory":"/wpars/wpr01",
                  "softwareInSync":true,"driftingFilesets":[]},
                 {"lpar":"lpar00","name":"app1","type":"APPLICATION","state":"DEFINED","hostname":"lpar00","directory":"/"}]""");
        StubWparflow.Run r = run("wpar", "list", "-l", "lpar00", "-s", "A", "-g", "web");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                Name   State  Type  Hostname  Directory     RootVG WPAR  LPAR    Software
                --------------------------------------------------------------------------
                wpr00  A      S     wpr00     /wpars/wpr00  -            lpar00  DRIFT 2
                wpr01  A      S     wpr01     /wpars/wpr01  -            lpar00  in sync
                app1   D      A     lpar00    /             -            lpar00  -
                """);
    }

    @Test
    void wparListDriftingAsksForTheWparsOutOfSync() {
        stub.on("GET /api/wpars?softwareInSync=false", 200, """
                [{"lpar":"lpar00","name":"wpr00","type":"SYSTEM","state":"ACTIVE","hostname":"wpr00","directory":"/wpars/wpr00",
                  "softwareInSync":false,"driftingFilesets":[{"fileset":"bos.rte"}]}]""");
        StubWparflow.Run r = run("wpar", "list", "--drifting");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("DRIFT 1");
    }

    @Test
    void jsonPrintsTheServersAnswer() throws Exception {
        stub.on("GET /api/wpars", 200, "[{\"lpar\":\"lpar00\",\"name\":\"wpr00\"}]");
        StubWparflow.Run r = run("wpar", "list", "--json");
        JsonNode parsed = JSON.readTree(r.out());
        assertThat(parsed.get(0).get("name").asText()).isEqualTo("wpr00");
    }

    @Test
    void badInputGetsTheServersMessageAndFieldAndExitTwo() {
        stub.on("GET /api/wpars?state=X", 400, "{\"status\":400,\"message\":\"unknown WPAR state 'X': use a letter\"}");
        StubWparflow.Run r = run("wpar", "list", "-s", "X");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).isEqualTo("wparflow: unknown WPAR state 'X': use a letter\n");

        // a 400 naming its field in "field" gets the field in front
        assertThat(Api.message(JSON.createObjectNode().put("field", "kind").put("message", "must be hmc"), null))
                .isEqualTo("kind: must be hmc");
    }

    @Test
    void relocateLooksUpTheDepartingLparAndSendsTheContractsInputs() throws Exception {
        stub.on("GET /api/wpars?name=wpr00", 200, "[{\"lpar\":\"lpar00\",\"name\":\"wpr00\"}]");
        stub.on("POST /engine-rest/process-definition/key/WparRelocationProcess/start", 200, "{\"id\":\"op-1\"}");
        StubWparflow.Run r = run("wpar", "relocate", "wpr00", "--to", "lpar01", "--mode", "static", "--validate-only",
                "--window", "2026-11-22T22:00:00Z");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("op-1\n");
        assertThat(r.err()).isEqualTo("started WparRelocationProcess as operation op-1; follow it: wparflow op wait op-1\n");
        JsonNode vars = JSON.readTree(stub.last("/engine-rest").body()).get("variables");
        assertThat(vars.get("wpar").get("value").asText()).isEqualTo("wpr00");
        assertThat(vars.get("departingLpar").get("value").asText()).isEqualTo("lpar00");
        assertThat(vars.get("arrivingLpar").get("value").asText()).isEqualTo("lpar01");
        assertThat(vars.get("mode").get("value").asText()).isEqualTo("static");
        assertThat(vars.get("validateOnly").get("value").asBoolean()).isTrue();
        assertThat(vars.get("maintenanceWindowStart").get("value").asText()).isEqualTo("2026-11-22T22:00:00Z");
        assertThat(vars.has("chooseForMe")).isFalse();

        run("wpar", "relocate", "wpr00", "--choose", "-l", "lpar02");
        vars = JSON.readTree(stub.last("/engine-rest").body()).get("variables");
        assertThat(vars.get("chooseForMe").get("value").asBoolean()).isTrue();
        assertThat(vars.get("departingLpar").get("value").asText()).isEqualTo("lpar02");
        assertThat(vars.has("arrivingLpar")).isFalse();
    }

    @Test
    void relocateNeedsExactlyOneOfToAndChoose() {
        StubWparflow.Run both = run("wpar", "relocate", "wpr00", "--to", "lpar01", "--choose");
        assertThat(both.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(run("wpar", "relocate", "wpr00").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void theInputContractsRefusalIsPrintedAsTheServerSaysIt() {
        stub.on("POST /engine-rest/process-definition/key/WparBackupProcess/start", 400, """
                {"type":"InvalidRequestException","message":"WparBackupProcess input 'host' must be a host of the inventory (lpar00, lpar01)"}""");
        StubWparflow.Run r = run("wpar", "backup", "wpr03", "-l", "nowhere");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).isEqualTo(
                "wparflow: WparBackupProcess input 'host' must be a host of the inventory (lpar00, lpar01)\n");
    }

    @Test
    void eachVerbStartsItsProcess() throws Exception {
        for (String key : List.of("WparRestoreProcess", "WparCloneProcess", "WparProvisioningProcess",
                "WparDecommissionProcess", "FleetDiscoveryProcess")) {
            stub.on("POST /engine-rest/process-definition/key/" + key + "/start", 200, "{\"id\":\"" + key + "-1\"}");
        }
        assertThat(run("wpar", "restore", "wpr03", "-l", "lpar00", "--image", "img1", "--existing", "remove",
                "--start").status()).isZero();
        JsonNode v = JSON.readTree(stub.last("/engine-rest").body()).get("variables");
        assertThat(v.get("host").get("value").asText()).isEqualTo("lpar00");
        assertThat(v.get("start").get("value").asBoolean()).isTrue();

        assertThat(run("wpar", "clone", "wpr05", "-l", "lpar01", "--image", "img1", "--address", "9.3.5.190")
                .status()).isZero();
        v = JSON.readTree(stub.last("/engine-rest").body()).get("variables");
        assertThat(v.get("address").get("value").asText()).isEqualTo("9.3.5.190");

        assertThat(run("wpar", "provision", "web02", "-l", "lpar01", "--template", "small", "--var",
                "cpuLimits=0%-30%,33%").status()).isZero();
        v = JSON.readTree(stub.last("/engine-rest").body()).get("variables");
        assertThat(v.get("source").get("value").asText()).isEqualTo("template");
        assertThat(v.get("cpuLimits").get("value").asText()).isEqualTo("0%-30%,33%");

        assertThat(run("wpar", "decommission", "harold", "-l", "canberra", "--reason", "project ended").status())
                .isZero();
        v = JSON.readTree(stub.last("/engine-rest").body()).get("variables");
        assertThat(v.get("changeReason").get("value").asText()).isEqualTo("project ended");

        StubWparflow.Run r = run("op", "start", "FleetDiscoveryProcess", "--json");
        assertThat(JSON.readTree(r.out()).get("id").asText()).isEqualTo("FleetDiscoveryProcess-1");
        assertThat(run("op", "start", "X", "--var", "novalue").status()).isEqualTo(ExitStatus.USAGE);
    }

    // ------------------------------------------------------------------ lifecycle, resources, checkpoints, evacuation

    JsonNode started(String key) throws Exception {
        StubWparflow.Request last = stub.last("/engine-rest");
        assertThat(last.pathAndQuery()).isEqualTo("/engine-rest/process-definition/key/" + key + "/start");
        return JSON.readTree(last.body()).get("variables");
    }

    static List<String> names(JsonNode vars) {
        List<String> names = new java.util.ArrayList<>();
        vars.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void wparSyncStartsWparSyncProcessWithItsInputs() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/WparSyncProcess/start", 200, "{\"id\":\"sync-1\"}");
        StubWparflow.Run r = run("wpar", "sync", "-l", "lpar00");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("sync-1\n");
        JsonNode v = started("WparSyncProcess");
        assertThat(names(v)).containsExactly("lpar");

        assertThat(run("wpar", "sync", "-l", "lpar00", "wpr00", "det01", "--source", "/images/updates/6100-02-03",
                "--attempts", "2", "--reason", "after 6100-02-03").status()).isZero();
        v = started("WparSyncProcess");
        assertThat(names(v)).containsExactly("lpar", "wpars", "softwareSource", "attempts", "changeReason");
        assertThat(v.get("wpars").get("value").asText()).isEqualTo("wpr00,det01");
        assertThat(v.get("attempts").get("value").asInt()).isEqualTo(2);
    }

    @Test
    void lifecycleVerbsSendTheirActionAndTheWparsOrAll() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/WparLifecycleProcess/start", 200, "{\"id\":\"life-1\"}");
        StubWparflow.Run r = run("wpar", "start", "skippy", "kenny", "-l", "sydney", "--parallelism", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("life-1\n");
        assertThat(r.err()).isEqualTo("started WparLifecycleProcess as operation life-1; follow it: wparflow op wait life-1\n");
        JsonNode v = started("WparLifecycleProcess");
        assertThat(names(v)).containsExactly("lpar", "action", "wpars", "parallelism");
        assertThat(v.get("lpar").get("value").asText()).isEqualTo("sydney");
        assertThat(v.get("action").get("value").asText()).isEqualTo("start");
        assertThat(v.get("wpars").get("value").asText()).isEqualTo("skippy,kenny");
        assertThat(v.get("parallelism").get("value").isInt()).isTrue();
        assertThat(v.get("parallelism").get("value").asInt()).isEqualTo(2);

        assertThat(run("wpar", "stop", "--all", "-l", "sydney", "--force", "--drain", "/usr/local/bin/drain -t 30",
                "--reason", "patching").status()).isZero();
        v = started("WparLifecycleProcess");
        assertThat(names(v)).containsExactly("lpar", "action", "allWpars", "drainCommand", "changeReason");
        assertThat(v.get("action").get("value").asText()).isEqualTo("stop-force");
        assertThat(v.get("allWpars").get("value").asBoolean()).isTrue();
        assertThat(v.get("drainCommand").get("value").asText()).isEqualTo("/usr/local/bin/drain -t 30");
        assertThat(v.get("changeReason").get("value").asText()).isEqualTo("patching");

        assertThat(run("wpar", "stop", "gordon", "-l", "sydney").status()).isZero();
        assertThat(started("WparLifecycleProcess").get("action").get("value").asText()).isEqualTo("stop");

        assertThat(run("wpar", "reboot", "gordon", "-l", "sydney", "--drain", "true").status()).isZero();
        v = started("WparLifecycleProcess");
        assertThat(v.get("action").get("value").asText()).isEqualTo("reboot");
        assertThat(v.get("drainCommand").get("value").asText()).isEqualTo("true");

        assertThat(run("wpar", "recover", "shaper", "-l", "sydney", "--start-after", "--reason", "found Broken")
                .status()).isZero();
        v = started("WparLifecycleProcess");
        assertThat(names(v)).containsExactly("lpar", "action", "wpars", "startAfterRecovery", "changeReason");
        assertThat(v.get("action").get("value").asText()).isEqualTo("recover");
        assertThat(v.get("startAfterRecovery").get("value").asBoolean()).isTrue();
    }

    @Test
    void lifecycleBadUsageIsExitTwoWithoutARequest() {
        StubWparflow.Run none = run("wpar", "start", "-l", "sydney");
        assertThat(none.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(none.err()).isEqualTo("wparflow: wpar start: give WPAR names or --all, one of the two\n");
        assertThat(run("wpar", "stop", "gordon", "--all", "-l", "sydney").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "start", "skippy").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "start", "skippy", "-l", "sydney", "--force").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "start", "skippy", "-l", "sydney", "--start-after").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "recover", "shaper", "-l", "sydney", "--drain", "true").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "start", "skippy", "-l", "sydney", "--parallelism", "two").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void resourcesSendsTheControlsGivenAsText() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/WparResourceChangeProcess/start", 200, "{\"id\":\"res-1\"}");
        StubWparflow.Run r = run("wpar", "resources", "gordon", "-l", "sydney", "--cpu-shares", "10", "--cpu-limits",
                "5%-30%,45%", "--total-processes", "512", "--total-threads", "1024", "--reason", "batch window");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("res-1\n");
        JsonNode v = started("WparResourceChangeProcess");
        assertThat(names(v)).containsExactly("lpar", "wpar", "cpuShares", "cpuLimits", "totalProcesses",
                "totalThreads", "changeReason");
        assertThat(v.get("cpuShares").get("value").isTextual()).isTrue();
        assertThat(v.get("cpuShares").get("value").asText()).isEqualTo("10");
        assertThat(v.get("cpuLimits").get("value").asText()).isEqualTo("5%-30%,45%");
        assertThat(v.get("totalThreads").get("value").asText()).isEqualTo("1024");

        assertThat(run("wpar", "resources", "gordon", "-l", "sydney", "--memory-shares", "20", "--memory-limits",
                "0%-20%,30%", "--proc-virt-mem", "2GB", "--reason", "r").status()).isZero();
        v = started("WparResourceChangeProcess");
        assertThat(names(v)).containsExactly("lpar", "wpar", "memoryShares", "memoryLimits", "procVirtMem",
                "changeReason");
        assertThat(v.get("procVirtMem").get("value").asText()).isEqualTo("2GB");
    }

    @Test
    void resourcesBadUsageIsExitTwoAndTheServersRangeRefusalToo() {
        int before = stub.requests.size();
        StubWparflow.Run noControl = run("wpar", "resources", "gordon", "-l", "sydney", "--reason", "r");
        assertThat(noControl.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(noControl.err()).contains("name at least one control to change");
        assertThat(run("wpar", "resources", "gordon", "-l", "sydney", "--cpu-shares", "10").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "resources", "gordon", "--cpu-shares", "10", "--reason", "r").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(stub.requests).hasSize(before);
        assertThat(WparflowCli.commandLine(null, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands().get("wpar").getSubcommands()
                .get("resources").getUsageMessage()).contains("CPU limits (5%-30%,45%)");

        stub.on("POST /engine-rest/process-definition/key/WparResourceChangeProcess/start", 400, """
                {"type":"InvalidRequestException","message":"WparResourceChangeProcess input 'cpuShares' must be between 1 and 65535"}""");
        StubWparflow.Run r = run("wpar", "resources", "gordon", "-l", "sydney", "--cpu-shares", "0", "--reason", "r");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).isEqualTo("wparflow: WparResourceChangeProcess input 'cpuShares' must be between 1 and 65535\n");
    }

    @Test
    void backupGlobalStartsTheGlobalBackupAndImagesShowTheirKind() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/GlobalBackupProcess/start", 200, "{\"id\":\"gb-1\"}");
        StubWparflow.Run r = run("backup", "global", "-l", "lpar00", "--reason", "before the update");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("gb-1\n");
        JsonNode v = started("GlobalBackupProcess");
        assertThat(names(v)).containsExactly("lpar", "reason");
        assertThat(v.get("lpar").get("value").asText()).isEqualTo("lpar00");
        assertThat(run("backup", "global").status()).as("--lpar is required").isEqualTo(ExitStatus.USAGE);

        stub.on("GET /api/images?lpar=lpar00&kind=mksysb", 200, """
                [{"id":"i1","lpar":"lpar00","wpar":"-","kind":"mksysb","volumeGroup":null,"createdAt":"2026-12-05T02:00:00Z","state":"GOOD","sizeBytes":2048,"path":"/images/lpar00_global_1.mksysb"},
                 {"id":"i2","lpar":"lpar00","wpar":"-","kind":"savevg","volumeGroup":"datavg","createdAt":"2026-12-05T02:00:00Z","state":"GOOD","sizeBytes":1024,"path":"/images/lpar00_global_1_datavg.savevg"},
                 {"id":"i3","lpar":"lpar00","wpar":"wpr00","kind":"savewpar","createdAt":"2026-12-05T01:00:00Z","state":"GOOD","sizeBytes":512,"path":"/images/lpar00_wpr00_1.save"}]""");
        StubWparflow.Run images = run("backup", "images", "-l", "lpar00", "-k", "mksysb");
        assertThat(images.status()).as(images.err()).isZero();
        List<String> lines = images.out().lines().toList();
        assertThat(lines.get(0)).contains("Id", "Kind", "LPAR", "WPAR/VG", "Path");
        assertThat(lines.get(2)).contains("i1", "mksysb", "rootvg", "/images/lpar00_global_1.mksysb");
        assertThat(lines.get(3)).contains("i2", "savevg", "datavg");
        assertThat(lines.get(4)).contains("i3", "savewpar", "wpr00");
    }

    @Test
    void checkpointAndRestartSendTheirAction() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/WparCheckpointProcess/start", 200, "{\"id\":\"ck-1\"}");
        StubWparflow.Run r = run("wpar", "checkpoint", "mob01", "-l", "lpar00");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("ck-1\n");
        JsonNode v = started("WparCheckpointProcess");
        assertThat(names(v)).containsExactly("action", "lpar", "wpar");
        assertThat(v.get("action").get("value").asText()).isEqualTo("checkpoint");
        assertThat(v.get("wpar").get("value").asText()).isEqualTo("mob01");

        assertThat(run("wpar", "checkpoint", "mob01", "-l", "lpar00", "--kill", "--reason", "move it").status())
                .isZero();
        v = started("WparCheckpointProcess");
        assertThat(names(v)).containsExactly("action", "lpar", "wpar", "kill", "changeReason");
        assertThat(v.get("kill").get("value").asBoolean()).isTrue();

        assertThat(run("wpar", "restart", "mob01", "-l", "lpar01", "--checkpoint", "7").status()).isZero();
        v = started("WparCheckpointProcess");
        assertThat(names(v)).containsExactly("action", "lpar", "wpar", "checkpointId");
        assertThat(v.get("action").get("value").asText()).isEqualTo("restart");
        assertThat(v.get("lpar").get("value").asText()).isEqualTo("lpar01");
        assertThat(v.get("checkpointId").get("value").asLong()).isEqualTo(7);

        int before = stub.requests.size();
        assertThat(run("wpar", "restart", "mob01", "-l", "lpar01").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "restart", "mob01", "-l", "lpar01", "--checkpoint", "x").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "restart", "mob01", "-l", "lpar01", "--checkpoint", "7", "--kill").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run("wpar", "checkpoint", "mob01").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(stub.requests).hasSize(before);
    }

    @Test
    void checkpointListPrintsTheCatalogAndPassesTheFilters() throws Exception {
        String body = """
                [{"id":7,"wpar":"mob01","lpar":"lpar00","directory":"/wparckpt/mob01/7","takenAt":"2026-12-05T10:00:00Z",
                  "takenBy":"operator","killed":false,"sizeKb":20480,"scheduled":true,"operationInstanceId":"ck-1"}]""";
        stub.on("GET /api/checkpoints?wpar=mob01", 200, body);
        StubWparflow.Run r = run("checkpoint", "list", "-w", "mob01");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                ID  WPAR   LPAR    Taken                 By        Killed  Size KB  Scheduled  Directory
                -------------------------------------------------------------------------------------------------
                7   mob01  lpar00  2026-12-05T10:00:00Z  operator  no      20480    yes        /wparckpt/mob01/7
                """);
        assertThat(JSON.readTree(run("checkpoint", "list", "-w", "mob01", "--json").out()).get(0).get("id").asLong())
                .isEqualTo(7);
        stub.on("GET /api/checkpoints", 200, "[]");
        assertThat(run("checkpoint", "list").status()).isZero();
        assertThat(stub.last("/api/checkpoints").pathAndQuery()).isEqualTo("/api/checkpoints");
    }

    @Test
    void evacuateSendsExactlyOneScopeAndTheLimits() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/EvacuationProcess/start", 200, "{\"id\":\"ev-1\"}");
        StubWparflow.Run r = run("evacuate", "-l", "lpar02");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("ev-1\n");
        JsonNode v = started("EvacuationProcess");
        assertThat(names(v)).containsExactly("lpar");
        assertThat(v.get("lpar").get("value").asText()).isEqualTo("lpar02");

        assertThat(run("evacuate", "-m", "sys570a", "--window", "2026-12-06T22:00:00Z", "--per-source", "1",
                "--per-target", "2", "--global", "3", "--stop-after-failures", "4", "--quorum", "2").status()).isZero();
        v = started("EvacuationProcess");
        assertThat(names(v)).containsExactly("managedSystem", "maintenanceWindowStart", "perSource", "perTarget",
                "globalLimit", "stopAfterFailures", "quorum");
        assertThat(v.get("managedSystem").get("value").asText()).isEqualTo("sys570a");
        assertThat(v.get("perSource").get("value").asInt()).isEqualTo(1);
        assertThat(v.get("globalLimit").get("value").asInt()).isEqualTo(3);
        assertThat(v.get("stopAfterFailures").get("value").asInt()).isEqualTo(4);

        assertThat(run("evacuate", "--return-from", "ev-1", "--json").out()).contains("\"id\" : \"ev-1\"");
        assertThat(names(started("EvacuationProcess"))).containsExactly("returnFrom");

        int before = stub.requests.size();
        StubWparflow.Run both = run("evacuate", "-l", "lpar02", "-m", "sys570a");
        assertThat(both.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(run("evacuate").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run("evacuate", "-l", "lpar02", "--per-source", "many").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(stub.requests).hasSize(before);
    }

    @Test
    void preflightSendsTheHostsJoinedOrNoneForEveryHost() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/PreflightProcess/start", 200, "{\"id\":\"pf-1\"}");
        StubWparflow.Run r = run("preflight", "lpar00", "nim01");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("pf-1\n");
        JsonNode v = started("PreflightProcess");
        assertThat(names(v)).containsExactly("hosts");
        assertThat(v.get("hosts").get("value").asText()).isEqualTo("lpar00,nim01");

        assertThat(run("preflight").status()).isZero();
        assertThat(names(started("PreflightProcess"))).isEmpty();
    }

    @Test
    void maintainSendsTheLparsInOrderTheUpdateAndTheRollout() throws Exception {
        stub.on("POST /engine-rest/process-definition/key/LparMaintenanceProcess/start", 200, "{\"id\":\"m-1\"}");
        StubWparflow.Run r = run("maintain", "--lpar", "lpar01", "--lpar", "lpar00", "-f", "bos.rte.libc", "-f",
                "bos.wpars", "--source", "/images/updates");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("m-1\n");
        JsonNode v = started("LparMaintenanceProcess");
        assertThat(names(v)).containsExactly("lpars", "updateKind", "filesets", "softwareSource");
        assertThat(v.get("lpars").get("value").asText()).isEqualTo("lpar01,lpar00");
        assertThat(v.get("updateKind").get("value").asText()).isEqualTo("installp");
        assertThat(v.get("filesets").get("value").asText()).isEqualTo("bos.rte.libc,bos.wpars");

        assertThat(run("maintain", "-m", "sys570a", "--emgr", "IJ1.epkg.Z", "-s", "/images/efix", "--parallel", "2",
                "--window", "2026-12-06T22:00:00Z", "--window-end", "2026-12-07T02:00:00Z", "--evacuate",
                "--no-backup", "--sync-attempts", "3", "--reason", "CHG-7", "--quorum", "2").status()).isZero();
        v = started("LparMaintenanceProcess");
        assertThat(names(v)).containsExactly("managedSystem", "updateKind", "fixPackage", "softwareSource",
                "rollout", "parallel", "maintenanceWindowStart", "maintenanceWindowEnd", "evacuate", "globalBackup",
                "syncAttempts", "changeReason", "quorum");
        assertThat(v.get("updateKind").get("value").asText()).isEqualTo("emgr");
        assertThat(v.get("rollout").get("value").asText()).isEqualTo("parallel");
        assertThat(v.get("evacuate").get("value").asText()).isEqualTo("active");
        assertThat(v.get("globalBackup").get("value").asBoolean()).isFalse();

        assertThat(run("maintain", "-l", "lpar00", "--all", "-s", "/images/updates").status()).isZero();
        assertThat(started("LparMaintenanceProcess").get("updateKind").get("value").asText())
                .isEqualTo("install_all_updates");

        int before = stub.requests.size();
        assertThat(run("maintain", "-l", "lpar00", "-s", "/images/updates").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(run("maintain", "-l", "lpar00", "-f", "bos.rte", "--all", "-s", "/x").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run("maintain", "-l", "lpar00", "-f", "bos.rte").status()).isEqualTo(ExitStatus.USAGE);
        assertThat(stub.requests).hasSize(before);
    }

    // ------------------------------------------------------------------ op

    static String detail(String state, String outcome, String openStep) {
        return """
                {"operation":{"id":"op-1","processKey":"WparRelocationProcess","subject":"relocate wpr00 lpar00 → lpar01",
                  "startedBy":"operator","startedAt":"2026-12-05T10:00:00Z","endedAt":%s,"state":"%s","outcome":%s,"reason":null},
                 "steps":[{"processInstanceId":"op-1","processKey":"WparRelocationProcess","activityId":"CallActivity_ApproveChange",
                   "name":"Change approval","type":"callActivity","startedAt":"2026-12-05T10:00:01Z","endedAt":null,"canceled":false}%s],
                 "commands":[{"seq":1,"host":"lpar00","command":"lswpar -c wpr00","exitStatus":0}],"images":[],"openIncidents":[]}
                """.formatted(state.equals("RUNNING") ? "null" : "\"2026-12-05T10:05:00Z\"", state,
                outcome == null ? "null" : "\"" + outcome + "\"", openStep == null ? "" : "," + openStep);
    }

    static final String APPROVAL_TASK = """
            {"processInstanceId":"ap-1","processKey":"ChangeApprovalProcess","activityId":"Task_ApproveChange",
             "name":"Approve change","type":"userTask","startedAt":"2026-12-05T10:00:02Z","endedAt":null,"canceled":false}""";

    @Test
    void opWaitFollowsToTheEndWithAProgressLineAndTheOutcomesExitStatus() {
        stub.on("GET /api/operations/op-1", 200, detail("RUNNING", null, APPROVAL_TASK),
                detail("RUNNING", null, """
                        {"processInstanceId":"op-1","processKey":"WparRelocationProcess","activityId":"Event_WaitForWindow",
                         "name":"Wait for the maintenance window","type":"intermediateTimer","startedAt":"2026-12-05T10:01:00Z","endedAt":null}"""),
                detail("COMPLETED", "RELOCATED", null));
        StubWparflow.Run r = run("op", "wait", "op-1", "--interval", "10ms");
        assertThat(r.status()).isZero();
        List<String> progress = r.err().lines().toList();
        assertThat(progress.get(0)).startsWith("op-1  ").contains("RUNNING  step: Approve change",
                "waiting for: approval (Approve change)");
        assertThat(progress.get(1)).contains("waiting for: the maintenance window");
        assertThat(r.out()).isEqualTo("op-1 COMPLETED RELOCATED\n");

        stub.on("GET /api/operations/op-2", 200, detail("REFUSED", "INCOMPATIBLE", null).replace("op-1", "op-2"));
        assertThat(run("op", "wait", "op-2").status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
    }

    @Test
    void opWaitWithATimeoutSaysWhetherItWaitsForApproval() throws Exception {
        stub.on("GET /api/operations/op-1", 200, detail("RUNNING", null, APPROVAL_TASK));
        StubWparflow.Run r = run("op", "wait", "op-1", "--timeout", "0s", "--json");
        assertThat(r.status()).isEqualTo(ExitStatus.WAITING_FOR_APPROVAL);
        JsonNode result = JSON.readTree(r.out());
        assertThat(result.get("exitStatus").asInt()).isEqualTo(3);
        assertThat(result.get("waitingFor").asText()).startsWith("approval");

        stub.on("GET /api/operations/op-3", 200, detail("RUNNING", null, null).replace("op-1", "op-3"));
        assertThat(run("op", "wait", "op-3", "--timeout", "PT0S").status()).isEqualTo(ExitStatus.STILL_RUNNING);
        assertThat(run("op", "wait", "op-3", "--timeout", "soon").status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void opListAndShow() throws Exception {
        stub.on("GET /api/operations?state=RUNNING&startedBy=operator&maxResults=50", 200, """
                {"operations":[{"id":"op-1","processKey":"WparRelocationProcess","subject":"relocate wpr00","startedBy":"operator",
                 "startedAt":"2026-12-05T10:00:00Z","state":"RUNNING"}],"firstResult":0,"maxResults":50,"total":1}""");
        StubWparflow.Run r = run("op", "list", "--mine", "--running");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList().get(0)).startsWith("Id    State    Started");
        assertThat(r.out()).contains("op-1  RUNNING  2026-12-05T10:00:00Z  operator  WparRelocationProcess");

        stub.on("GET /api/operations/op-1", 200, detail("COMPLETED", "RELOCATED", null));
        r = run("op", "show", "op-1");
        assertThat(r.out()).contains("State:      COMPLETED", "Outcome:    RELOCATED", "Change approval",
                "lswpar -c wpr00");
        assertThat(JSON.readTree(run("op", "show", "op-1", "--json").out()).path("operation").path("state").asText())
                .isEqualTo("COMPLETED");
    }

    // ------------------------------------------------------------------ approve / reject

    @Test
    void approveCompletesTheOperationsApprovalTaskWithTheDecisionAndReason() throws Exception {
        stub.on("GET /api/approvals?operation=op-1", 200,
                "[{\"approvalInstanceId\":\"ap-1\",\"requester\":\"operator\",\"decision\":\"pending\"}]");
        stub.on("GET /engine-rest/task?processInstanceIdIn=ap-1", 200,
                "[{\"id\":\"t-1\",\"name\":\"Approve: relocate wpr00 lpar00 → lpar01 (static)\"}]");
        stub.on("POST /engine-rest/task/t-1/complete", 204, "");
        StubWparflow.Run r = run("approve", "op-1", "--reason", "window agreed");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("approved: Approve: relocate wpr00 lpar00 → lpar01 (static)\n");
        JsonNode v = JSON.readTree(stub.last("/engine-rest/task/t-1/complete").body()).get("variables");
        assertThat(v.get("decision").get("value").asText()).isEqualTo("approve");
        assertThat(v.get("reason").get("value").asText()).isEqualTo("window agreed");

        run("reject", "op-1", "--reason", "no");
        v = JSON.readTree(stub.last("/engine-rest/task/t-1/complete").body()).get("variables");
        assertThat(v.get("decision").get("value").asText()).isEqualTo("reject");
        assertThat(run("approve", "op-1").status()).as("--reason is required").isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void approveIsRefusedWhenNoTaskIsOpenToTheCallerOrTheServerSaysNo() {
        stub.on("GET /api/approvals?operation=op-1", 200,
                "[{\"approvalInstanceId\":\"ap-1\",\"requester\":\"operator\",\"decision\":\"pending\"}]");
        stub.on("GET /engine-rest/task?processInstanceIdIn=ap-1", 200, "[]");
        StubWparflow.Run r = run("approve", "op-1", "--reason", "mine");
        assertThat(r.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(r.err()).contains("no approval task of operation op-1 is open to operator");

        stub.on("GET /api/approvals?operation=op-2", 200,
                "[{\"approvalInstanceId\":\"ap-2\",\"requester\":\"demo\",\"decision\":\"pending\"}]");
        stub.on("GET /engine-rest/task?processInstanceIdIn=ap-2", 200, "[{\"id\":\"t-2\",\"name\":\"Approve\"}]");
        stub.on("POST /engine-rest/task/t-2/complete", 400,
                "{\"type\":\"BadUserRequestException\",\"message\":\"four-eyes: demo requested this change\"}");
        r = run("approve", "op-2", "--reason", "mine");
        assertThat(r.status()).isEqualTo(ExitStatus.REFUSED_OR_FAILED);
        assertThat(r.err()).isEqualTo("wparflow: four-eyes: demo requested this change\n");

        stub.on("GET /api/approvals?operation=op-3", 200, "[]");
        assertThat(run("approve", "op-3", "--reason", "x").err()).contains("has asked for no approval");
    }

    // ------------------------------------------------------------------ the rest

    @Test
    void completionPrintsABashScriptOfEveryCommand() {
        StubWparflow.Run r = stub.run(home, null, Map.of(), "completion");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("complete -F", "_picocli_wparflow", "connections", "relocate", "approve");
    }

    @Test
    void usageErrorsAreExitTwoWithTheUsage() {
        StubWparflow.Run r = stub.run(home, null, Map.of(), "wpar", "frobnicate");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).contains("Unmatched argument").doesNotContain("\tat ");
        assertThat(stub.run(home, null, Map.of(), "--help").out()).contains("Exit status: 0 done");
    }
}
