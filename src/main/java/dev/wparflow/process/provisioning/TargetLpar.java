package dev.wparflow.process.provisioning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.FilesetName;
import dev.wparflow.aix.IdentityClash;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.Lvm;
import dev.wparflow.aix.ResourceControls;
import dev.wparflow.aix.SystemInfo;
import dev.wparflow.aix.VolumeGroupName;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparNetwork;
import dev.wparflow.aix.WparState;

/**
 * What a global environment tells about room for one more WPAR, read once with read-only commands: its WPARs (name,
 * hostname, state), their addresses ({@code lswpar -N}), the resource controls of the running ones
 * ({@code lswpar -R}), free space per volume group ({@code lsvg VG}) and fileset levels ({@code lslpp}).
 */
final class TargetLpar {

    private final AixHost host;
    private final List<WparInfo> wpars;
    private List<WparNetwork> networks;
    private Map<String, ResourceControls> controls;

    TargetLpar(AixHost host) {
        this.host = host;
        this.wpars = host.wpars(Lswpar.DEFAULT_FIELDS);
    }

    String name() {
        return host.name();
    }

    List<WparInfo> wpars() {
        return wpars;
    }

    /** The WPAR already using {@code name}, {@code hostname} or {@code address} here, as a refusal; else empty. */
    Optional<ProvisioningRefusal> taken(String name, String hostname, String address) {
        return IdentityClash.find(name(), wpars, this::networks, name, hostname, address, null)
                .map(clash -> new ProvisioningRefusal(clash.code(), clash.message()));
    }

    List<WparNetwork> networks() {
        if (networks == null) {
            networks = wpars.isEmpty() ? List.of() : host.networks(List.of());
        }
        return networks;
    }

    /** The controls of the WPARs running here ({@code lswpar -R} of the Active ones). */
    List<ResourceControls> runningControls() {
        if (controls == null) {
            controls = wpars.isEmpty() ? Map.of() : host.resourceControls(List.of());
        }
        List<ResourceControls> running = new ArrayList<>();
        for (WparInfo w : wpars) {
            if (w.state() == WparState.ACTIVE && controls.containsKey(w.name())) {
                running.add(controls.get(w.name()));
            }
        }
        return running;
    }

    /** The sum of the CPU minimums of the running WPARs, in percent. */
    BigDecimal cpuMinimums() {
        return runningControls().stream().filter(r -> r.active() == null || r.active())
                .map(ResourceControls::cpuMinimum).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    long activeWpars() {
        return wpars.stream().filter(w -> w.state() == WparState.ACTIVE).count();
    }

    /** Free MB in {@code vg}, or -1 when the LPAR has no such volume group. */
    long freeMb(String vg) {
        List<String> vgs = host.read(Lvm.listVolumeGroups(), Lvm::parseVolumeGroupNames);
        if (!vgs.contains(vg)) {
            return -1;
        }
        return host.read(Lvm.volumeGroup(VolumeGroupName.of(vg)), Lvm::parseVolumeGroup).freeMegabytes();
    }

    /** The filesets of {@code required} this LPAR lacks. */
    List<String> missingFilesets(List<String> required) {
        if (required.isEmpty()) {
            return List.of();
        }
        List<String> installed = host.filesets(required.stream().map(FilesetName::of).toList()).stream()
                .map(SystemInfo.Fileset::fileset).toList();
        return required.stream().filter(f -> !installed.contains(f)).toList();
    }

    SystemInfo.OsLevel oslevel() {
        return SystemInfo.osLevelOf(host.oslevel());
    }
}
