package dev.wparflow.process.preflight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what identifies a site in preflight output, consistently: one instance per bundle, so the same original
 * becomes the same placeholder in every file of it.
 * <ul>
 * <li>host names ({@code host-1}) and WPAR names ({@code wpar-1}) given, matched whole (not inside a longer name),
 * ignoring case; a DNS domain after one ({@code lpar03.austin.ibm.com}) goes with it; a name given as an FQDN
 * hides its short name too, and its domain wherever it appears ({@code domain-1.example});</li>
 * <li>managed-system names given ({@code system-1});</li>
 * <li>serial numbers ({@code serial-1}): those given, wherever they occur (also inside uname's machine id), and what
 * looks like one: uname's machine id ({@code 00C0A9C04C00}), the serial of a type-model-serial
 * ({@code 9117-MMA*0610A9C}, {@code 9117-MMA,0610A9C} as lssyscfg -F prints it), of a system id
 * ({@code IBM,020610A9C}), and a value labelled {@code Serial Number:} or {@code serial_num=}; the type-model
 * stays, a developer needs it;</li>
 * <li>user names given ({@code user-1});</li>
 * <li>every IPv4 and IPv6 address: to the documentation ranges of RFC 5737 ({@code 192.0.2.1}, then 198.51.100.x,
 * 203.0.113.x) and RFC 3849 ({@code 2001:db8::1}), which no site uses, so a placeholder never equals an original.
 * Left alone: netmasks ({@code 255.…}), {@code 0.0.0.0}, loopback, and a dotted level after a fileset name
 * ({@code bos.rte 6.1.2.1}, {@code bos.rte:6.1.2.1} in lslpp -Lc), which parsers need and which identify no one.</li>
 * </ul>
 * Everything is replaced in one pass over the text, so a placeholder is never taken for an original.
 */
public final class PreflightAnonymizer {

    /** The site's names to hide: the inventory's hosts, WPARs, managed systems, serials, users and addresses. */
    public record Hidden(List<String> hosts, List<String> wpars, List<String> managedSystems, List<String> serials,
            List<String> users, List<String> addresses) {

        public Hidden {
            hosts = List.copyOf(hosts);
            wpars = List.copyOf(wpars);
            managedSystems = List.copyOf(managedSystems);
            serials = List.copyOf(serials);
            users = List.copyOf(users);
            addresses = List.copyOf(addresses);
        }

        public static Hidden none() {
            return new Hidden(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        public Hidden withHosts(Collection<String> more) {
            return new Hidden(plus(hosts, more), wpars, managedSystems, serials, users, addresses);
        }

        public Hidden withWpars(Collection<String> more) {
            return new Hidden(hosts, plus(wpars, more), managedSystems, serials, users, addresses);
        }

        public Hidden withManagedSystems(Collection<String> more) {
            return new Hidden(hosts, wpars, plus(managedSystems, more), serials, users, addresses);
        }

        public Hidden withSerials(Collection<String> more) {
            return new Hidden(hosts, wpars, managedSystems, plus(serials, more), users, addresses);
        }

        public Hidden withUsers(Collection<String> more) {
            return new Hidden(hosts, wpars, managedSystems, serials, plus(users, more), addresses);
        }

        public Hidden withAddresses(Collection<String> more) {
            return new Hidden(hosts, wpars, managedSystems, serials, users, plus(addresses, more));
        }

        private static List<String> plus(List<String> a, Collection<String> b) {
            List<String> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        }
    }

    private enum Kind {
        HOST("host-"), WPAR("wpar-"), SYSTEM("system-"), SERIAL("serial-"), USER("user-"), DOMAIN("domain-");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private static final String NOT_ALNUM_BEFORE = "(?<![A-Za-z0-9])";
    private static final String NOT_ALNUM_AFTER = "(?![A-Za-z0-9])";
    /** A DNS domain of two or more labels after a host name; file suffixes such as .save are not domains. */
    private static final Pattern DOMAIN = Pattern.compile("(?:\\.[A-Za-z][A-Za-z0-9-]*){2,}");
    private static final Set<String> FILE_SUFFIXES = Set.of("save", "gz", "z", "bz2", "xz", "tar", "bff", "data",
            "log", "txt", "out", "cfg", "spec", "sh");
    private static final String IPV4 = "(?<![0-9A-Za-z.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9A-Za-z]|\\.\\d)";
    private static final String IPV6 = "(?<![0-9A-Za-z:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?![0-9A-Za-z:])";
    private static final String TYPE_MODEL_SERIAL = "(?<tm>\\b\\d{4}-[A-Za-z0-9]{3}[*,])(?<tmserial>[A-Za-z0-9]{7})"
            + NOT_ALNUM_AFTER;
    private static final String SYSTEM_ID = "(?<sysid>\\bIBM,\\d\\d)(?<sysidserial>[A-Za-z0-9]{7})" + NOT_ALNUM_AFTER;
    /** uname's machine id ({@code 00C0A9C04C00}): derived from the system's serial. */
    private static final String MACHINE_ID = "(?<machineid>\\b00[0-9A-Fa-f]{6,8}4C00\\b)";
    private static final String LABELLED_SERIAL = "(?<label>(?i:serial number|serial_num)\\s*[:=]\\s*)"
            + "(?<labelserial>[A-Za-z0-9]{4,12})" + NOT_ALNUM_AFTER;
    /**
     * A fileset name just before a dotted level and lslpp's state (and type) after it ({@code bos.rte  6.1.2.1  C  F},
     * {@code bos.rte 6.1.2.1 COMMITTED}, {@code bos:bos.rte:6.1.2.1: : :C:F}): a level, not an address. Both sides
     * are asked, so a host name followed by its address is not taken for a fileset.
     */
    private static final Pattern FILESET_BEFORE = Pattern.compile("(?<![A-Za-z0-9_.+-])(?<fileset>[A-Za-z][A-Za-z0-9_+-]*"
            + "(?:\\.[A-Za-z0-9_+-]+)+)[\\s:]+$");
    private static final Pattern STATE_AFTER = Pattern.compile("^[ \\t:]+(?:[A-Z?][ \\t:]+[A-Z](?![A-Za-z0-9])|COMMITTED|"
            + "APPLIED|APPLYING|BROKEN|COMMITTING|OBSOLETE|EFIXLOCKED)");

    private final Map<Kind, Map<String, String>> names = new LinkedHashMap<>();
    private final Map<String, Kind> known = new LinkedHashMap<>();
    private final Map<String, String> v4 = new LinkedHashMap<>();
    private final Map<String, String> v6 = new LinkedHashMap<>();
    private final Set<String> knownAddresses;
    private final Pattern pattern;

    public PreflightAnonymizer(Hidden hidden) {
        for (Kind k : Kind.values()) {
            names.put(k, new LinkedHashMap<>());
        }
        // the order of the inventory numbers the placeholders: lpar00 is host-1 in every bundle of the same fleet
        register(Kind.HOST, hidden.hosts());
        register(Kind.WPAR, hidden.wpars());
        register(Kind.SYSTEM, hidden.managedSystems());
        register(Kind.USER, hidden.users());
        knownAddresses = Set.copyOf(hidden.addresses());
        hidden.addresses().forEach(this::address);
        List<String> words = new ArrayList<>(known.keySet());
        words.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String w : words) {
            alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(w));
        }
        String knownAlt = words.isEmpty() ? "(?!)" : alt.toString();
        // serials given are hidden wherever they occur, also inside a longer token (uname -a, systemid)
        List<String> serials = hidden.serials().stream().filter(x -> x != null && !x.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        serials.forEach(x -> placeholder(Kind.SERIAL, x));
        String serialAlt = serials.isEmpty() ? "(?!)"
                : String.join("|", serials.stream().map(Pattern::quote).toList());
        pattern = Pattern.compile(String.join("|",
                TYPE_MODEL_SERIAL,
                SYSTEM_ID,
                LABELLED_SERIAL,
                MACHINE_ID,
                "(?<serial>(?i:" + serialAlt + "))",
                NOT_ALNUM_BEFORE + "(?<name>(?i:" + knownAlt + "))" + NOT_ALNUM_AFTER,
                "(?<v4>" + IPV4 + ")",
                "(?<v6>" + IPV6 + ")"));
    }

    private void register(Kind kind, Collection<String> originals) {
        for (String o : originals) {
            if (o != null && !o.isBlank()) {
                String key = o.toLowerCase(Locale.ROOT);
                known.putIfAbsent(key, kind);
                String placeholder = placeholder(known.get(key), key);
                int dot = key.indexOf('.');
                if (dot > 0 && !key.matches("[0-9.]+") && (kind == Kind.HOST || kind == Kind.WPAR)) {
                    // an inventory naming hosts by FQDN: the short name is the same host, the domain is the site's
                    String shortName = key.substring(0, dot);
                    known.putIfAbsent(shortName, kind);
                    names.get(known.get(shortName)).putIfAbsent(shortName, placeholder);
                    String domain = key.substring(dot + 1);
                    known.putIfAbsent(domain, Kind.DOMAIN);
                    placeholder(Kind.DOMAIN, domain);
                }
            }
        }
    }

    private String placeholder(Kind kind, String original) {
        Map<String, String> m = names.get(kind);
        // a domain keeps the form of one, in the .example top-level domain reserved for documentation (RFC 2606)
        String suffix = kind == Kind.DOMAIN ? ".example" : "";
        return m.computeIfAbsent(original.toLowerCase(Locale.ROOT), o -> kind.prefix + (countDistinct(m) + 1) + suffix);
    }

    /** Placeholders so far: a short name shares its FQDN's placeholder, so entries may outnumber them. */
    private static int countDistinct(Map<String, String> m) {
        return (int) m.values().stream().distinct().count();
    }

    /** The placeholder of a host name given (or first seen as a finding's host). */
    public String host(String original) {
        Kind k = known.get(original.toLowerCase(Locale.ROOT));
        return placeholder(k == null ? Kind.HOST : k, original);
    }

    /** The text with every site name, serial and address replaced; null stays null. */
    public String anonymize(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            String replacement = replacement(m, text);
            out.append(text, last, m.start()).append(replacement);
            last = m.end();
            if (m.group("name") != null) {
                Matcher d = DOMAIN.matcher(text).region(last, text.length());
                if (d.lookingAt() && isDomain(d.group())) {
                    last = d.end();
                    m.region(last, text.length());
                }
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean isDomain(String suffix) {
        String tld = suffix.substring(suffix.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return tld.length() >= 2 && !FILE_SUFFIXES.contains(tld);
    }

    private String replacement(Matcher m, String text) {
        if (m.group("tm") != null) {
            return m.group("tm") + placeholder(Kind.SERIAL, m.group("tmserial"));
        }
        if (m.group("sysid") != null) {
            return m.group("sysid") + placeholder(Kind.SERIAL, m.group("sysidserial"));
        }
        if (m.group("label") != null) {
            return m.group("label") + placeholder(Kind.SERIAL, m.group("labelserial"));
        }
        if (m.group("machineid") != null) {
            return placeholder(Kind.SERIAL, m.group("machineid"));
        }
        if (m.group("serial") != null) {
            return placeholder(Kind.SERIAL, m.group("serial"));
        }
        if (m.group("name") != null) {
            String key = m.group("name").toLowerCase(Locale.ROOT);
            return placeholder(known.get(key), key);
        }
        if (m.group("v4") != null) {
            String a = m.group("v4");
            return keepsIpv4(a, text, m.start()) ? a : address(a);
        }
        String a = m.group("v6");
        return isIpv6(a) ? address(a) : a;
    }

    private boolean keepsIpv4(String a, String text, int at) {
        if (knownAddresses.contains(a)) {
            return false;
        }
        for (String octet : a.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return true;
            }
        }
        if (a.startsWith("255.") || a.equals("0.0.0.0") || a.startsWith("127.")) {
            return true;
        }
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        Matcher before = FILESET_BEFORE.matcher(text.substring(lineStart, at));
        if (!before.find()) {
            return false;
        }
        String firstLabel = before.group("fileset").split("\\.")[0].toLowerCase(Locale.ROOT);
        int lineEnd = text.indexOf('\n', at + a.length());
        String after = text.substring(at + a.length(), lineEnd < 0 ? text.length() : lineEnd);
        return !known.containsKey(firstLabel) && STATE_AFTER.matcher(after).find();
    }

    /** Strict enough that times (15:28:20) and colon-delimited lswpar -c output are not addresses. */
    static boolean isIpv6(String s) {
        if (s.contains(":::") || s.indexOf("::") != s.lastIndexOf("::")) {
            return false;
        }
        boolean compressed = s.contains("::");
        String[] groups = s.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.length() > 4) {
                return false;
            }
            if (!g.isEmpty()) {
                nonEmpty++;
            }
        }
        return compressed ? nonEmpty <= 7 && s.length() > 2 || s.equals("::1") : groups.length == 8 && nonEmpty == 8;
    }

    private String address(String a) {
        if (a.contains(":")) {
            return v6.computeIfAbsent(a.toLowerCase(Locale.ROOT), x -> "2001:db8::" + Integer.toHexString(v6.size() + 1));
        }
        return v4.computeIfAbsent(a, x -> documentationAddress(v4.size()));
    }

    private static final String[] TEST_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};

    private static String documentationAddress(int index) {
        int net = index / 254;
        int host = index % 254 + 1;
        if (net < TEST_NETS.length) {
            return TEST_NETS[net] + host;
        }
        // beyond 762 addresses: still one placeholder per original, in the benchmarking range of RFC 2544
        return "198.18." + (net - TEST_NETS.length) + "." + host;
    }
}
