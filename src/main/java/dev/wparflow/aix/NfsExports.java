package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.List;

/**
 * What an NFS server offers a client: {@code showmount -e SERVER} run on the client, and a read-only test mount
 * ({@code mkdir -p DIR}, {@code mount -r -n SERVER /dir DIR}, {@code umount DIR}, {@code rmdir DIR}). The Redbook
 * requires the WPAR's NFS exports to be reachable from every system it may move to (RB:744, 751, 5772) but shows no
 * showmount output; the format follows IBM's showmount reference ({@code export list for SERVER:}, then one
 * directory per line with its client list or {@code (everyone)}).
 */
public final class NfsExports {

    private NfsExports() {
    }

    /** One exported directory; {@code clients} empty means every host may mount it. */
    public record Export(String directory, List<String> clients) {

        public boolean everyone() {
            return clients.isEmpty();
        }

        /** Whether this export covers {@code path}: the directory itself or one below it. */
        public boolean covers(String path) {
            return path.equals(directory) || "/".equals(directory) || path.startsWith(directory + "/");
        }

        /** Whether a host known by any of {@code names} (LPAR name, hostname, address) is a client. */
        public boolean allows(List<String> names) {
            return everyone() || clients.stream().anyMatch(names::contains);
        }
    }

    /** {@code showmount -e SERVER}. */
    public static AixCommand showmount(HostName server) {
        return AixCommand.of("showmount").flag("-e").arg(server).build();
    }

    /** {@code mkdir -p DIR}. */
    public static AixCommand makeDirectory(AbsolutePath dir) {
        return AixCommand.of("mkdir").flag("-p").arg(dir).build();
    }

    /** {@code rmdir DIR}. */
    public static AixCommand removeDirectory(AbsolutePath dir) {
        return AixCommand.of("rmdir").arg(dir).build();
    }

    /** {@code mount -r -n SERVER /dir DIR}: a read-only NFS mount (IBM mount reference: -r read-only, -n node). */
    public static AixCommand mountReadOnly(HostName server, AbsolutePath remote, AbsolutePath local) {
        return AixCommand.of("mount").flag("-r").flag("-n", server).arg(remote).arg(local).build();
    }

    /** {@code umount DIR}. */
    public static AixCommand unmount(AbsolutePath local) {
        return AixCommand.of("umount").arg(local).build();
    }

    /** {@code showmount -e}: the heading {@code export list for SERVER:}, then {@code DIRECTORY CLIENT[,CLIENT…]}. */
    public static List<Export> parseShowmount(String out) {
        List<Export> exports = new ArrayList<>();
        boolean header = false;
        List<String> lines = TextTable.lines(out);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            if (!header) {
                if (!line.startsWith("export list for ") || !line.strip().endsWith(":")) {
                    throw UnexpectedOutputException.unknownFormat("showmount -e", n + 1, line,
                            "expected the heading 'export list for SERVER:'");
                }
                header = true;
                continue;
            }
            String[] w = line.strip().split("\\s+", 2);
            if (!w[0].startsWith("/")) {
                throw UnexpectedOutputException.unknownFormat("showmount -e", n + 1, line,
                        "expected 'DIRECTORY CLIENTS'");
            }
            String clients = w.length > 1 ? w[1].strip() : "(everyone)";
            exports.add(new Export(w[0], "(everyone)".equals(clients) ? List.of()
                    : List.of(clients.split("[,\\s]+"))));
        }
        if (!header) {
            throw UnexpectedOutputException.unknownFormat("showmount -e", out, "no heading");
        }
        return exports;
    }
}
