package dev.wparflow.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Redbook's image.data edit for a clone into another volume group (4.4.5, RB:3936-3972: "Edit the image.data file
 * so it reflects the disk and vg setup on the target LPAR", done there with {@code :1,$s/rootvg/datavg/g}), by code:
 * inside every {@code lv_data} stanza the value of {@code VOLUME_GROUP=} becomes the target volume group and, when
 * disks are given, {@code LV_SOURCE_DISK_LIST=} becomes them. Nothing else changes (a blind substitution would also
 * rewrite a mount point or label that happens to contain "rootvg").
 */
public final class ImageDataEditor {

    private static final Pattern STANZA = Pattern.compile("^(\\S[^:]*):\\s*$");
    private static final Pattern ATTR = Pattern.compile("^(\\s+)([A-Za-z_]+)=(\\s*)(.*)$");

    private ImageDataEditor() {
    }

    /** The edit and what it found: the volume groups the image used before. */
    public record Edited(String text, Set<String> sourceVolumeGroups, int logicalVolumes) {
    }

    /** Throws IllegalArgumentException when the text has no lv_data stanza (not an image.data). */
    public static Edited toVolumeGroup(String imageData, String targetVolumeGroup, List<String> targetDisks) {
        if (imageData == null) {
            throw new IllegalArgumentException("no image.data text");
        }
        if (targetVolumeGroup == null || !targetVolumeGroup.matches("[A-Za-z0-9_.]{1,15}")) {
            throw new IllegalArgumentException("invalid volume group name: " + targetVolumeGroup);
        }
        if (targetDisks != null) {
            for (String d : targetDisks) {
                if (!d.matches("[A-Za-z0-9_.]{1,31}")) {
                    throw new IllegalArgumentException("invalid disk name: " + d);
                }
            }
        }
        Set<String> before = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        String stanza = null;
        int lvs = 0;
        for (String line : imageData.split("\n", -1)) {
            Matcher s = STANZA.matcher(line);
            if (s.matches()) {
                stanza = s.group(1).strip();
                if (stanza.equals("lv_data")) {
                    lvs++;
                }
                out.add(line);
                continue;
            }
            Matcher a = ATTR.matcher(line);
            if ("lv_data".equals(stanza) && a.matches()) {
                String key = a.group(2);
                if (key.equals("VOLUME_GROUP")) {
                    before.add(a.group(4).strip());
                    out.add(a.group(1) + key + "=" + a.group(3) + targetVolumeGroup);
                    continue;
                }
                if (key.equals("LV_SOURCE_DISK_LIST") && targetDisks != null && !targetDisks.isEmpty()) {
                    out.add(a.group(1) + key + "=" + a.group(3) + String.join(" ", targetDisks));
                    continue;
                }
            }
            out.add(line);
        }
        if (lvs == 0) {
            throw new IllegalArgumentException("no lv_data stanza");
        }
        return new Edited(String.join("\n", out), before, lvs);
    }
}
