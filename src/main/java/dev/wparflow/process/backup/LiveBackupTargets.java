package dev.wparflow.process.backup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.wparflow.aix.AixOutcomes;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.AixShell;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparType;
import dev.wparflow.hmc.HmcProperties;
import dev.wparflow.ssh.SshProperties;

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
    private final SshProperties ssh;
    private final HmcProperties hmcs;
    private final AixShell shell;
    private final org.springframework.beans.factory.ObjectProvider<dev.wparflow.inventory.FleetInventory> inventory;

    public LiveBackupTargets(BackupSettings settings, SshProperties ssh, HmcProperties hmcs, AixShell shell,
            org.springframework.beans.factory.ObjectProvider<dev.wparflow.inventory.FleetInventory> inventory) {
        this.settings = settings;
        this.ssh = ssh;
        this.hmcs = hmcs;
        this.shell = shell;
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
        Set<String> hmcNames = new HashSet<>();
        hmcs.getManagedSystems().values().forEach(hmcNames::addAll);
        return ssh.getEndpoints().keySet().stream().filter(h -> !hmcNames.contains(h) && !h.startsWith("hmc"))
                .sorted().toList();
    }

    @Override
    public List<String> systemWpars(String host) {
        AixResult<List<WparInfo>> listed = AixOutcomes.interpret(
                shell.read(host, Lswpar.delimited(FIELDS, true, null, List.of()), Origin.background("backup targets")),
                out -> Lswpar.parseDelimited(out, FIELDS));
        if (listed instanceof AixResult.Failed<List<WparInfo>> failed) {
            throw new IllegalStateException(failed.failure().describe());
        }
        return ((AixResult.Ok<List<WparInfo>>) listed).value().stream().filter(w -> w.type() == WparType.SYSTEM)
                .map(WparInfo::name).toList();
    }
}
