package dev.wparflow.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one LPAR: the HMC's view (managed system, partition id, state, OS version) and the host's
 * (oslevel -s, processor, memory, NTP, filesets of interest, volume groups, interfaces), as of {@code discoveredAt};
 * {@code lastError}/{@code lastErrorAt} when the last attempt failed (the other fields then are older). Used by
 * compatibility checks (Redbook 5.5: processor type, OS level, bos.rte/bos.wpars/bos.rte.libc/mcr.rte, NTP).
 */
public record LparProfile(String name, String managedSystem, Integer lparId, String state, String lparEnv,
        String osVersion, Instant hmcSeenAt, String oslevel, String processorType, Integer processors, Long memoryMb,
        Boolean ntpActive, List<String> interfaces, Map<String, String> filesets, List<VolumeGroupRecord> volumeGroups,
        Integer wparCount, Instant discoveredAt, String lastError, Instant lastErrorAt) {

    public LparProfile {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        filesets = filesets == null ? Map.of() : Map.copyOf(filesets);
        volumeGroups = volumeGroups == null ? List.of() : List.copyOf(volumeGroups);
    }

    public Optional<String> filesetLevel(String fileset) {
        return Optional.ofNullable(filesets.get(fileset));
    }

    public Optional<VolumeGroupRecord> volumeGroup(String name) {
        return volumeGroups.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
