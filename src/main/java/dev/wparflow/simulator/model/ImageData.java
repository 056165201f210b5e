package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The WPAR image.data written by savewpar/mkwpardata to /tmp/wpardata/NAME/image.data: lv_data and
 * fs_data stanzas (keys per Redbook Examples 10-7), FS_NAME relative to the WPAR.
 */
public final class ImageData {
    /** One LV + file system pair read back from an image.data. */
    public record Entry(String volumeGroup, String disk, String logicalVolume, int lps, String fsName, long fsSize) {
    }

    private ImageData() {
    }

    public static String write(SimulatedHost host, Wpar w) {
        StringBuilder sb = new StringBuilder();
        sb.append("image_data:\n\tIMAGE_TYPE= wpar\n\tDATE_TIME= ").append(AixDates.now()).append('\n')
                .append("\tWPAR_NAME= ").append(w.name).append("\n\tSOURCE_HOST= ").append(host.hostname).append("\n\n");
        sb.append("logical_volume_policy:\n\tSHRINK= no\n\tEXACT_FIT= no\n\n");
        for (WparFileSystem fs : SimulatedHost.sorted(w.fileSystems)) {
            if (!fs.hasLogicalVolume()) {
                continue;
            }
            VolumeGroup vg = host.volumeGroups.get(fs.volumeGroup());
            int lps = vg == null ? 1 : vg.ppsFor(fs.sizeBlocks());
            String disk = vg == null || vg.physicalVolumes().isEmpty() ? "hdisk0" : vg.physicalVolumes().get(0);
            sb.append("lv_data:\n")
                    .append("\tVOLUME_GROUP= ").append(fs.volumeGroup()).append('\n')
                    .append("\tLV_SOURCE_DISK_LIST= ").append(disk).append('\n')
                    .append("\tLOGICAL_VOLUME= ").append(fs.logicalVolume()).append('\n')
                    .append("\tVG_STAT= active/complete\n\tTYPE= jfs2\n\tMAX_LPS= 512\n\tCOPIES= 1\n")
                    .append("\tLPs= ").append(lps).append('\n')
                    .append("\tSTALE_PPs= 0\n\tINTER_POLICY= minimum\n\tINTRA_POLICY= middle\n")
                    .append("\tMOUNT_POINT= ").append(fs.mountPoint()).append('\n')
                    .append("\tMIRROR_WRITE_CONSISTENCY= on/ACTIVE\n\tLV_SEPARATE_PV= yes\n\tPERMISSION= read/write\n")
                    .append("\tLV_STATE= closed/syncd\n\tWRITE_VERIFY= off\n")
                    .append("\tPP_SIZE= ").append(vg == null ? 128 : vg.ppSizeMb()).append('\n')
                    .append("\tSCHED_POLICY= parallel\n")
                    .append("\tPP= ").append(lps).append('\n')
                    .append("\tBB_POLICY= relocatable\n\tRELOCATABLE= yes\n\tUPPER_BOUND= 32\n")
                    .append("\tLABEL= ").append(fs.mountPoint()).append('\n')
                    .append("\tMAPFILE=\n\tLV_MIN_LPS= 1\n\tSERIALIZE_IO= no\n")
                    .append("\tFS_TAG= vfs=jfs2:log=INLINE:type=").append(w.name).append(":account=false\n\n");
            sb.append("fs_data:\n")
                    .append("\tFS_NAME= ").append(fs.mountPoint()).append('\n')
                    .append("\tFS_SIZE= ").append(fs.sizeBlocks()).append('\n')
                    .append("\tFS_MIN_SIZE= 32768\n")
                    .append("\tFS_LV= /dev/").append(fs.logicalVolume()).append('\n')
                    .append("\tFS_JFS2_BS= 4096\n\tFS_JFS2_SPARSE= yes\n\tFS_JFS2_INLINELOG= yes\n\tFS_JFS2_SIZEINLINELOG= 1\n")
                    .append("\tFS_JFS2_EAFORMAT= v1\n\tFS_JFS2_QUOTA= no\n\tFS_JFS2_DMAPI= no\n\tFS_JFS2_VIX= no\n\tFS_JFS2_EFS= no\n\n");
        }
        return sb.toString();
    }

    /** Reads lv_data/fs_data pairs; throws IllegalArgumentException when the file is not an image.data. */
    public static List<Entry> read(String text) {
        List<Stanzas.Stanza> all = Stanzas.parse(text);
        List<Stanzas.Stanza> lvs = Stanzas.named(all, "lv_data");
        List<Stanzas.Stanza> fss = Stanzas.named(all, "fs_data");
        if (lvs.isEmpty()) {
            throw new IllegalArgumentException("no lv_data stanza");
        }
        List<Entry> out = new ArrayList<>();
        for (Stanzas.Stanza lv : lvs) {
            String lvName = lv.get("LOGICAL_VOLUME");
            Stanzas.Stanza fs = fss.stream().filter(f -> ("/dev/" + lvName).equals(f.get("FS_LV"))).findFirst().orElse(null);
            String fsName = fs != null ? fs.get("FS_NAME") : lv.get("MOUNT_POINT");
            long size = fs != null ? Long.parseLong(fs.get("FS_SIZE", "262144")) : 262144;
            out.add(new Entry(lv.get("VOLUME_GROUP"), lv.get("LV_SOURCE_DISK_LIST"), lvName,
                    Integer.parseInt(lv.get("LPs", "1")), fsName, size));
        }
        return out;
    }
}
