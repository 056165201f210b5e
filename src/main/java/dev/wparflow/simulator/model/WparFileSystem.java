package dev.wparflow.simulator.model;

/**
 * One file system of a WPAR. {@code mountPoint} is as seen inside the WPAR ("/", "/home"); the
 * global path is the WPAR base directory plus that. jfs2 file systems have a logical volume in
 * {@code volumeGroup}; namefs mounts (/usr, /opt, /proc) and nfs mounts have none.
 */
public record WparFileSystem(String mountPoint, String vfs, String logicalVolume, String volumeGroup,
                             String device, String nfsHost, long sizeBlocks, String options) {

    public boolean hasLogicalVolume() {
        return logicalVolume != null;
    }

    public String globalPath(String baseDir) {
        return "/".equals(mountPoint) ? baseDir : baseDir + mountPoint;
    }

    public String deviceName() {
        if (logicalVolume != null) {
            return "/dev/" + logicalVolume;
        }
        return device;
    }

    public WparFileSystem withLogicalVolume(String lv, String vg) {
        return new WparFileSystem(mountPoint, vfs, lv, vg, device, nfsHost, sizeBlocks, options);
    }

    public static WparFileSystem jfs2(String mountPoint, String lv, String vg, long sizeBlocks) {
        return new WparFileSystem(mountPoint, "jfs2", lv, vg, null, null, sizeBlocks, "rw");
    }

    public static WparFileSystem namefs(String mountPoint, String dev, String options) {
        return new WparFileSystem(mountPoint, "namefs", null, null, dev, null, 0, options);
    }

    public static WparFileSystem nfs(String mountPoint, String host, String dev, String options) {
        return new WparFileSystem(mountPoint, "nfs", null, null, dev, host, 0, options == null ? "rw" : options);
    }
}
