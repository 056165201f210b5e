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
 * The savewpar image the simulator writes: a readable text archive (not AIX's backup format).
 * <pre>
 * #wparflow-savewpar 1
 * #date: Wed Jun 18 15:28:20 CDT 2008
 * #wpar: wpr00
 * #host: lpar00
 * #sha256: HEX of every byte after the line "#end-header\n"
 * #end-header
 * --- ./.savewpar_dir/wpar.spec BYTES
 * ...spec text...
 * --- ./.savewpar_dir/image.data BYTES
 * --- ./.savewpar_dir/backup.data BYTES
 * </pre>
 * backup.data holds {@code files N} (the number of files backed up) and one line
 * {@code F PATH BASE64} per real file of the simulated file system under the WPAR base directory
 * (PATH relative to it), then the WPAR's installed software as its ODM in the image carries it: {@code L FILESET
 * LEVEL} per fileset (a shared WPAR's root part, a detached WPAR's root and usr parts) and {@code O OSLEVEL}. An image
 * without them (written before they were kept) restores with the target's levels. A wrong checksum, a missing member
 * or a bad header make it corrupt.
 */
public record WparImage(String date, String wparName, String sourceHost, String spec, String imageData,
                        int fileCount, Map<String, byte[]> files, Map<String, String> levels, String oslevel) {

    public WparImage {
        levels = levels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(levels));
    }

    public static final String MAGIC = "#wparflow-savewpar 1";
    public static final String SPEC = "./.savewpar_dir/wpar.spec";
    public static final String IMAGE_DATA = "./.savewpar_dir/image.data";
    public static final String BACKUP_DATA = "./.savewpar_dir/backup.data";

    /** Thrown when an image cannot be read. */
    public static final class CorruptImageException extends Exception {
        public CorruptImageException(String message) {
            super(message);
        }
    }

    public String backupData() {
        StringBuilder sb = new StringBuilder("files ").append(fileCount).append('\n');
        files.forEach((p, b) -> sb.append("F ").append(p).append(' ').append(Base64.getEncoder().encodeToString(b)).append('\n'));
        levels.forEach((f, l) -> sb.append("L ").append(f).append(' ').append(l).append('\n'));
        if (oslevel != null) {
            sb.append("O ").append(oslevel).append('\n');
        }
        return sb.toString();
    }

    /** Member name and size in bytes, in archive order (what restore prints with {@code x}). */
    public List<Map.Entry<String, Integer>> members() {
        return List.of(Map.entry(SPEC, utf8(spec).length), Map.entry(IMAGE_DATA, utf8(imageData).length),
                Map.entry(BACKUP_DATA, utf8(backupData()).length));
    }

    public byte[] toBytes() {
        StringBuilder body = new StringBuilder();
        member(body, SPEC, spec);
        member(body, IMAGE_DATA, imageData);
        member(body, BACKUP_DATA, backupData());
        byte[] payload = utf8(body.toString());
        String header = MAGIC + "\n#date: " + date + "\n#wpar: " + wparName + "\n#host: " + sourceHost
                + "\n#sha256: " + sha256(payload) + "\n#end-header\n";
        byte[] h = utf8(header);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        return all;
    }

    private static void member(StringBuilder sb, String name, String content) {
        sb.append("--- ").append(name).append(' ').append(utf8(content).length).append('\n').append(content);
    }

    public static WparImage parse(byte[] bytes) throws CorruptImageException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf("#end-header\n");
        if (!text.startsWith(MAGIC + "\n") || end < 0) {
            throw new CorruptImageException("not a savewpar image");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, end).split("\n")) {
            int colon = line.indexOf(": ");
            if (line.startsWith("#") && colon > 0) {
                header.put(line.substring(1, colon), line.substring(colon + 2));
            }
        }
        int payloadStart = utf8(text.substring(0, end + "#end-header\n".length())).length;
        byte[] payload = java.util.Arrays.copyOfRange(bytes, payloadStart, bytes.length);
        if (!sha256(payload).equals(header.get("sha256"))) {
            throw new CorruptImageException("checksum mismatch");
        }
        Map<String, String> members = new LinkedHashMap<>();
        String body = new String(payload, StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < body.length()) {
            int nl = body.indexOf('\n', pos);
            if (nl < 0 || !body.startsWith("--- ", pos)) {
                throw new CorruptImageException("bad member header");
            }
            String[] parts = body.substring(pos + 4, nl).split(" ");
            int size = Integer.parseInt(parts[1]);
            byte[] rest = utf8(body.substring(nl + 1));
            String content = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            members.put(parts[0], content);
            pos = nl + 1 + content.length();
        }
        if (!members.containsKey(SPEC) || !members.containsKey(IMAGE_DATA) || !members.containsKey(BACKUP_DATA)) {
            throw new CorruptImageException("missing member");
        }
        int count = 0;
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        String oslevel = null;
        for (String line : members.get(BACKUP_DATA).split("\n")) {
            if (line.startsWith("files ")) {
                count = Integer.parseInt(line.substring(6).trim());
            } else if (line.startsWith("F ")) {
                String[] p = line.split(" ", 3);
                files.put(p[1], p.length > 2 ? Base64.getDecoder().decode(p[2]) : new byte[0]);
            } else if (line.startsWith("L ")) {
                String[] p = line.split(" ", 3);
                if (p.length == 3) {
                    levels.put(p[1], p[2].trim());
                }
            } else if (line.startsWith("O ")) {
                oslevel = line.substring(2).trim();
            }
        }
        return new WparImage(header.getOrDefault("date", ""), header.getOrDefault("wpar", ""),
                header.getOrDefault("host", ""), members.get(SPEC), members.get(IMAGE_DATA), count, files, levels,
                oslevel);
    }

    public static List<String> fileList(WparImage img) {
        return new ArrayList<>(img.files.keySet());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
