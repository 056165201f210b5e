package dev.wparflow.aix;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource controls of a WPAR (Redbook chapter 8, Table 8-1 and 8-2, RB:11216-11493): shares and percentage
 * limits for CPU and memory, the per-process virtual memory limit and the process and thread limits. A control left
 * {@code null} is not set (for a request: unchanged; as read: unlimited). The rules of RB:11177-11181 are checked
 * here: minimum ≤ soft maximum ≤ hard maximum, at most two decimals (RB:11945), shares 1-65535, totalThreads ≥
 * totalProcesses (RB:11311-11315); the sum of the CPU minimums of the running WPARs is
 * {@link #checkSumOfMinimums}.
 */
public record ResourceControls(Boolean active, Integer sharesCpu, Limits cpu, Integer sharesMemory, Limits memory,
        Long procVirtMemMb, Long totalProcesses, Long totalThreads) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})(MB|GB|TB)");

    public ResourceControls {
        if (sharesCpu != null) {
            Validators.range("sharesCpu", sharesCpu, 1, 65535);
        }
        if (sharesMemory != null) {
            Validators.range("sharesMemory", sharesMemory, 1, 65535);
        }
        if (procVirtMemMb != null && procVirtMemMb < 1) {
            throw new InvalidArgumentException("procVirtMem", procVirtMemMb + "MB", "must be at least 1MB");
        }
        if (totalProcesses != null && totalProcesses < 1) {
            throw new InvalidArgumentException("totalProcesses", totalProcesses.toString(), "must be at least 1");
        }
        if (totalThreads != null && totalThreads < 1) {
            throw new InvalidArgumentException("totalThreads", totalThreads.toString(), "must be at least 1");
        }
        if (totalThreads != null && totalProcesses != null && totalThreads < totalProcesses) {
            throw new InvalidArgumentException("totalThreads", totalThreads.toString(),
                    "must be greater than or equal to totalProcesses (" + totalProcesses + ")");
        }
    }

    /** Nothing set: mkwpar's defaults (Table 8-2). */
    public static ResourceControls none() {
        return new ResourceControls(null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return active == null && sharesCpu == null && cpu == null && sharesMemory == null && memory == null
                && procVirtMemMb == null && totalProcesses == null && totalThreads == null;
    }

    /** The CPU minimum in percent (0 when not set, the default 0%-100%,100%). */
    public BigDecimal cpuMinimum() {
        return cpu == null ? BigDecimal.ZERO : cpu.minimum();
    }

    /** These controls with {@code changes} set over them. */
    public ResourceControls with(ResourceControls changes) {
        return new ResourceControls(pick(changes.active, active), pick(changes.sharesCpu, sharesCpu),
                pick(changes.cpu, cpu), pick(changes.sharesMemory, sharesMemory), pick(changes.memory, memory),
                pick(changes.procVirtMemMb, procVirtMemMb), pick(changes.totalProcesses, totalProcesses),
                pick(changes.totalThreads, totalThreads));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The {@code attr=value} words of {@code mkwpar -R} / {@code chwpar -R} for the controls that are set. */
    public AttributeList attributes() {
        AttributeList.Builder b = AttributeList.builder();
        asKeywords().forEach(b::keyword);
        return b.build();
    }

    /**
     * The controls of Table 8-1's {@code attr=value} pairs (a spec's {@code resources} stanza, {@code -R} words);
     * absent, empty or {@code unlimited} values are not set, other keys are ignored. The inverse of
     * {@link #asKeywords}.
     */
    public static ResourceControls fromKeywords(Map<String, String> kv) {
        String active = set(kv.get("active"));
        String vm = set(kv.get("procVirtMem"));
        return new ResourceControls(active == null ? null : active.equals("yes"),
                set(kv.get("shares_CPU")) == null ? null : Integer.valueOf(kv.get("shares_CPU")),
                set(kv.get("CPU")) == null ? null : Limits.parse("CPU", kv.get("CPU")),
                set(kv.get("shares_memory")) == null ? null : Integer.valueOf(kv.get("shares_memory")),
                set(kv.get("memory")) == null ? null : Limits.parse("memory", kv.get("memory")),
                vm == null ? null : parseSizeMb("procVirtMem", vm),
                set(kv.get("totalProcesses")) == null ? null : Long.valueOf(kv.get("totalProcesses")),
                set(kv.get("totalThreads")) == null ? null : Long.valueOf(kv.get("totalThreads")));
    }

    private static String set(String value) {
        return value == null || value.isEmpty() || value.equals("unlimited") ? null : value;
    }

    /** The controls that are set, as Table 8-1's attribute names and values ({@code CPU=6%-30%,45%}). */
    public Map<String, String> asKeywords() {
        Map<WparLifecycle.ResourceControl, String> m = new EnumMap<>(WparLifecycle.ResourceControl.class);
        if (active != null) {
            m.put(WparLifecycle.ResourceControl.ACTIVE, active ? "yes" : "no");
        }
        if (sharesCpu != null) {
            m.put(WparLifecycle.ResourceControl.SHARES_CPU, sharesCpu.toString());
        }
        if (cpu != null) {
            m.put(WparLifecycle.ResourceControl.CPU, cpu.toString());
        }
        if (sharesMemory != null) {
            m.put(WparLifecycle.ResourceControl.SHARES_MEMORY, sharesMemory.toString());
        }
        if (memory != null) {
            m.put(WparLifecycle.ResourceControl.MEMORY, memory.toString());
        }
        if (procVirtMemMb != null) {
            m.put(WparLifecycle.ResourceControl.PROC_VIRT_MEM, procVirtMemMb + "MB");
        }
        if (totalProcesses != null) {
            m.put(WparLifecycle.ResourceControl.TOTAL_PROCESSES, totalProcesses.toString());
        }
        if (totalThreads != null) {
            m.put(WparLifecycle.ResourceControl.TOTAL_THREADS, totalThreads.toString());
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.key(), v));
        return out;
    }

    /**
     * "The sum of minimum percentage for all running WPARs must not exceed 100" (RB:11177): {@code running} are the
     * controls of the WPARs running on the LPAR (the one being changed left out), {@code added} the one that will run.
     */
    public static void checkSumOfMinimums(String lpar, Collection<ResourceControls> running, ResourceControls added) {
        BigDecimal sum = added.cpuMinimum();
        for (ResourceControls r : running) {
            if (r.active == null || r.active) {
                sum = sum.add(r.cpuMinimum());
            }
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidArgumentException("cpu", added.cpu == null ? null : added.cpu.toString(),
                    "the CPU minimums of the running WPARs of " + lpar + " would add up to "
                            + sum.stripTrailingZeros().toPlainString() + "%; the sum must not exceed 100% (Redbook 8)");
        }
    }

    /**
     * The rule of RB:11177 for one change, with its numbers: the CPU and the memory minimums of {@code running} (the
     * controls of the WPARs running on the LPAR, the one changed included or not) with {@code wpar}'s replaced by
     * {@code after}. A WPAR whose controls are not active claims nothing (RB:11232). {@code lparMemoryMb}, when known,
     * gives the memory percentages in MB. Returns one sentence per resource over 100%, none when the change fits.
     */
    public static java.util.List<String> minimumsOver100(String lpar, Map<String, ResourceControls> running,
            String wpar, ResourceControls after, Long lparMemoryMb) {
        java.util.List<String> over = new java.util.ArrayList<>();
        for (String resource : java.util.List.of("CPU", "memory")) {
            Map<String, ResourceControls> claims = new java.util.TreeMap<>(running);
            claims.put(wpar, after);
            BigDecimal sum = BigDecimal.ZERO;
            java.util.List<String> terms = new java.util.ArrayList<>();
            for (Map.Entry<String, ResourceControls> c : claims.entrySet()) {
                ResourceControls r = c.getValue();
                Limits l = resource.equals("CPU") ? r.cpu : r.memory;
                BigDecimal min = (r.active != null && !r.active) || l == null ? BigDecimal.ZERO : l.minimum();
                if (min.signum() > 0) {
                    terms.add(c.getKey() + " " + plain(min) + "%" + (c.getKey().equals(wpar) ? " (requested)" : ""));
                }
                sum = sum.add(min);
            }
            if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
                String mb = !resource.equals("memory") || lparMemoryMb == null ? ""
                        : " (" + sum.multiply(BigDecimal.valueOf(lparMemoryMb)).divide(BigDecimal.valueOf(100))
                                .setScale(0, java.math.RoundingMode.HALF_UP) + " MB of the LPAR's " + lparMemoryMb
                                + " MB)";
                over.add("the " + resource + " minimums of the running WPARs of " + lpar + " would add up to "
                        + plain(sum) + "%" + mb + ": " + String.join(" + ", terms)
                        + "; the sum must not exceed 100% (Redbook 8)");
            }
        }
        return over;
    }

    private static String plain(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString();
    }

    /** The controls that are set as one line of {@code attr=value} words ({@code shares_CPU=10 CPU=6%-30%,45%}). */
    public String keywordText() {
        return asKeywords().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The inverse of {@link #keywordText} (empty or null: nothing set). */
    public static ResourceControls fromKeywordText(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        if (text != null) {
            for (String word : text.strip().split("\\s+")) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    kv.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
        }
        return fromKeywords(kv);
    }

    /**
     * What {@code lswpar -R} would show after {@code changes}, read as these controls are: every control shown, the
     * ones changed replaced (a control not set shows as {@code unlimited}).
     */
    public Map<String, String> shownWith(ResourceControls changes) {
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> now = asKeywords();
        Map<String, String> changed = changes.asKeywords();
        for (WparLifecycle.ResourceControl k : WparLifecycle.ResourceControl.values()) {
            if (k == WparLifecycle.ResourceControl.RSET) {
                continue;
            }
            shown.put(k.key(), changed.getOrDefault(k.key(), now.getOrDefault(k.key(), "unlimited")));
        }
        return shown;
    }

    /**
     * How these controls, as read back, differ from {@code requested}: one {@code attr: requested X, shown Y} per
     * control the request sets that does not read back the same (percentages compared as numbers). Empty: applied.
     */
    public java.util.List<String> differencesFrom(ResourceControls requested) {
        Map<String, String> shown = asKeywords();
        java.util.List<String> out = new java.util.ArrayList<>();
        requested.asKeywords().forEach((k, v) -> {
            String actual = shown.getOrDefault(k, "unlimited");
            if (!actual.equals(v)) {
                out.add(k + ": requested " + v + ", lswpar -R shows " + actual);
            }
        });
        return out;
    }

    /**
     * The controls that bring back these values (read before a change) for what {@code changes} set: the value each
     * had, where it had one ({@code chwpar -R}); see {@link #unsetAmong} for those that were not set.
     */
    public ResourceControls previousValuesOf(ResourceControls changes) {
        Map<String, String> before = asKeywords();
        Map<String, String> kv = new LinkedHashMap<>();
        changes.asKeywords().keySet().forEach(k -> {
            if (before.containsKey(k)) {
                kv.put(k, before.get(k));
            }
        });
        return fromKeywords(kv);
    }

    /** The controls {@code changes} sets that were not set here (unlimited): {@code chwpar -K -R} restores them. */
    public java.util.List<WparLifecycle.ResourceControl> unsetAmong(ResourceControls changes) {
        Map<String, String> before = asKeywords();
        java.util.List<WparLifecycle.ResourceControl> out = new java.util.ArrayList<>();
        Map<String, String> changed = changes.asKeywords();
        for (WparLifecycle.ResourceControl k : WparLifecycle.ResourceControl.values()) {
            if (changed.containsKey(k.key()) && !before.containsKey(k.key())) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * A size for {@code procVirtMem}: {@code 512MB}, {@code 2GB}, {@code 1TB} (RB:11322-11326), in MB ({@code 1TB}
     * lswpar shows as {@code 1048576MB}, RB:11874-11896).
     */
    public static long parseSizeMb(String field, String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidArgumentException(field, text, "must be a size such as 512MB, 2GB or 1TB");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "GB" -> n * 1024;
            case "TB" -> n * 1024 * 1024;
            default -> n;
        };
    }

    /**
     * {@code MIN%-SOFTMAX%,HARDMAX%} (Table 8-1, RB:11267-11293), percentages with at most two decimals, each 0-100,
     * minimum ≤ soft maximum ≤ hard maximum (RB:11179-11181).
     */
    public record Limits(BigDecimal minimum, BigDecimal softMaximum, BigDecimal hardMaximum) {

        private static final Pattern FORM = Pattern.compile(
                "(\\d{1,3}(?:\\.\\d{1,2})?)%-(\\d{1,3}(?:\\.\\d{1,2})?)%,(\\d{1,3}(?:\\.\\d{1,2})?)%");
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Limits {
            for (BigDecimal p : new BigDecimal[] {minimum, softMaximum, hardMaximum}) {
                if (p == null || p.signum() < 0 || p.compareTo(HUNDRED) > 0 || p.scale() > 2) {
                    throw new InvalidArgumentException("limits", String.valueOf(p),
                            "each percentage must be 0-100 with at most two decimals");
                }
            }
            if (minimum.compareTo(softMaximum) > 0) {
                throw new InvalidArgumentException("limits", text(minimum, softMaximum, hardMaximum),
                        "the minimum percentage must not exceed the soft maximum (Redbook 8)");
            }
            if (softMaximum.compareTo(hardMaximum) > 0) {
                throw new InvalidArgumentException("limits", text(minimum, softMaximum, hardMaximum),
                        "the soft maximum percentage must not exceed the hard maximum (Redbook 8)");
            }
        }

        /** Parses {@code 6%-30%,45%}; {@code field} names the input in the refusal. */
        public static Limits parse(String field, String text) {
            Matcher m = FORM.matcher(text == null ? "" : text.strip());
            if (!m.matches()) {
                throw new InvalidArgumentException(field, text, "must be MIN%-SOFTMAX%,HARDMAX% such as 6%-30%,45%");
            }
            try {
                return new Limits(new BigDecimal(m.group(1)), new BigDecimal(m.group(2)), new BigDecimal(m.group(3)));
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(field, text, e.rule());
            }
        }

        private static String text(BigDecimal min, BigDecimal soft, BigDecimal hard) {
            return plain(min) + "%-" + plain(soft) + "%," + plain(hard) + "%";
        }

        private static String plain(BigDecimal p) {
            return p.stripTrailingZeros().toPlainString();
        }

        @Override
        public String toString() {
            return text(minimum, softMaximum, hardMaximum);
        }
    }
}
