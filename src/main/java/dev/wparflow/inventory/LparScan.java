package dev.wparflow.inventory;

import java.util.List;
import java.util.Map;

/** What one discovery learned on an LPAR over SSH; stored by {@link InventoryRepository#saveScan}. */
public record LparScan(String lpar, String managedSystem, String oslevel, String processorType, Integer processors,
        Long memoryMb, Boolean ntpActive, List<String> interfaces, Map<String, String> filesets,
        List<VolumeGroupRecord> volumeGroups, List<Wpar> wpars) {

    public LparScan {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        filesets = filesets == null ? Map.of() : Map.copyOf(filesets);
        volumeGroups = List.copyOf(volumeGroups);
        wpars = List.copyOf(wpars);
    }

    /** One WPAR of the scan; {@code cpuMinimum}: the minimum of its CPU limits in percent ({@code lswpar -R}), if read. */
    public record Wpar(String name, String type, String state, String hostname, String address, String interfaceName,
            String directory, Boolean checkpointable, boolean localFs, boolean nfsFs, java.math.BigDecimal cpuMinimum) {
    }
}
