package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NIM on the NIM master for WPAR clients (digest §1.28, RB:9615-9799). The Redbook lists the operations
 * (activate, chwpar, create, deactivate, destroy, lswpar, syncwpar, RB:9765-9777) and the machine type {@code wpar}
 * but gives no command line or lsnim output (digest §0.1); the command forms and the stanza format follow IBM's
 * NIM reference ("Defining a WPAR as a NIM client": {@code nim -o define -t wpar -a mgmt_profile1="MANAGING_SYSTEM
 * WPAR" -a if1="find_net HOSTNAME 0" WPAR}).
 */
public final class Nim {

    private Nim() {
    }

    /** Operations on a WPAR machine object that take only the target (RB:9765-9777, plus remove/reset). */
    public enum Operation {
        CREATE("create"), ACTIVATE("activate"), DEACTIVATE("deactivate"), DESTROY("destroy"), LSWPAR("lswpar"),
        SYNCWPAR("syncwpar"), CHWPAR("chwpar"), RESET("reset"), REMOVE("remove");

        private final String word;

        Operation(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** One object of {@code lsnim}: name, class (machines, resources, networks, groups), type. */
    public record NimObject(String name, String objectClass, String type) {
    }

    /** One stanza of {@code lsnim -l}: the object name and its {@code attr = value} lines, in order. */
    public record NimStanza(String name, Map<String, String> attributes) {
        public String get(String attr) {
            return attributes.get(attr);
        }
    }

    /**
     * {@code nim -o define -t wpar -a mgmt_profile1='MANAGING WPAR' -a if1='find_net HOST 0' WPAR}: defines a WPAR
     * machine managed by the global environment {@code managingSystem} (itself a NIM standalone client).
     */
    public static AixCommand defineWpar(NimObjectName wpar, NimObjectName managingSystem, HostName hostname) {
        AttributeList profile = AttributeList.builder().put("mgmt_profile1", managingSystem, wpar).build();
        AttributeList ifc = AttributeList.builder().put("if1", new NimObjectName("find_net"), hostname,
                new NimObjectName("0")).build();
        return AixCommand.of("nim").option("-o", "define").option("-t", "wpar").flag("-a", profile)
                .flag("-a", ifc).arg(wpar).build();
    }

    /**
     * {@code nim -o OP [-a res=NAME ...] TARGET}. Resources are NIM resource names by attribute (for create:
     * {@code wpar_spec}, {@code savewpar}, {@code devexports}, {@code secattrs}, RB:9791-9799).
     */
    public static AixCommand operation(Operation op, NimObjectName target, Map<String, NimObjectName> resources) {
        AixCommand.Builder b = AixCommand.of("nim").option("-o", op.word());
        if (resources != null) {
            resources.forEach((k, v) -> b.flag("-a", AttributeList.builder().put(k, v).build()));
        }
        return b.arg(target).build();
    }

    /** {@code lsnim}: all objects. */
    public static AixCommand list() {
        return AixCommand.of("lsnim").build();
    }

    /** {@code lsnim -t wpar}: all WPAR machines. */
    public static AixCommand listWpars() {
        return AixCommand.of("lsnim").option("-t", "wpar").build();
    }

    /** {@code lsnim -l NAME}. */
    public static AixCommand details(NimObjectName name) {
        return AixCommand.of("lsnim").flag("-l").arg(name).build();
    }

    /** {@code lsnim} / {@code lsnim -t TYPE}: {@code name class type} per line, white-space separated. */
    public static List<NimObject> parseList(String out) {
        List<NimObject> objs = new ArrayList<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] tok = t.split("\\s+");
            if (tok.length != 3) {
                throw UnexpectedOutputException.unknownFormat("lsnim", n + 1, t, "expected 'name class type'");
            }
            objs.add(new NimObject(tok[0], tok[1], tok[2]));
        }
        return objs;
    }

    /** {@code lsnim -l}: stanzas {@code NAME:} followed by indented {@code attr = value} lines. */
    public static List<NimStanza> parseStanzas(String out) {
        List<NimStanza> stanzas = new ArrayList<>();
        String name = null;
        Map<String, String> attrs = null;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String l = lines.get(n);
            if (l.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(l.charAt(0)) && l.strip().endsWith(":") && !l.contains("=")) {
                if (name != null) {
                    stanzas.add(new NimStanza(name, attrs));
                }
                name = l.strip().substring(0, l.strip().length() - 1);
                attrs = new LinkedHashMap<>();
                continue;
            }
            int eq = l.indexOf('=');
            if (name == null || eq < 0) {
                throw UnexpectedOutputException.unknownFormat("lsnim -l", n + 1, l,
                        "expected 'NAME:' or an indented 'attribute = value'");
            }
            attrs.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        if (name != null) {
            stanzas.add(new NimStanza(name, attrs));
        }
        return stanzas;
    }
}
