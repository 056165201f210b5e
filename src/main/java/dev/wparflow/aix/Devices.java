package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Devices: those exported to a WPAR ({@code lswpar -D NAME}) and those configured in a global environment
 * ({@code lsdev -C}). The Redbook shows {@code lsdev -C} inside a WPAR (Example 10-4: name, status, description) and
 * no {@code lswpar -D} output; its columns follow IBM's lswpar reference: Name, Device Name, Type, Virtual Device,
 * RootVG, Status. Pseudo devices ({@code /dev/null}, {@code /dev/zero}…) exist on every AIX system and are not
 * listed by lsdev.
 */
public final class Devices {

    private Devices() {
    }

    /** One device exported to a WPAR: its name ({@code /dev/null}, {@code hdisk3}), type, status. */
    public record Exported(String wpar, String device, String type, String status) {

        /** A pseudo device: present on every system. */
        public boolean pseudo() {
            return "pseudo".equals(type);
        }

        /** The name lsdev knows it by ({@code hdisk3} for {@code /dev/hdisk3}). */
        public String lsdevName() {
            return device.startsWith("/dev/") ? device.substring(5) : device;
        }
    }

    /** {@code lswpar -D NAME}. */
    public static AixCommand exported(WparName wpar) {
        return AixCommand.of(Lswpar.PROGRAM).flag("-D").arg(wpar).build();
    }

    /** {@code lsdev -C}. */
    public static AixCommand configured() {
        return AixCommand.of("lsdev").flag("-C").build();
    }

    /**
     * {@code lswpar -D}: the heading, a line of dashes, then {@code NAME DEVICE TYPE [VIRTUAL-DEVICE] [ROOTVG] STATUS}
     * per device (the optional columns are empty for most devices).
     */
    public static List<Exported> parseExported(String out) {
        List<Exported> result = new ArrayList<>();
        boolean header = false;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("---")) {
                continue;
            }
            String[] w = line.strip().split("\\s+");
            if (!header) {
                if (!line.startsWith("Name") || !line.contains("Device Name") || !line.contains("Status")) {
                    throw UnexpectedOutputException.unknownFormat("lswpar -D", n + 1, line,
                            "expected the heading 'Name Device Name Type Virtual Device RootVG Status'");
                }
                header = true;
                continue;
            }
            if (w.length < 4) {
                throw UnexpectedOutputException.unknownFormat("lswpar -D", n + 1, line,
                        "expected 'NAME DEVICE TYPE ... STATUS'");
            }
            result.add(new Exported(w[0], w[1], w[2], w[w.length - 1]));
        }
        if (!header && !out.isBlank()) {
            throw UnexpectedOutputException.unknownFormat("lswpar -D", out, "no heading");
        }
        return result;
    }

    /** {@code lsdev -C}: one device per line, its name first (Example 10-4). */
    public static Set<String> parseConfigured(String out) {
        Set<String> names = new LinkedHashSet<>();
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip();
            if (t.isEmpty()) {
                continue;
            }
            String name = t.split("\\s+")[0];
            if (!name.matches("[A-Za-z][A-Za-z0-9_.]*")) {
                throw UnexpectedOutputException.unknownFormat("lsdev -C", n + 1, t, "expected 'NAME STATUS ...'");
            }
            names.add(name);
        }
        return names;
    }
}
