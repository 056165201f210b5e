package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/** A volume group: PP size, total PPs, physical volumes, logical volumes. Guarded by the host lock. */
public final class VolumeGroup {
    private final String name;
    private final int ppSizeMb;
    private final int totalPps;
    private final List<String> physicalVolumes;
    private final Map<String, LogicalVolume> logicalVolumes = new LinkedHashMap<>();
    private final String identifier;

    public VolumeGroup(String name, int ppSizeMb, int totalPps, List<String> physicalVolumes, String identifier) {
        this.name = name;
        this.ppSizeMb = ppSizeMb;
        this.totalPps = totalPps;
        this.physicalVolumes = new ArrayList<>(physicalVolumes);
        this.identifier = identifier;
    }

    public String name() {
        return name;
    }

    public int ppSizeMb() {
        return ppSizeMb;
    }

    public int totalPps() {
        return totalPps;
    }

    public int usedPps() {
        return logicalVolumes.values().stream().mapToInt(LogicalVolume::lps).sum();
    }

    public int freePps() {
        return totalPps - usedPps();
    }

    public List<String> physicalVolumes() {
        return physicalVolumes;
    }

    public String identifier() {
        return identifier;
    }

    public Map<String, LogicalVolume> logicalVolumes() {
        return logicalVolumes;
    }

    /** Partitions needed for a file system of {@code sizeBlocks} 512-byte blocks (at least one). */
    public int ppsFor(long sizeBlocks) {
        long bytes = sizeBlocks * 512L;
        long pp = (long) ppSizeMb * 1024 * 1024;
        return (int) Math.max(1, (bytes + pp - 1) / pp);
    }
}
