package dev.wparflow.process.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The report renderings and the anonymized bundle, from findings whose outputs hold the Redbook fleet's names. */
class PreflightBundleTest {

    static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    /** lswpar -L wpr00 on lpar00 as a later AIX level prints it (extra GENERAL fields), with its address. */
    static final String LSWPAR_L = """
            =================================================================
            wpr00 - Defined
            =================================================================
            GENERAL
            Type:                    S
            Owner:                   wpadmin
            Hostname:                wpr00.austin.ibm.com
            WPAR-Specific Routing:   no
            Directory:               /wpars/wpr00
            Start/Stop Script:
            Auto:                    no
            Private /usr:            no
            Checkpointable:          no
            Application:
            OStype:                  0
            UUID:                    6b4a3bd5-6a1c-4f0d-9e0f-0a3c3a1c2b7d

            NETWORK
            Interface     Address(6)        Mask/Prefix       Broadcast
            -----------------------------------------------------------------
            en0           9.3.5.182         255.255.254.0     9.3.5.255
            """;

    static final String PRTCONF = """
            System Model: IBM,9117-MMA
            Machine Serial Number: 0610A9C
            Processor Type: PowerPC_POWER6
            \tHost Name: lpar00
            \tIP Address: 9.3.5.127
            """;

    static final String LSSYSCFG = """
            sys570a,Operating,9117-MMA,0610A9C
            sys570b,Operating,9117-MMA,0610B3F
            """;

    static List<PreflightFinding> findings() {
        return List.of(
                finding("lpar00", "LPAR", "oslevel -s", PreflightStatus.OK, null, null, "6100-02-01-0847\n"),
                finding("lpar00", "LPAR", "lswpar -L wpr00", PreflightStatus.UNKNOWN_FORMAT,
                        "lswpar -L: unknown format at line 16: 'OStype:                  0' (wpr00 on lpar00)",
                        "Send the bundle: the parser does not know this AIX level's fields.", LSWPAR_L),
                finding("lpar00", "LPAR", "prtconf", PreflightStatus.UNKNOWN_FORMAT,
                        "prtconf: unknown format at line 2", "Send the bundle.", PRTCONF),
                finding("lpar01", "LPAR", "wparflow-run version", PreflightStatus.NOT_INSTALLED,
                        "ksh: wparflow-run:  not found.",
                        "Install deploy/aix/wparflow-run on lpar01 (9.3.5.121) as /usr/local/bin/wparflow-run.",
                        "ksh: wparflow-run:  not found.\n"),
                finding("lpar03", "LPAR", "lssavewpar", PreflightStatus.NOT_PERMITTED,
                        "ksh: lssavewpar: 0403-006 Execute permission denied.",
                        "Give wpadmin the authorization for lssavewpar on lpar03.austin.ibm.com.",
                        "ksh: lssavewpar: 0403-006 Execute permission denied.\n"),
                finding("hmc01", "HMC", "lssyscfg -r sys", PreflightStatus.UNKNOWN_FORMAT,
                        "lssyscfg: expected 4 fields", "Send the bundle.", LSSYSCFG),
                finding("lpar02", "LPAR", "host key", PreflightStatus.HOST_KEY,
                        "the host key of lpar02 (9.3.5.128) differs from known_hosts",
                        "Check with the administrator of lpar02 whether its key changed, then update known_hosts.",
                        null));
    }

    static PreflightFinding finding(String host, String kind, String check, PreflightStatus status, String detail,
            String advice, String raw) {
        return new PreflightFinding("run-7", host, kind, check, check, status, detail, advice, raw, AT);
    }

    static final PreflightAnonymizer.Hidden INVENTORY = PreflightAnonymizer.Hidden.none()
            .withHosts(List.of("lpar00", "lpar01", "lpar02", "lpar03", "hmc01", "nim01"))
            .withWpars(List.of("wpr00", "wpr03"))
            .withManagedSystems(List.of("sys570a", "sys570b"))
            .withSerials(List.of("0610A9C"))
            .withUsers(List.of("wpadmin", "hscroot"))
            .withAddresses(List.of("9.3.5.127", "9.3.5.121"));

