package dev.wparflow.simulator.command;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The few file commands the image catalog needs on the global environment: {@code csum -h SHA1|MD5 FILE…}
 * (IBM's csum reference: digest in upper-case hex, white space, the file name), {@code wc -c FILE…}
 * ({@code "   SIZE FILE"}), {@code cp SRC DST}, {@code rm [-f] FILE…}. The Redbook uses none of them; output
 * forms follow IBM's AIX command reference, messages are the simulator's choice.
 */
public final class FileCommands {
    private FileCommands() {
    }

    public static int csum(Invocation inv) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "h:o:i:a");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "csum [-o outputfile] [-h algorithm] [-a] [File1, File2, ... | - ]");
        }
        String algorithm = g.has('h') ? g.get('h') : "MD5";
        String javaName = switch (algorithm) {
            case "SHA1" -> "SHA-1";
            case "MD5" -> "MD5";
            default -> null;
        };
        if (javaName == null) {
            inv.err("csum: Invalid hash algorithm " + algorithm + ".");
            return 2;
        }
        int rc = 0;
        for (String f : g.operands()) {
            byte[] b = inv.host.files.read(f);
            if (b == null) {
                inv.err("csum: 0652-050 Cannot open " + f + ".");
                rc = 1;
                continue;
            }
            try {
                String hex = HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(b));
                inv.out(hex.toUpperCase(Locale.ROOT) + "\t" + f);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return rc;
    }

    public static int wc(Invocation inv) {
        if (inv.args().size() < 2 || !inv.args().get(0).equals("-c")) {
            inv.err("Usage: wc -c File...");
            return 2;
        }
        int rc = 0;
        for (String f : inv.args().subList(1, inv.args().size())) {
            byte[] b = inv.host.files.read(f);
            if (b == null) {
                inv.err("wc: 0652-755 The file " + f + " cannot be opened.");
                rc = 2;
                continue;
            }
            inv.out(String.format("%8d %s", b.length, f));
        }
        return rc;
    }

    public static int cp(Invocation inv) {
        if (inv.args().size() != 2) {
            inv.err("Usage: cp Source Target");
            return 2;
        }
        byte[] b = inv.host.files.read(inv.args().get(0));
        if (b == null) {
            inv.err("cp: " + inv.args().get(0) + ": A file or directory in the path name does not exist.");
            return 1;
        }
        inv.host.files.write(inv.args().get(1), b);
        return 0;
    }

    /** {@code rm [-f] [-r] [--] FILE…}: with -r a directory goes with everything under it. */
    public static int rm(Invocation inv) {
        boolean force = false;
        boolean recursive = false;
        boolean operands = false;
        int rc = 0;
        for (String a : inv.args()) {
            if (!operands && a.startsWith("-") && a.length() > 1 && !a.equals("--")
                    && a.substring(1).chars().allMatch(c -> c == 'f' || c == 'r' || c == 'R')) {
                force |= a.indexOf('f') > 0;
                recursive |= a.indexOf('r') > 0 || a.indexOf('R') > 0;
                continue;
            }
            if (!operands && a.equals("--")) {
                operands = true;
                continue;
            }
            operands = true;
            if (recursive && inv.host.files.isDirectory(a)) {
                inv.host.files.delete(a);
                continue;
            }
            if (!inv.host.files.exists(a) || inv.host.files.isDirectory(a)) {
                // no -r: a directory is never removed
                if (!force || inv.host.files.isDirectory(a)) {
                    inv.err("rm: " + a + ": A file or directory in the path name does not exist.");
                    rc = 2;
                }
                continue;
            }
            inv.host.files.delete(a);
        }
        return rc;
    }

    /**
     * {@code tee [-a] FILE}: writes standard input to FILE (appends with -a) and echoes it (IBM's tee reference). The
     * way to put a text file on a host without a shell redirection, which the simulator refuses.
     */
    public static int tee(Invocation inv) {
        boolean append = false;
        List<String> files = new java.util.ArrayList<>();
        for (String a : inv.args()) {
            if (a.equals("-a")) {
                append = true;
            } else if (a.equals("-i") || a.equals("--")) {
                continue;
            } else if (a.startsWith("-")) {
                inv.err("tee: Not a recognized flag: " + a.substring(1));
                inv.err("Usage: tee [-a] [-i] [File...]");
                return 2;
            } else {
                files.add(a);
            }
        }
        byte[] text = inv.readStdin();
        int rc = 0;
        String root = wparRoot(inv);
        for (String name : files) {
            String f = root == null ? name : root + (name.startsWith("/") ? name : "/" + name);
            if (inv.host.files.isDirectory(f)) {
                inv.err("tee: 0653-010 " + f + " is a directory.");
                rc = 1;
                continue;
            }
            byte[] before = append ? inv.host.files.read(f) : null;
            byte[] all = text;
            if (before != null) {
                all = new byte[before.length + text.length];
                System.arraycopy(before, 0, all, 0, before.length);
                System.arraycopy(text, 0, all, before.length, text.length);
            }
            inv.host.files.write(f, all);
        }
        inv.outRaw(new String(text, StandardCharsets.UTF_8));
        return rc;
    }

    /** The base directory of the WPAR a command runs in (clogin), or null in the global environment. */
    private static String wparRoot(Invocation inv) {
        if (inv.insideWpar == null) {
            return null;
        }
        return inv.host.locked(() -> inv.host.wpar(inv.insideWpar).map(w -> w.directory).orElse(null));
    }

    /**
     * {@code du -s -k DIR}: one line, the kilobytes of every file under DIR (rounded up) and DIR (IBM's du
     * reference; the book has no du). A missing DIR: {@code du: 0653-175 Cannot find the file DIR.}, exit 2 (text the
     * simulator's choice).
     */
    public static int du(Invocation inv) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "sk");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "du [-s] [-k] [File ...]");
        }
        int rc = 0;
        for (String f : g.operands()) {
            if (!inv.host.files.exists(f)) {
                inv.err("du: 0653-175 Cannot find the file " + f + ".");
                rc = 2;
                continue;
            }
            long bytes = 0;
            List<String> under = inv.host.files.isDirectory(f) ? inv.host.files.list(f) : List.of(f);
            for (String p : under) {
                byte[] b = inv.host.files.read(p);
                bytes += b == null ? 0 : b.length;
            }
            inv.out(((bytes + 1023) / 1024) + "\t" + f);
        }
        return rc;
    }
}
