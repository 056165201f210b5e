package dev.wparflow.simulator.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource controls of a WPAR (Redbook chapter 8: the attributes of Table 8-1, the defaults of Table 8-2, the
 * rules of 8.2.1). A null share, limit or count is "unlimited"; percentages keep up to two decimal places (RB:11945).
 * Immutable: {@link #with} gives a changed copy or refuses the change with the lines of the book's error banner.
 *
 * @param procVirtMemMb the per-process virtual memory limit in MB ({@code lswpar -R} shows it so: 1TB is 1048576MB)
 */
public record ResourceControls(boolean active, String rset, Integer sharesCpu, Limits cpu, Integer sharesMemory,
                               Limits memory, Long procVirtMemMb, Long totalProcesses, Long totalThreads) {

    /** Table 8-2. */
    public static final ResourceControls DEFAULTS = new ResourceControls(true, null, null, Limits.DEFAULT, null,
            Limits.DEFAULT, null, null, null);

    /** The attribute names of Table 8-1, in the order {@code lswpar -R} shows them. */
    public static final List<String> ATTRIBUTES = List.of("active", "rset", "shares_CPU", "CPU", "shares_memory",
            "memory", "procVirtMem", "totalProcesses", "totalThreads");

    /** {@code <min>%-<sMax>%,<hMax>%}. */
    public record Limits(BigDecimal min, BigDecimal softMax, BigDecimal hardMax) {
        public static final Limits DEFAULT = new Limits(BigDecimal.ZERO, BigDecimal.valueOf(100), BigDecimal.valueOf(100));

        private static final String PCT = "(\\d{1,3}(?:\\.\\d{1,2})?)%?";
        private static final Pattern FORM = Pattern.compile(PCT + "-" + PCT + "," + PCT);

        static Limits parse(String attr, String value) {
            Matcher m = FORM.matcher(value);
            if (!m.matches()) {
                throw new Refused(attr + " (" + value + ") must have the form <min>%-<sMax>%,<hMax>%");
            }
            return new Limits(new BigDecimal(m.group(1)), new BigDecimal(m.group(2)), new BigDecimal(m.group(3)));
        }

        /** Table 8-2's 0%-100%,100%, whatever the scale of the numbers. */
        public boolean tableDefault() {
            return min.signum() == 0 && softMax.compareTo(BigDecimal.valueOf(100)) == 0
                    && hardMax.compareTo(BigDecimal.valueOf(100)) == 0;
        }

        @Override
        public String toString() {
            return pct(min) + "-" + pct(softMax) + "," + pct(hardMax);
        }

        private static String pct(BigDecimal p) {
            return p.stripTrailingZeros().toPlainString() + "%";
        }
    }

    /** A refused value or combination; the message is the text after {@code **ERROR: }. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }

        /** The banner of Redbook Example 8-4 around this message. */
        public List<String> banner() {
            return ResourceControls.banner(getMessage());
        }
    }

    /** Redbook Example 8-4: a line of 70 stars, {@code **ERROR: …}, 70 stars. */
    public static List<String> banner(String message) {
        String stars = "*".repeat(70);
        return List.of(stars, "**ERROR: " + message, stars);
    }

    /**
     * These controls with {@code attr=value} pairs (one -R argument, or a spec file's resources stanza) applied, then
     * the rules of one WPAR checked: min ≤ soft max ≤ hard max ≤ 100 (RB:11177–11181), shares 1–65535
     * (Table 8-1), totalThreads ≥ totalProcesses (Example 8-4). The rule across the running WPARs of an LPAR is the
     * commands' ({@link #cpuMinimum}, {@link #memoryMinimum}).
     */
    public ResourceControls with(Map<String, String> attrs) {
        boolean act = active;
        String rs = rset;
        Integer sc = sharesCpu;
        Limits c = cpu;
        Integer sm = sharesMemory;
        Limits m = memory;
        Long pvm = procVirtMemMb;
        Long tp = totalProcesses;
        Long tt = totalThreads;
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "active" -> {
                    if (!v.equals("yes") && !v.equals("no")) {
                        throw new Refused("resources.active (" + v + ") must be yes or no");
                    }
                    act = v.equals("yes");
                }
                case "rset" -> rs = v.isEmpty() ? null : v;
                case "shares_CPU" -> sc = shares("shares_CPU", v);
                case "CPU" -> c = Limits.parse("resources.CPU", v);
                case "shares_memory" -> sm = shares("shares_memory", v);
                case "memory" -> m = Limits.parse("resources.memory", v);
                case "procVirtMem" -> pvm = megabytes(v);
                case "totalProcesses" -> tp = count("totalProcesses", v);
                case "totalThreads" -> tt = count("totalThreads", v);
                default -> throw new Refused("resources." + e.getKey() + " is not a resource control attribute");
            }
        }
        check("CPU", c);
        check("memory", m);
        if (tp != null && tt != null && tt < tp) {
            throw new Refused("resources.totalThreads (" + tt + ") must be >= totalProcesses (" + tp + ")");
        }
        return new ResourceControls(act, rs, sc, c, sm, m, pvm, tp, tt);
    }

    /**
     * These controls with the attributes named back to Table 8-2's defaults ({@code chwpar -K -R attr ...}); an
     * attribute that is not one of Table 8-1's is refused.
     */
    public ResourceControls withDefaults(List<String> attributes) {
        ResourceControls r = this;
        for (String a : attributes) {
            r = switch (a) {
                case "active" -> new ResourceControls(DEFAULTS.active, r.rset, r.sharesCpu, r.cpu, r.sharesMemory,
                        r.memory, r.procVirtMemMb, r.totalProcesses, r.totalThreads);
                case "rset" -> new ResourceControls(r.active, null, r.sharesCpu, r.cpu, r.sharesMemory, r.memory,
                        r.procVirtMemMb, r.totalProcesses, r.totalThreads);
                case "shares_CPU" -> new ResourceControls(r.active, r.rset, null, r.cpu, r.sharesMemory, r.memory,
                        r.procVirtMemMb, r.totalProcesses, r.totalThreads);
                case "CPU" -> new ResourceControls(r.active, r.rset, r.sharesCpu, Limits.DEFAULT, r.sharesMemory,
                        r.memory, r.procVirtMemMb, r.totalProcesses, r.totalThreads);
                case "shares_memory" -> new ResourceControls(r.active, r.rset, r.sharesCpu, r.cpu, null, r.memory,
                        r.procVirtMemMb, r.totalProcesses, r.totalThreads);
                case "memory" -> new ResourceControls(r.active, r.rset, r.sharesCpu, r.cpu, r.sharesMemory,
                        Limits.DEFAULT, r.procVirtMemMb, r.totalProcesses, r.totalThreads);
                case "procVirtMem" -> new ResourceControls(r.active, r.rset, r.sharesCpu, r.cpu, r.sharesMemory,
                        r.memory, null, r.totalProcesses, r.totalThreads);
                case "totalProcesses" -> new ResourceControls(r.active, r.rset, r.sharesCpu, r.cpu, r.sharesMemory,
                        r.memory, r.procVirtMemMb, null, r.totalThreads);
                case "totalThreads" -> new ResourceControls(r.active, r.rset, r.sharesCpu, r.cpu, r.sharesMemory,
                        r.memory, r.procVirtMemMb, r.totalProcesses, null);
                default -> throw new Refused("resources." + a + " is not a resource control attribute");
            };
        }
        return r;
    }

    /** Parses one -R argument ({@code attr=value attr=value}) and applies it. */
    public ResourceControls with(String dashR) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String part : dashR.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new Refused("resources: " + part + " is not of the form attribute=value");
            }
            attrs.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return with(attrs);
    }

    private static void check(String resource, Limits l) {
        for (BigDecimal p : List.of(l.min, l.softMax, l.hardMax)) {
            if (p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new Refused("resources." + resource + " (" + l + "): a percentage must be between 0 and 100");
            }
        }
        if (l.min.compareTo(l.softMax) > 0) {
            throw new Refused("resources." + resource + " (" + l + "): the minimum must not exceed the soft maximum");
        }
        if (l.softMax.compareTo(l.hardMax) > 0) {
            throw new Refused("resources." + resource + " (" + l + "): the soft maximum must not exceed the hard maximum");
        }
    }

    private static Integer shares(String attr, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new Refused("resources." + attr + " (" + v + ") must be a number of shares from 1 to 65535");
    }

    private static Long count(String attr, String v) {
        try {
            long n = Long.parseLong(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new Refused("resources." + attr + " (" + v + ") must be a positive number");
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)(MB|GB|TB)?");

    /** {@code <n>[MB | GB | TB]} (Table 8-1); without a unit, MB. */
    private static Long megabytes(String v) {
        Matcher m = SIZE.matcher(v);
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new Refused("resources.procVirtMem (" + v + ") must have the form <n>[MB | GB | TB]");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "MB" : m.group(2);
        return switch (unit) {
            case "GB" -> n * 1024;
            case "TB" -> n * 1024 * 1024;
            default -> n;
        };
    }

    /** The CPU minimum this WPAR claims while running: none when its controls are not active (active=no). */
    public BigDecimal cpuMinimum() {
        return active ? cpu.min : BigDecimal.ZERO;
    }

    /** The memory minimum this WPAR claims while running. */
    public BigDecimal memoryMinimum() {
        return active ? memory.min : BigDecimal.ZERO;
    }

    /** The values as {@code lswpar -R} prints them (Examples 8-1 to 8-5), in {@link #ATTRIBUTES} order. */
    public List<String> shown() {
        List<String> v = new ArrayList<>();
        v.add(active ? "yes" : "no");
        v.add(rset == null ? "" : rset);
        v.add(unlimited(sharesCpu));
        v.add(cpu.toString());
        v.add(unlimited(sharesMemory));
        v.add(memory.toString());
        v.add(procVirtMemMb == null ? "unlimited" : procVirtMemMb + "MB");
        v.add(unlimited(totalProcesses));
        v.add(unlimited(totalThreads));
        return v;
    }

    private static String unlimited(Number n) {
        return n == null ? "unlimited" : n.toString();
    }

    /** The spec file's resources stanza: active, then every attribute that is not its default. */
    public Map<String, String> specAttributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("active", active ? "yes" : "no");
        if (rset != null) {
            m.put("rset", rset);
        }
        if (sharesCpu != null) {
            m.put("shares_CPU", sharesCpu.toString());
        }
        if (!cpu.tableDefault()) {
            m.put("CPU", cpu.toString());
        }
        if (sharesMemory != null) {
            m.put("shares_memory", sharesMemory.toString());
        }
        if (!memory.tableDefault()) {
            m.put("memory", memory.toString());
        }
        if (procVirtMemMb != null) {
            m.put("procVirtMem", procVirtMemMb + "MB");
        }
        if (totalProcesses != null) {
            m.put("totalProcesses", totalProcesses.toString());
        }
        if (totalThreads != null) {
            m.put("totalThreads", totalThreads.toString());
        }
        return m;
    }
}
