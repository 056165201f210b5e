package dev.wparflow.process.preflight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A preflight report as text and JSON (grouped per host, in the order the findings came), and the anonymized bundle
 * an administrator attaches to a bug report: a zip of README.txt, report.txt, report.json and, per failed check,
 * {@code raw/HOST-PLACEHOLDER/CHECK.txt} holding the host's output as it printed it, with every site name, address
 * and serial replaced ({@link PreflightAnonymizer}). docs/preflight.md says how a developer turns one into a parser
 * fixture.
 */
public final class PreflightBundle {

    static final String README = "README.txt";
    static final String REPORT_TEXT = "report.txt";
    static final String REPORT_JSON = "report.json";
    static final String RAW_DIR = "raw/";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PreflightBundle() {
    }

    /** The report for people: per host its worst status, then each check with what happened and what to do. */
    public static String text(List<PreflightFinding> findings) {
        return text(findings, f -> null);
    }

    /** The report for programs (the API): the same grouping as {@link #text}, without raw outputs. */
    public static String json(List<PreflightFinding> findings) {
        return json(findings, f -> null);
    }

    /**
     * The anonymized bundle. {@code hidden} names what the inventory knows (hosts, WPARs, managed systems, serials,
     * users, addresses); the findings' hosts are hidden too, and every address and serial found in the text.
     */
    public static byte[] zip(List<PreflightFinding> findings, PreflightAnonymizer.Hidden hidden) {
        List<String> findingHosts = findings.stream().map(PreflightFinding::host).distinct().toList();
        PreflightAnonymizer anon = new PreflightAnonymizer(hidden.withHosts(findingHosts));
        List<PreflightFinding> anonymized = findings.stream().map(f -> anonymize(f, anon)).toList();
        Map<PreflightFinding, String> rawFiles = rawFileNames(anonymized);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(README, utf8(readme(anonymized, rawFiles.size())));
        entries.put(REPORT_TEXT, utf8(text(anonymized, rawFiles::get)));
        entries.put(REPORT_JSON, utf8(json(anonymized, rawFiles::get)));
        for (PreflightFinding f : anonymized) {
            String name = rawFiles.get(f);
            if (name != null) {
                entries.put(name, utf8(f.rawOutput() == null ? "" : f.rawOutput()));
            }
        }
        return zipOf(entries);
    }

    private static PreflightFinding anonymize(PreflightFinding f, PreflightAnonymizer a) {
        return new PreflightFinding(f.runId(), a.host(f.host()), f.hostKind(), a.anonymize(f.check()),
                a.anonymize(f.commandLine()), f.status(), a.anonymize(f.detail()), a.anonymize(f.advice()),
                a.anonymize(f.rawOutput()), f.checkedAt());
    }

    /**
     * One file per failed check, named by host placeholder and check; a second check of the same name gets -2. By
     * identity: two findings may be equal records.
     */
    private static Map<PreflightFinding, String> rawFileNames(List<PreflightFinding> anonymized) {
        Map<PreflightFinding, String> names = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>();
        for (PreflightFinding f : anonymized) {
            if (!f.noteworthy()) {
                continue;
            }
            String base = RAW_DIR + safe(f.host()) + "/" + safe(f.check());
            String name = base + ".txt";
            for (int i = 2; !taken.add(name); i++) {
                name = base + "-" + i + ".txt";
            }
            names.put(f, name);
        }
        return names;
    }

    /** File-name safe: letters, digits, dot, dash; runs of anything else become one underscore. */
    static String safe(String s) {
        String r = (s == null ? "" : s).replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^[._]+|_+$", "");
        return r.isEmpty() ? "check" : r;
    }