    /** What must appear nowhere in the bundle: every name, address and serial of the findings above. */
    static final List<String> ORIGINALS = List.of("lpar00", "lpar01", "lpar02", "lpar03", "hmc01", "wpr00", "sys570a",
            "sys570b", "0610A9C", "0610B3F", "wpadmin", "9.3.5.127", "9.3.5.121", "9.3.5.128", "9.3.5.182",
            "9.3.5.255", "austin", "ibm.com");

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theBundleHoldsNoOriginalNameAddressOrSerial() throws IOException {
        Map<String, String> entries = unzip(PreflightBundle.zip(findings(), INVENTORY));
        assertThat(entries).isNotEmpty();
        entries.forEach((name, content) -> {
            for (String original : ORIGINALS) {
                assertThat(name.toLowerCase(Locale.ROOT)).as("entry name %s", name)
                        .doesNotContain(original.toLowerCase(Locale.ROOT));
                assertThat(content.toLowerCase(Locale.ROOT)).as("%s in %s", original, name)
                        .doesNotContain(original.toLowerCase(Locale.ROOT));
            }
        });
        // the findings did hold them: the anonymization did the work
        String all = findings().toString();
        assertThat(ORIGINALS).allSatisfy(o -> assertThat(all).contains(o));
    }

    @Test
    void oneFilePerFailedCheckNamedByHostPlaceholderAndCheck() throws IOException {
        Map<String, String> entries = unzip(PreflightBundle.zip(findings(), INVENTORY));
        assertThat(entries.keySet()).containsExactly("README.txt", "report.txt", "report.json",
                "raw/host-1/lswpar_-L_wpar-1.txt", "raw/host-1/prtconf.txt", "raw/host-2/wparflow-run_version.txt",
                "raw/host-4/lssavewpar.txt", "raw/host-5/lssyscfg_-r_sys.txt", "raw/host-3/host_key.txt");
        // the raw output keeps its layout; only the site's values changed, the same way as in the report
        assertThat(entries.get("raw/host-1/lswpar_-L_wpar-1.txt")).startsWith("""
                =================================================================
                wpar-1 - Defined
                =================================================================
                GENERAL
                Type:                    S
                Owner:                   user-1
                Hostname:                wpar-1
                """).contains("OStype:                  0\n",
                "en0           192.0.2.3         255.255.254.0     192.0.2.4\n");
        assertThat(entries.get("raw/host-1/prtconf.txt")).isEqualTo("""
                System Model: IBM,9117-MMA
                Machine Serial Number: serial-1
                Processor Type: PowerPC_POWER6
                \tHost Name: host-1
                \tIP Address: 192.0.2.1
                """);
        assertThat(entries.get("raw/host-5/lssyscfg_-r_sys.txt"))
                .isEqualTo("system-1,Operating,9117-MMA,serial-1\nsystem-2,Operating,9117-MMA,serial-2\n");
        assertThat(entries.get("raw/host-3/host_key.txt")).isEmpty();
        assertThat(entries.get("report.txt")).contains("Install deploy/aix/wparflow-run on host-2 (192.0.2.2)",
                "Give user-1 the authorization for lssavewpar on host-4.",
                "raw output: raw/host-1/lswpar_-L_wpar-1.txt");
    }

