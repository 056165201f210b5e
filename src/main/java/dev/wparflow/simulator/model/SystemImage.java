package dev.wparflow.simulator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volume-group backup the simulator's {@code mksysb} and {@code savevg} write: a readable text archive (not AIX's
 * backup-file format), like {@link WparImage}.
 * <pre>
 * #wparflow-vgbackup 1
 * #kind: mksysb                       (or savevg)
 * #vg: rootvg
 * #host: lpar00
 * #date: Wed Jun 18 15:28:20 CDT 2008
 * #oslevel: 6100-02-01-0847
 * #sha256: HEX of every byte after the line "#end-header\n"
 * #end-header
 * L NAME TYPE LPS MOUNTPOINT          one line per logical volume backed up (what lsmksysb -l lists)
 * F PATH BASE64                       one line per file (PATH as in the global environment)
 * </pre>
 * The content depends only on the host's state and the date, so the same file always yields the same checksum. A wrong
 * checksum or a bad header make it corrupt.
 */
public record SystemImage(String kind, String volumeGroup, String sourceHost, String date, String oslevel,
        List<Lv> logicalVolumes, Map<String, byte[]> files) {

    public static final String MAGIC = "#wparflow-vgbackup 1";

    /** A logical volume (file system) of the backup. */
    public record Lv(String name, String type, int lps, String mountPoint) {
    }

    /** Thrown when an image cannot be read. */
    public static final class CorruptImageException extends Exception {
        public CorruptImageException(String message) {
            super(message);
        }
    }

    public byte[] toBytes() {
        StringBuilder body = new StringBuilder();
        for (Lv lv : logicalVolumes) {
            body.append("L ").append(lv.name()).append(' ').append(lv.type()).append(' ').append(lv.lps()).append(' ')
                    .append(lv.mountPoint()).append('\n');
        }
        files.forEach((p, b) -> body.append("F ").append(p).append(' ').append(Base64.getEncoder().encodeToString(b))
                .append('\n'));
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        String header = MAGIC + "\n#kind: " + kind + "\n#vg: " + volumeGroup + "\n#host: " + sourceHost + "\n#date: "
                + date + "\n#oslevel: " + oslevel + "\n#sha256: " + sha256(payload) + "\n#end-header\n";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        return all;
    }

    public static SystemImage parse(byte[] bytes) throws CorruptImageException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String endMark = "#end-header\n";
        int end = text.indexOf(endMark);
        if (!text.startsWith(MAGIC + "\n") || end < 0) {
            throw new CorruptImageException("not a volume group backup");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, end).split("\n")) {
            int colon = line.indexOf(": ");
            if (line.startsWith("#") && colon > 0) {
                header.put(line.substring(1, colon), line.substring(colon + 2));
            }
        }
        int payloadStart = text.substring(0, end + endMark.length()).getBytes(StandardCharsets.UTF_8).length;
        byte[] payload = java.util.Arrays.copyOfRange(bytes, payloadStart, bytes.length);
        if (!sha256(payload).equals(header.get("sha256"))) {
            throw new CorruptImageException("checksum mismatch");
        }
        List<Lv> lvs = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("L ")) {
                String[] p = line.split(" ", 5);
                lvs.add(new Lv(p[1], p[2], Integer.parseInt(p[3]), p[4]));
            } else if (line.startsWith("F ")) {
                String[] p = line.split(" ", 3);
                files.put(p[1], p.length > 2 ? Base64.getDecoder().decode(p[2]) : new byte[0]);
            } else if (!line.isEmpty()) {
                throw new CorruptImageException("bad line");
            }
        }
        return new SystemImage(header.get("kind"), header.get("vg"), header.get("host"), header.get("date"),
                header.get("oslevel"), lvs, files);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
