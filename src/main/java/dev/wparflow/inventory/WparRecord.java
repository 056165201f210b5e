package dev.wparflow.inventory;

import java.time.Instant;

/**
 * A WPAR as discovered on an LPAR. {@code type} and {@code state} are the lswpar letters' names ({@code SYSTEM},
 * {@code ACTIVE}, …: {@link dev.wparflow.aix.WparType}, {@link dev.wparflow.aix.WparState}); {@code localFs} /
 * {@code nfsFs}: whether it has local (jfs2, jfs) / NFS file systems (namefs, the shared /usr and /opt, is neither). {@code lastKnownHost} is where it was last
 * seen, {@code targetHost} where a relocation is taking it (set by the relocation, kept across refreshes).
 */
public record WparRecord(String lpar, String name, String type, String state, String hostname, String address,
        String interfaceName, String directory, Boolean checkpointable, boolean localFs, boolean nfsFs,
        Instant discoveredAt, String lastKnownHost, String targetHost) {
}
