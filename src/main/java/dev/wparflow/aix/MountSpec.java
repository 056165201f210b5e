package dev.wparflow.aix;

import java.util.regex.Pattern;

/**
 * The attribute words of one {@code mkwpar -M}: {@code dev=/wpar_share/wpr01 directory=/ host=lpar02 vfs=nfs}
 * or {@code dev=/usr directory=/usr mountopts=ro vfs=namefs} (RB:4734). {@code directory} is the mount point
 * inside the WPAR; {@code host} is the NFS server for {@code vfs=nfs}.
 */
public record MountSpec(AbsolutePath directory, Vfs vfs, AbsolutePath dev, HostName host, String mountOptions) {

    private static final Pattern OPTS = Pattern.compile("[a-z0-9]+(=[a-z0-9]+)?(,[a-z0-9]+(=[a-z0-9]+)?)*");

    /** File-system types the book uses with -M (RB:4734, RB:3402) plus jfs2 for local ones. */
    public enum Vfs {
        NFS("nfs"), NAMEFS("namefs"), JFS2("jfs2");

        private final String word;

        Vfs(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public MountSpec {
        if (directory == null || vfs == null) {
            throw new InvalidArgumentException("mount", null, "directory and vfs are required");
        }
        if (vfs == Vfs.NFS && (host == null || dev == null)) {
            throw new InvalidArgumentException("mount.host", null, "vfs=nfs needs host and dev");
        }
        if (vfs != Vfs.NFS && host != null) {
            throw new InvalidArgumentException("mount.host", host.value(), "only vfs=nfs takes a host");
        }
        if (mountOptions != null && !OPTS.matcher(mountOptions).matches()) {
            throw new InvalidArgumentException("mount.mountopts", mountOptions,
                    "must be comma-separated lower-case options such as ro or rw,bg");
        }
    }

    public static MountSpec nfs(HostName host, AbsolutePath remoteDir, AbsolutePath directory) {
        return new MountSpec(directory, Vfs.NFS, remoteDir, host, null);
    }

    public static MountSpec namefsReadOnly(AbsolutePath globalDir, AbsolutePath directory) {
        return new MountSpec(directory, Vfs.NAMEFS, globalDir, null, "ro");
    }

    /** Words in the book's order for NFS (dev, directory, host, vfs) and namefs (dev, directory, mountopts, vfs). */
    public AttributeList attributes() {
        AttributeList.Builder b = AttributeList.builder().putIfPresent("dev", dev).put("directory", directory)
                .putIfPresent("host", host);
        if (mountOptions != null) {
            b.keyword("mountopts", mountOptions);
        }
        return b.keyword("vfs", vfs.word()).build();
    }
}
