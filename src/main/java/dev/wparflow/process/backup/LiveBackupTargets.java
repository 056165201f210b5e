package dev.wparflow.process.backup;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.KnownHosts;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparType;

/**
 * Hosts are {@code wparflow.backup.hosts}, else the inventory's global environments (LPARs), else every
 * {@code wparflow.ssh.endpoints} entry that is not an HMC of {@code wparflow.hmc.managed-systems}. The
 * system WPARs of a host come live from {@code lswpar -c -q -a name,state,type}: a backup must see the
 * WPARs as they are now, not as the last discovery saw them.
 */
@Component
public class LiveBackupTargets implements BackupTargets {

    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE);

    private final BackupSettings settings;
    private final KnownHosts known;
    private final AixGateway aix;
    private final org.springframework.beans.factory.ObjectProvider<dev.wparflow.inventory.FleetInventory> inventory;

    public LiveBackupTargets(BackupSettings settings, KnownHosts known, AixGateway aix,
            org.springframework.beans.factory.ObjectProvider<dev.wparflow.inventory.FleetInventory> inventory) {
        this.settings = settings;
        this.known = known;
        this.aix = aix;
        this.inventory = inventory;
    }

    @Override
    public List<String> hosts() {
        if (!settings.hosts().isEmpty()) {
            return settings.hosts();
        }
        dev.wparflow.inventory.FleetInventory fleet = inventory.getIfAvailable();
        if (fleet != null && !fleet.current().lpars().isEmpty()) {
            return fleet.current().lpars().stream().map(dev.wparflow.inventory.Inventory.Lpar::name).sorted().toList();
        }
        Set<String> hmcNames = known.configuredHmcs();
        return known.configuredNames().stream().filter(h -> !hmcNames.contains(h) && !h.startsWith("hmc"))
                .sorted().toList();
    }

    @Override
    public List<String> systemWpars(String host) {
        return aix.on(host, Origin.background("backup targets")).wpars(FIELDS).stream()
                .filter(w -> w.type() == WparType.SYSTEM).map(WparInfo::name).toList();
    }
}