    private static String readme(List<PreflightFinding> findings, int failed) {
        Instant at = findings.stream().map(PreflightFinding::checkedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return """
                wparflow preflight bundle
                =========================

                What this is
                  The result of a wparflow preflight: the read-only checks wparflow ran on your AIX global
                  environments, NIM master and HMCs%s, and the raw output of the %d check(s) that failed.
                  Host names, WPAR names, managed systems, user names, IP addresses and serial numbers are replaced
                  by placeholders (host-1, wpar-1, system-1, user-1, 192.0.2.1, 2001:db8::1, serial-1), the same
                  placeholder for the same original in every file, so the outputs still fit together.

                What is inside
                  report.txt    the report, per host: each check, its status, what happened and what to do
                  report.json   the same for programs; "rawOutput" names the file of a failed check
                  raw/HOST/CHECK.txt   what the host printed for a check that failed, as it printed it

                Before you send it
                  Read the files: anything else you do not want to share (a domain name, a path, a comment in a
                  spec file) can be edited out; keep the layout of the lines, the parsers care about it.

                How to report it
                  Open an issue in wparflow's issue tracker, titled after the failed check (for example
                  "preflight: lswpar -L unknown format on AIX 7.2"), say your AIX, HMC and NIM levels
                  (oslevel -s, lshmc -V), and attach this zip file as it is. A developer turns the raw outputs
                  into parser test fixtures (docs/preflight.md), so the next wparflow understands your hosts.
                """.formatted(at == null ? "" : " (" + at + ")", failed);
    }

    private static String text(List<PreflightFinding> findings, Function<PreflightFinding, String> rawFile) {
        Map<String, List<PreflightFinding>> byHost = byHost(findings);
        Map<PreflightStatus, Integer> counts = counts(findings);
        StringBuilder b = new StringBuilder();
        b.append("Preflight report: ").append(byHost.size()).append(" host(s), ").append(findings.size())
                .append(" check(s)");
        counts.forEach((s, n) -> b.append(", ").append(n).append(' ').append(s));
        b.append('\n');
        byHost.forEach((host, list) -> {
            long failed = list.stream().filter(f -> !f.ok()).count();
            b.append('\n').append(host).append(" (").append(list.get(0).hostKind()).append("): ")
                    .append(worst(list)).append(failed == 0 ? ", every check passed" : ", " + failed + " of "
                            + list.size() + " check(s) failed").append('\n');
            for (PreflightFinding f : list) {
                b.append("  ").append(String.format("%-15s", f.status())).append(f.check());
                if (f.commandLine() != null && !f.commandLine().equals(f.check())) {
                    b.append("  [").append(f.commandLine()).append(']');
                }
                b.append('\n');
                if (f.noteworthy()) {
                    line(b, "what happened", f.detail());
                    line(b, "what to do", f.advice());
                    line(b, "raw output", rawFile.apply(f));
                }
            }
        });
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append("  ").append(" ".repeat(15)).append(label).append(": ")
                    .append(value.strip().replace("\n", "\n" + " ".repeat(19 + label.length()))).append('\n');
        }
    }

    private static String json(List<PreflightFinding> findings, Function<PreflightFinding, String> rawFile) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", findings.isEmpty() ? null : findings.get(0).runId());
        ObjectNode summary = root.putObject("summary");
        counts(findings).forEach((s, n) -> summary.put(s.name(), n));
        ArrayNode hosts = root.putArray("hosts");
        byHost(findings).forEach((host, list) -> {
            ObjectNode h = hosts.addObject();
            h.put("host", host);
            h.put("hostKind", list.get(0).hostKind());
            h.put("status", worst(list).name());
            ArrayNode checks = h.putArray("checks");
            for (PreflightFinding f : list) {
                ObjectNode c = checks.addObject();
                c.put("check", f.check());
                c.put("commandLine", f.commandLine());
                c.put("status", f.status().name());
                c.put("detail", f.detail());
                c.put("advice", f.advice());
                c.put("checkedAt", f.checkedAt() == null ? null : f.checkedAt().toString());
                String raw = rawFile.apply(f);
                if (raw != null) {
                    c.put("rawOutput", raw);
                }
            }
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<PreflightFinding>> byHost(List<PreflightFinding> findings) {
        Map<String, List<PreflightFinding>> m = new LinkedHashMap<>();
        findings.forEach(f -> m.computeIfAbsent(f.host(), h -> new ArrayList<>()).add(f));
        return m;
    }

    private static Map<PreflightStatus, Integer> counts(List<PreflightFinding> findings) {
        Map<PreflightStatus, Integer> m = new EnumMap<>(PreflightStatus.class);
        findings.forEach(f -> m.merge(f.status(), 1, Integer::sum));
        return m;
    }

    /** OK only when every check is; otherwise the first failing status (the one to fix first: key, auth, …). */
    static PreflightStatus worst(List<PreflightFinding> list) {
        Map<PreflightStatus, Integer> rank = new HashMap<>();
        List<PreflightStatus> order = List.of(PreflightStatus.UNREACHABLE, PreflightStatus.HOST_KEY,
                PreflightStatus.AUTH_FAILED, PreflightStatus.NOT_INSTALLED, PreflightStatus.NOT_PERMITTED,
                PreflightStatus.UNKNOWN_FORMAT, PreflightStatus.FAILED, PreflightStatus.UNKNOWN_FIELDS,
                PreflightStatus.OK);
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        return list.stream().map(PreflightFinding::status).min((a, b) -> rank.get(a) - rank.get(b))
                .orElse(PreflightStatus.OK);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zipOf(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                // a fixed time: the same findings give the same bytes, and no clock of the site is in the file
                z.setTime(0);
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
