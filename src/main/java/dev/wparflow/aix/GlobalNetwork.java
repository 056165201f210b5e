package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network interfaces of a global environment: {@code ifconfig -a}, {@code netstat -in} and the name mapped
 * interfaces of {@code /etc/wpars/devmap} (Redbook 7.12, Example 7-14: "gordon_if1      en0", one name and its
 * interface per line, separated by spaces or tabs). The Redbook shows no ifconfig or netstat output; the formats
 * follow IBM's ifconfig and netstat command references.
 */
public final class GlobalNetwork {

    /** {@code /etc/wpars/devmap}: the name mapped interfaces of the WPARs (RB:10773). */
    public static final AbsolutePath DEVMAP = AbsolutePath.of("/etc/wpars/devmap");

    /** cat's "cannot open" message: no {@link #DEVMAP}, which exists only when a name mapped interface does. */
    public static final String NO_DEVMAP = "0652-050";

    private static final Pattern IFCONFIG_HEAD = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*): flags=[0-9a-fA-F,]+<([^>]*)>");
    private static final Pattern INET = Pattern.compile("^\\s+inet6?\\s+(\\S+)");

    private GlobalNetwork() {
    }

    /** One interface of {@code ifconfig -a}: its name, whether UP, its addresses. */
    public record Interface(String name, boolean up, List<String> addresses) {
    }

    /** {@code ifconfig -a}. */
    public static AixCommand ifconfigAll() {
        return AixCommand.of("ifconfig").flag("-a").build();
    }

    /** {@code netstat -in}. */
    public static AixCommand netstatInterfaces() {
        return AixCommand.of("netstat").flag("-in").build();
    }

    /**
     * {@code ifconfig -a}: a line {@code en0: flags=1e080863,480<UP,BROADCAST,...>} per interface, its {@code inet}
     * and option lines indented below it.
     */
    public static List<Interface> parseIfconfig(String out) {
        List<Interface> result = new ArrayList<>();
        String name = null;
        boolean up = false;
        List<String> addresses = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            Matcher head = IFCONFIG_HEAD.matcher(line);
            if (head.find()) {
                if (name != null) {
                    result.add(new Interface(name, up, List.copyOf(addresses)));
                }
                name = head.group(1);
                up = List.of(head.group(2).split(",")).contains("UP");
                addresses = new ArrayList<>();
                continue;
            }
            if (name == null || !Character.isWhitespace(line.charAt(0))) {
                throw UnexpectedOutputException.unknownFormat("ifconfig -a", n + 1, line,
                        "expected 'NAME: flags=HEX<FLAGS>' or an indented line below it");
            }
            Matcher inet = INET.matcher(line);
            if (inet.find()) {
                addresses.add(inet.group(1));
            }
        }
        if (name != null) {
            result.add(new Interface(name, up, List.copyOf(addresses)));
        }
        if (result.isEmpty()) {
            throw UnexpectedOutputException.unknownFormat("ifconfig -a", out, "no interface listed");
        }
        return result;
    }

    /**
     * {@code netstat -in}: the heading {@code Name Mtu Network Address Ipkts Ierrs Opkts Oerrs Coll}, then one row
     * per interface and address (an interface appears once per address family); the names, in order, once each.
     */
    public static List<String> parseNetstatInterfaces(String out) {
        Set<String> names = new LinkedHashSet<>();
        boolean header = false;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] w = line.strip().split("\\s+");
            if (!header) {
                if (!w[0].equals("Name") || w.length < 3 || !w[1].equals("Mtu")) {
                    throw UnexpectedOutputException.unknownFormat("netstat -in", n + 1, line,
                            "expected the heading 'Name Mtu Network Address ...'");
                }
                header = true;
                continue;
            }
            if (!w[0].matches("[A-Za-z][A-Za-z0-9_]*\\*?") || w.length < 2 || !w[1].matches("\\d+")) {
                throw UnexpectedOutputException.unknownFormat("netstat -in", n + 1, line, "expected 'NAME MTU ...'");
            }
            // a trailing * marks an interface that is down
            names.add(w[0].endsWith("*") ? w[0].substring(0, w[0].length() - 1) : w[0]);
        }
        if (!header) {
            throw UnexpectedOutputException.unknownFormat("netstat -in", out, "no heading");
        }
        return List.copyOf(names);
    }

    /**
     * {@code /etc/wpars/devmap}: mapped name to interface; lines starting with {@code #} and blank lines are
     * ignored.
     */
    public static Map<String, String> parseDevmap(String out) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] w = t.split("[ \\t]+");
            if (w.length != 2) {
                throw UnexpectedOutputException.unknownFormat("/etc/wpars/devmap", n + 1, t,
                        "expected 'NAME INTERFACE' (Redbook Example 7-14)");
            }
            map.put(w[0], w[1]);
        }
        return map;
    }
}
