package dev.wparflow.simulator.model;

/** A logical volume in a volume group: name, type, partitions, mount point (global path). */
public record LogicalVolume(String name, String type, int lps, String mountPoint) {
}