    @Test
    void theSameHostIsTheSamePlaceholderInEveryFile() throws IOException {
        Map<String, String> entries = unzip(PreflightBundle.zip(findings(), INVENTORY));
        JsonNode json = new ObjectMapper().readTree(entries.get("report.json"));
        assertThat(json.get("hosts")).extracting(h -> h.get("host").asText())
                .containsExactly("host-1", "host-2", "host-4", "host-5", "host-3");
        JsonNode lpar00 = json.get("hosts").get(0);
        assertThat(lpar00.get("checks").get(1).get("check").asText()).isEqualTo("lswpar -L wpar-1");
        assertThat(lpar00.get("checks").get(1).get("detail").asText()).endsWith("(wpar-1 on host-1)");
        assertThat(lpar00.get("checks").get(1).get("rawOutput").asText()).isEqualTo("raw/host-1/lswpar_-L_wpar-1.txt");
        assertThat(lpar00.get("checks").get(0).has("rawOutput")).isFalse();
        assertThat(entries.get("report.txt")).contains("\nhost-1 (LPAR): UNKNOWN_FORMAT, 2 of 3 check(s) failed\n",
                "\nhost-2 (LPAR): NOT_INSTALLED", "\nhost-5 (HMC): UNKNOWN_FORMAT");
        // 9.3.5.182 (wpr00's address) is one placeholder wherever it appears
        assertThat(entries.get("raw/host-1/lswpar_-L_wpar-1.txt")).contains("192.0.2.3");
        // and the same findings give the same bundle, byte for byte
        assertThat(PreflightBundle.zip(findings(), INVENTORY)).isEqualTo(PreflightBundle.zip(findings(), INVENTORY));
    }

    @Test
    void theReadmeSaysWhatItIsAndHowToReportIt() throws IOException {
        String readme = unzip(PreflightBundle.zip(findings(), INVENTORY)).get("README.txt");
        assertThat(readme).contains("wparflow preflight bundle", "6 check(s) that failed", "placeholders",
                "report.txt", "report.json", "raw/HOST/CHECK.txt", "Before you send it", "How to report it",
                "attach this zip file", "docs/preflight.md");
    }

    @Test
    void textAndJsonForTheApiKeepTheRealNamesAndGroupPerHost() throws IOException {
        String text = PreflightBundle.text(findings());
        assertThat(text).startsWith("Preflight report: 5 host(s), 7 check(s), 1 OK, 1 NOT_PERMITTED, 1 NOT_INSTALLED,"
                + " 3 UNKNOWN_FORMAT, 1 HOST_KEY\n");
        assertThat(text).contains("\nlpar00 (LPAR): UNKNOWN_FORMAT, 2 of 3 check(s) failed\n",
                "  OK             oslevel -s\n",
                "  NOT_PERMITTED  lssavewpar\n",
                "what to do: Give wpadmin the authorization for lssavewpar on lpar03.austin.ibm.com.")
                .doesNotContain("raw output:");
        JsonNode json = new ObjectMapper().readTree(PreflightBundle.json(findings()));
        assertThat(json.get("runId").asText()).isEqualTo("run-7");
        assertThat(json.get("summary").get("UNKNOWN_FORMAT").asInt()).isEqualTo(3);
        assertThat(json.get("hosts")).extracting(h -> h.get("host").asText() + ":" + h.get("status").asText())
                .containsExactly("lpar00:UNKNOWN_FORMAT", "lpar01:NOT_INSTALLED", "lpar03:NOT_PERMITTED",
                        "hmc01:UNKNOWN_FORMAT", "lpar02:HOST_KEY");
        assertThat(json.get("hosts").get(1).get("checks").get(0).get("advice").asText()).contains("lpar01");
        assertThat(json.toString()).doesNotContain("rawOutput", "UUID");
    }

    @Test
    void aHostThatPassedEverythingSaysSo() {
        String text = PreflightBundle.text(List.of(finding("lpar00", "LPAR", "oslevel -s", PreflightStatus.OK, null,
                null, "6100-02-01-0847\n")));
        assertThat(text).contains("lpar00 (LPAR): OK, every check passed");
        assertThat(PreflightBundle.worst(List.of())).isEqualTo(PreflightStatus.OK);
    }
}
