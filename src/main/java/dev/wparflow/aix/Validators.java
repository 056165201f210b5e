package dev.wparflow.aix;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Every rule an argument must satisfy before it may reach a remote command. Each method returns the value
 * unchanged when it is valid and throws {@link InvalidArgumentException} naming the argument and the rule
 * otherwise. The value objects of this package ({@link WparName}, {@link AbsolutePath}, ...) call these in
 * their constructors; call them directly only to validate form input early.
 */
public final class Validators {

    /** Characters AIX forbids in a WPAR name (DESIGN.md §4, IBM mkwpar reference). */
    static final String WPAR_FORBIDDEN = "=:/!;`'\"<>~&()*+[],.^{}|\\";

    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern PATH_CHARS = Pattern.compile("[A-Za-z0-9_@%+:,./-]*");
    private static final Pattern VG_LV = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*");
    private static final Pattern NIM_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern HMC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+*-]*");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Pattern FILESET = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final Pattern SUBSYSTEM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern HEX_KEY = Pattern.compile("[0-9A-Fa-f]{8,64}");

    private Validators() {
    }

    private static String notNull(String argument, String value) {
        if (value == null) {
            throw new InvalidArgumentException(argument, null, "is required");
        }
        if (value.isEmpty()) {
            throw new InvalidArgumentException(argument, value, "must not be empty");
        }
        return value;
    }

    private static void noControlChars(String argument, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new InvalidArgumentException(argument, value, "must not contain NUL");
            }
            if (c == '\n' || c == '\r') {
                throw new InvalidArgumentException(argument, value, "must not contain a newline");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidArgumentException(argument, value, "must not contain control characters");
            }
        }
    }

    /**
     * AIX WPAR name: 1 to 25 bytes, no white space, none of {@code = : / ! ; ` ' " < > ~ & ( ) * + [ ] , . ^ { } | \},
     * not starting with {@code -} or {@code 0}. Non-ASCII is refused too (byte length and portability).
     */
    public static String wparName(String argument, String value) {
        notNull(argument, value);
        noControlChars(argument, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new InvalidArgumentException(argument, value, "must not contain white space");
            }
            if (WPAR_FORBIDDEN.indexOf(c) >= 0) {
                throw new InvalidArgumentException(argument, value,
                        "must not contain '" + c + "' (AIX forbids = : / ! ; ` ' \" < > ~ & ( ) * + [ ] , . ^ { } | \\)");
            }
            if (c > 0x7e) {
                throw new InvalidArgumentException(argument, value, "must be ASCII");
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > 25) {
            throw new InvalidArgumentException(argument, value, "must be at most 25 bytes");
        }
        if (value.charAt(0) == '-' || value.charAt(0) == '0') {
            throw new InvalidArgumentException(argument, value, "must not start with '-' or '0'");
        }
        return value;
    }

    /** Host name per RFC 1123: dot-separated labels of letters, digits and inner hyphens, 1–63 each, at most 255 in all. */
    public static String hostName(String argument, String value) {
        notNull(argument, value);
        noControlChars(argument, value);
        if (value.length() > 255) {
            throw new InvalidArgumentException(argument, value, "must be at most 255 characters");
        }
        String v = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (v.isEmpty()) {
            throw new InvalidArgumentException(argument, value, "must have at least one label");
        }
        for (String label : v.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new InvalidArgumentException(argument, value, "must not contain an empty label");
            }
            if (!HOST_LABEL.matcher(label).matches()) {
                throw new InvalidArgumentException(argument, value,
                        "label '" + InvalidArgumentException.printable(label)
                                + "' must be 1-63 letters, digits or inner hyphens (RFC 1123)");
            }
        }
        return value;
    }

    /** IPv4 dotted quad (no leading zeros) or IPv6 text form (no zone id); parsed textually, never resolved. */
    public static String ipAddress(String argument, String value) {
        notNull(argument, value);
        noControlChars(argument, value);
        if (value.indexOf(':') >= 0) {
            if (!isIpv6(value)) {
                throw new InvalidArgumentException(argument, value, "must be an IPv6 address in text form (no zone id)");
            }
        } else if (!isIpv4(value)) {
            throw new InvalidArgumentException(argument, value,
                    "must be an IPv4 address a.b.c.d with each part 0-255 and no leading zeros");
        }
        return value;
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (s.length() > 45 || s.isEmpty()) {
            return false;
        }
        String text = s;
        if (s.indexOf('.') >= 0) {
            // embedded IPv4 tail, e.g. ::ffff:10.0.0.5 — counts as two groups
            int lastColon = s.lastIndexOf(':');
            if (!isIpv4(s.substring(lastColon + 1))) {
                return false;
            }
            text = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = text.indexOf("::");
        if (dbl >= 0) {
            if (text.indexOf("::", dbl + 1) >= 0) {
                return false;
            }
            int l = countGroups(text.substring(0, dbl));
            int r = countGroups(text.substring(dbl + 2));
            return l >= 0 && r >= 0 && l + r <= 7;
        }
        return countGroups(text) == 8;
    }

    /** Number of colon-separated hex groups in {@code s} ("" = 0), or -1 when malformed. */
    private static int countGroups(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] g = s.split(":", -1);
        for (String x : g) {
            if (x.isEmpty() || x.length() > 4) {
                return -1;
            }
            for (int i = 0; i < x.length(); i++) {
                if (Character.digit(x.charAt(i), 16) < 0) {
                    return -1;
                }
            }
        }
        return g.length;
    }

    /**
     * Absolute path: starts with {@code /}, at most 1023 bytes (AIX PATH_MAX 1024), no {@code ..} segment, only the
     * characters {@code A-Z a-z 0-9 _ @ % + : , . / -} (so no white space, NUL, newline or shell metacharacter;
     * {@code =} is excluded because paths are also used as {@code key=value} attribute values).
     */
    public static String absolutePath(String argument, String value) {
        notNull(argument, value);
        noControlChars(argument, value);
        if (value.charAt(0) != '/') {
            throw new InvalidArgumentException(argument, value, "must be an absolute path starting with '/'");
        }
        if (value.length() > 1023) {
            throw new InvalidArgumentException(argument, value, "must be at most 1023 characters");
        }
        if (!PATH_CHARS.matcher(value).matches()) {
            throw new InvalidArgumentException(argument, value,
                    "may contain only letters, digits and _ @ % + : , . / - (no white space or shell metacharacters)");
        }
        for (String seg : value.split("/", -1)) {
            if (seg.equals("..")) {
                throw new InvalidArgumentException(argument, value, "must not contain a '..' segment");
            }
        }
        return value;
    }

    private static String pattern(String argument, String value, Pattern p, int max, String rule) {
        notNull(argument, value);
        noControlChars(argument, value);
        if (value.length() > max) {
            throw new InvalidArgumentException(argument, value, "must be at most " + max + " characters");
        }
        if (!p.matcher(value).matches()) {
            throw new InvalidArgumentException(argument, value, rule);
        }
        return value;
    }

    /** AIX volume group name: 1–15 characters from letters, digits, {@code _ . -}, not starting with {@code -}. */
    public static String volumeGroupName(String argument, String value) {
        return pattern(argument, value, VG_LV, 15,
                "must be letters, digits, '_', '.' or '-' and must not start with '-' (AIX volume group name)");
    }

    /** AIX logical volume name: 1–15 characters from letters, digits, {@code _ . -}, not starting with {@code -}. */
    public static String logicalVolumeName(String argument, String value) {
        return pattern(argument, value, VG_LV, 15,
                "must be letters, digits, '_', '.' or '-' and must not start with '-' (AIX logical volume name)");
    }

    /** NIM object name: 1–39 characters from letters, digits, {@code _ . -}, starting with a letter, digit or {@code _}. */
    public static String nimObjectName(String argument, String value) {
        return pattern(argument, value, NIM_NAME, 39,
                "must be letters, digits, '_', '.' or '-' and start with a letter, digit or '_' (NIM object name)");
    }

    /**
     * HMC managed-system or partition name, restricted to what we accept: letters, digits, {@code _ . + * -}, at most
     * 63 characters ({@code *} for the {@code tttt-mmm*ssssssss} form). HMC itself allows more (white space); we don't.
     */
    public static String hmcName(String argument, String value) {
        return pattern(argument, value, HMC_NAME, 63,
                "must be letters, digits, '_', '.', '+', '*' or '-' and start with a letter, digit or '_' (HMC name)");
    }

    /** Detached run id: {@code [A-Za-z0-9._-]{1,128}}, no leading dot (same rule as deploy/aix/wparflow-run). */
    public static String runId(String argument, String value) {
        return pattern(argument, value, RUN_ID, 128,
                "must be 1-128 of letters, digits, '.', '_' or '-' and must not start with '.'");
    }

    /** Fileset name such as {@code bos.rte}, {@code X11.Dt.rte}, {@code Java5.sdk}. */
    public static String filesetName(String argument, String value) {
        return pattern(argument, value, FILESET, 128,
                "must be letters, digits, '_', '.', '+' or '-' (fileset name)");
    }

    /** SRC subsystem name such as {@code xntpd}. */
    public static String subsystemName(String argument, String value) {
        return pattern(argument, value, SUBSYSTEM, 30, "must be letters, digits, '_', '.' or '-' (SRC subsystem name)");
    }

    /** Network interface name such as {@code en0} or a name-mapped one such as {@code gordon_if1}. */
    public static String interfaceName(String argument, String value) {
        return pattern(argument, value, INTERFACE, 15, "must be a letter followed by letters, digits or '_' (interface name)");
    }

    /** movewpar connection key: 8–64 hex digits (the book shows 16: {@code 48693b810000db09}, RB:4794). */
    public static String connectionKey(String argument, String value) {
        return pattern(argument, value, HEX_KEY, 64, "must be 8-64 hexadecimal digits (movewpar connection key)");
    }

    /** An integer within {@code [min, max]}. */
    public static long range(String argument, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidArgumentException(argument, Long.toString(value),
                    "must be between " + min + " and " + max);
        }
        return value;
    }
}
