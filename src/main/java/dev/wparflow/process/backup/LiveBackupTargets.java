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
 * Until the inventory provides them: hosts are {@code wparflow.backup.hosts}, else every
 * {@code wparflow.ssh.endpoints} entry that is not an HMC of {@code wparflow.hmc.managed-systems}; the system
 * WPARs of a host come live from {@code lswpar -c -q -a name,state,type}.
 */
@Component
public class LiveBackupTargets implements BackupTargets {

    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE);

    private final BackupSettings settings;
    private final SshProperties ssh;
    private final HmcProperties hmcs;
    private final AixShell shell;

    public LiveBackupTargets(BackupSettings settings, SshProperties ssh, HmcProperties hmcs, AixShell shell) {
        this.settings = settings;
        this.ssh = ssh;
        this.hmcs = hmcs;
        this.shell = shell;
    }

    @Override
    public List<String> hosts() {
        if (!settings.hosts().isEmpty()) {
            return settings.hosts();
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
