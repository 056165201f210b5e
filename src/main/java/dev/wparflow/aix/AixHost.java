package dev.wparflow.aix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.wparflow.ssh.CommandOptions;
import dev.wparflow.ssh.CommandResult;

/**
 * The AIX operations of one host, each recorded for one step ({@link AixGateway#on}). Reads (lswpar, df, oslevel…)
 * may be re-sent when their connection drops; changes are sent once. A failed command throws an
 * {@link AixRefusal} (business outcome) or an {@link AixCommandException}; a transport failure propagates as the
 * transport reports it (see {@link HostUnreachable}).
 */
public final class AixHost {

    private final AixShell shell;
    private final String host;
    private final Origin origin;

    AixHost(AixShell shell, String host, Origin origin) {
        this.shell = shell;
        this.host = host;
        this.origin = origin;
    }

    public String name() {
        return host;
    }

    // ---------------------------------------------------------------- WPARs as lswpar lists them

    /** Every WPAR, with {@code fields} ({@code lswpar -c -q -a FIELDS}). */
    public List<WparInfo> wpars(List<LswparField> fields) {
        return read(Lswpar.delimited(fields, true, null, List.of()), out -> Lswpar.parseDelimited(out, fields));
    }

    /** The WPAR named {@code name} ({@code lswpar -c -q -a FIELDS NAME}), or empty when the host has none. */
    public Optional<WparInfo> wpar(WparName name, List<LswparField> fields) {
        AixResult<List<WparInfo>> listed = attemptRead(Lswpar.delimited(fields, true, null, List.of(name)),
                out -> Lswpar.parseDelimited(out, fields));
        if (listed.outcome() == AixOutcome.WPAR_NOT_FOUND) {
            return Optional.empty();
        }
        return value(listed).stream().filter(w -> w.name().equals(name.value())).findFirst();
    }

    /** {@code lswpar -M NAME}: the WPAR's file systems. */
    public List<WparMount> mounts(WparName name) {
        return read(Lswpar.mounts(List.of(name)), Lswpar::parseMounts);
    }

    /** {@code lswpar -N [NAME…]}: the network of the WPARs named, of every WPAR when none is. */
    public List<WparNetwork> networks(List<WparName> names) {
        return read(Lswpar.network(names), Lswpar::parseNetwork);
    }

    /** {@code lswpar -R [NAME…]}: the resource controls of the WPARs named, of every WPAR when none is. */
    public java.util.Map<String, ResourceControls> resourceControls(List<WparName> names) {
        return read(Lswpar.resources(names), Lswpar::parseResources);
    }

    // ---------------------------------------------------------------- lifecycle

    /** {@code startwpar NAME}. */
    public void start(WparName name) {
        run(WparLifecycle.startwpar(name));
    }

    /** {@code stopwpar [-F] [-N] NAME}. */
    public void stop(WparName name, WparLifecycle.Stop... options) {
        run(WparLifecycle.stopwpar(name, options));
    }

    /** {@code rebootwpar NAME}. */
    public void reboot(WparName name) {
        run(WparDiagnostics.rebootwpar(name));
    }

    /**
     * A read whose output is the answer whatever its exit status ({@link WparDiagnostics}): stdout, then stderr, then
     * a line with the exit status when it is not 0. The command and its output are in the operation's transcript.
     */
    public String collect(AixCommand command) {
        CommandResult r = exec(command, CommandOptions.idempotentRead());
        String out = (r.stdout() == null ? "" : r.stdout()) + (r.stderr() == null ? "" : r.stderr());
        return r.succeeded() ? out : out + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + "(exit status "
                + r.exitStatus() + ")\n";
    }

    /** {@code rmwpar [-F] [-p] NAME}. */
    public void remove(WparName name, WparLifecycle.Remove... options) {
        run(WparLifecycle.rmwpar(name, options));
    }

    /** {@code chwpar -n NEW OLD}. */
    public void rename(WparName current, WparName newName) {
        run(WparLifecycle.rename(current, newName));
    }

    /** {@code chwpar -R attr=value… NAME}: the controls {@code changes} sets, effective at once (RB:10736). */
    public void changeResourceControls(WparName name, ResourceControls changes) {
        run(WparLifecycle.changeResources(name, changes));
    }

    /** {@code chwpar -K -R attr… NAME}: the controls named back to their defaults (unlimited, 0%-100%,100%). */
    public void resetResourceControls(WparName name, List<WparLifecycle.ResourceControl> controls) {
        run(WparLifecycle.resetResources(name, controls));
    }

    /** {@code prtconf}'s memory size of the LPAR in MB, null when it does not say. */
    public Long memoryMb() {
        return read(SystemInfo.prtconf(), SystemInfo::parsePrtconf).memoryMb();
    }

    /** {@code mkwpar -w -o SPEC -e NAME}: the spec of the WPAR as it is now, written to {@code spec}. */
    public void writeSpec(WparName name, AbsolutePath spec) {
        run(WparLifecycle.writeSpec(name, spec));
    }

    /** {@code mkwpar -p -f SPEC}: the WPAR the spec describes, defined over its existing file systems. */
    public void definePreservingFromSpec(AbsolutePath spec) {
        run(WparLifecycle.mkwpar(WparLifecycle.MkwparRequest.preservingFromSpec(spec)));
    }

    /** {@code wparexec -f SPEC}: an application WPAR created and started from its spec. */
    public void startApplicationFromSpec(AbsolutePath spec) {
        run(WparLifecycle.wparexecFromSpec(spec));
    }

    /**
     * {@code clogin NAME COMMAND…}: a command run inside the WPAR. Its exit is the answer, not a failure: the result
     * tells whether it succeeded and, if not, why.
     */
    public Inside runInside(WparName name, List<String> command) {
        CommandResult r = exec(WparLifecycle.clogin(name, command), CommandOptions.DEFAULT);
        return new Inside(r.exitStatus(), r.stderr(), r.succeeded() ? null : AixOutcomes.classify(r));
    }

    /** What a command run inside a WPAR gave: its exit status, its stderr and, when it failed, the failure. */
    public record Inside(int exitStatus, String stderr, AixFailure failure) {
        public boolean succeeded() {
            return exitStatus == 0;
        }

        /** The last non-empty line of stderr ("" if none). */
        public String lastErrorLine() {
            if (stderr == null) {
                return "";
            }
            List<String> lines = stderr.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    // ---------------------------------------------------------------- live mobility

    /** {@code setclock TIMESERVER}. */
    public void setClock(IpAddress timeServer) {
        run(WparMobility.setclock(timeServer));
    }

    /** {@code movewpar -s NAME}: the migration server started; its connection key. */
    public ConnectionKey startDeparture(WparName name) {
        return run(WparMobility.startDeparture(name, null, null), WparMobility::parseDeparture).key();
    }

    /** {@code movewpar -x NAME}: aborts a migration; "no migration in progress" is fine. Returns the exit status. */
    public int abortMove(WparName name) {
        return exec(WparMobility.abort(name), CommandOptions.DEFAULT).exitStatus();
    }

    // ---------------------------------------------------------------- checkpoint and restart

    /** {@code chkptwpar [-k] -d DIR NAME}: the directory chkptwpar says it checkpointed the WPAR in. */
    public String checkpoint(WparName name, AbsolutePath directory, WparMobility.AfterCheckpoint after) {
        return run(WparMobility.checkpoint(name, directory, after), WparMobility::parseCheckpointed);
    }

    /** {@code restartwpar -d DIR NAME}: the directory restartwpar says it restarted the WPAR from. */
    public String restart(WparName name, AbsolutePath directory) {
        return run(WparMobility.restart(name, directory), WparMobility::parseRestarted);
    }

    /**
     * The WPAR a checkpoint directory holds, from the spec stored beside it ({@code DIR/wpar.spec}, see
     * {@link WparCheckpoint}); empty when this host cannot read it (no such directory, not on the repository).
     */
    public Optional<String> checkpointOf(AbsolutePath directory) {
        AixResult<String> spec = attemptRead(AixFiles.cat(WparCheckpoint.spec(directory)), out -> out);
        if (spec instanceof AixResult.Failed<String>) {
            return Optional.empty();
        }
        return Optional.of(WparCheckpoint.parseWparName(spec.value()));
    }

    /** {@code du -s -k DIR}: the kilobytes a checkpoint directory holds. */
    public long diskUsageKb(AbsolutePath directory) {
        return read(WparCheckpoint.diskUsage(directory), WparCheckpoint::parseDiskUsageKb);
    }

    /** {@code rm -r -f -- DIR}: a checkpoint directory and everything in it; an absent one is fine. */
    public void removeDirectory(AbsolutePath directory) {
        run(WparCheckpoint.removeDirectory(directory));
    }

    // ---------------------------------------------------------------- system and files

    /** {@code oslevel -s}, as printed. */
    public String oslevel() {
        return read(SystemInfo.oslevel(), String::strip);
    }

    /**
     * {@code lslpp -Lc FILESET…}: the levels of the filesets installed. lslpp exits non-zero when one of them is
     * missing (0504-132) but still lists the others, so its exit is not a failure here.
     */
    public List<SystemInfo.Fileset> filesets(List<FilesetName> filesets) {
        String out = exec(SystemInfo.lslpp(filesets), CommandOptions.idempotentRead()).stdout();
        return SystemInfo.parseLslpp(out == null ? "" : out);
    }

    // ---------------------------------------------------------------- software levels and maintenance

    /** {@code lslpp -Lc}: the global environment's fileset levels. */
    public SoftwareLevels globalSoftware() {
        return read(Software.lslppAll(), SoftwareLevels::parseLslppLc);
    }

    /** {@code lslpp -l}: the global environment's levels by part (usr and root), as the verification after an update reads them. */
    public SoftwareLevels globalSoftwareByPart() {
        return read(Software.lslppLong(), SoftwareLevels::parseLslppL);
    }

    /**
     * {@code clogin NAME lslpp -l}: the WPAR's usr and root part levels, failures as data (a WPAR that is not Active
     * cannot be logged in to: 0960-430).
     */
    public AixResult<SoftwareLevels> wparSoftware(WparName wpar) {
        return attemptRead(Software.lslppInside(wpar), SoftwareLevels::parseLslppL);
    }

    /** {@code clogin NAME oslevel -s}, as printed. */
    public String oslevel(WparName wpar) {
        return read(Software.oslevelInside(wpar), String::strip);
    }

    /**
     * {@code installp -apgXd DIR {FILESET… | all}}: what an apply would change (each fileset's level now and the
     * level it would get), what is already installed, what the source lacks; an unreadable source is a plan whose
     * {@code failure} says why. Nothing changes on the host.
     */
    public Software.InstallPlan previewInstall(SoftwareSource source, List<FilesetName> filesets) {
        SoftwareLevels now = globalSoftware();
        CommandResult r = exec(Software.installPreview(source, filesets), CommandOptions.idempotentRead());
        String out = r.stdout() == null ? "" : r.stdout();
        if (!r.succeeded() && !out.contains("Pre-installation Verification")) {
            return new Software.InstallPlan(List.of(), List.of(), List.of(), Software.message(out, r.stderr()));
        }
        return Software.parsePreview(out, now.usr());
    }

    /** {@code installp -a[c]gXYd DIR {FILESET… | all}} in the global environment; a failed fileset is data. */
    public Software.InstallResult applyInstall(SoftwareSource source, List<FilesetName> filesets, Software.Commit commit) {
        return install(Software.installApply(source, filesets, commit));
    }

    /** {@code install_all_updates -d DIR -Y [-c]} in the global environment; a failed fileset is data. */
    public Software.InstallResult installAllUpdates(SoftwareSource source, Software.Commit commit) {
        return install(Software.installAllUpdates(source, commit));
    }

    /** {@code installp -c -g all}: commits every applied update. */
    public Software.InstallResult commitApplied() {
        return install(Software.commitAll());
    }

    /** {@code emgr -e PACKAGE -X}: an interim fix installed in the global environment; a refusal is data. */
    public Software.InstallResult installEfix(AbsolutePath efixPackage) {
        return install(Software.emgrInstall(efixPackage));
    }

    /** {@code emgr -r -L LABEL}: an interim fix removed; a refusal is data. */
    public Software.InstallResult removeEfix(EfixLabel label) {
        return install(Software.emgrRemove(label));
    }

    /** {@code emgr -l}: the interim fixes installed in the global environment. */
    public List<Software.Efix> efixes() {
        CommandResult r = exec(Software.emgrList(), CommandOptions.idempotentRead());
        String out = (r.stdout() == null ? "" : r.stdout()) + (r.stderr() == null ? "" : r.stderr());
        if (!r.succeeded() && !out.contains("There is no efix data")) {
            value(AixOutcomes.interpret(r));
        }
        return Software.parseEfixes(out);
    }

    /** {@code syncwpar NAME}: one shared WPAR's root part brought to the global levels; a failure is data. */
    public Software.SyncResult syncWpar(WparName wpar) {
        CommandResult r = exec(Software.syncwpar(wpar), CommandOptions.DEFAULT);
        return Software.parseSync(wpar, r.exitStatus(), r.stdout(), r.stderr());
    }

    /**
     * {@code inuwpar -d DIR -w NAME installp -apX FILESET LEVEL…}: what installing these exact levels into one detached
     * WPAR would do; nothing changes. {@code failure} is set when inuwpar could not preview at all.
     */
    public Software.InstallPlan inuwparPreview(WparName wpar, SoftwareSource source, List<FilesetLevel> levels) {
        CommandResult r = exec(Software.inuwparPreview(wpar, source, levels), CommandOptions.idempotentRead());
        String out = r.stdout() == null ? "" : r.stdout();
        if (!r.succeeded() && !out.contains("Pre-installation Verification")) {
            return new Software.InstallPlan(List.of(), List.of(), List.of(), Software.message(out, r.stderr()));
        }
        return Software.parsePreview(out, Map.of());
    }

    /**
     * {@code inuwpar -d DIR -w NAME installp -acXY FILESET LEVEL…}: these exact levels installed into one detached WPAR;
     * a failure is data.
     */
    public Software.SyncResult inuwparAtLevels(WparName wpar, SoftwareSource source, List<FilesetLevel> levels) {
        CommandResult r = exec(Software.inuwparAtLevels(wpar, source, levels), CommandOptions.DEFAULT);
        return Software.parseSync(wpar, r.exitStatus(), r.stdout(), r.stderr());
    }

    private Software.InstallResult install(AixCommand command) {
        CommandResult r = exec(command, CommandOptions.DEFAULT);
        return Software.parseInstall(r.exitStatus(), r.stdout() == null ? "" : r.stdout(), r.stderr());
    }

    /** The mount points {@code df} lists. */
    public Set<String> mountedFileSystems() {
        return read(AixFiles.df(), AixFiles::parseMountPoints);
    }

    /** The remote file systems {@code mount} lists. */
    public List<AixFiles.NfsMount> nfsMounts() {
        return read(AixFiles.mount(), AixFiles::parseNfsMounts);
    }

    /** {@code cat FILE}: a text file's content. */
    public String readFile(AbsolutePath file) {
        return read(AixFiles.cat(file), out -> out);
    }

    /** {@code rm -f -- FILE…}. */
    public void removeFiles(List<AbsolutePath> files) {
        run(AixFiles.removeFiles(files));
    }

    /** {@code tee FILE} with {@code text} on stdin (a final newline added when missing). */
    public void writeFile(AbsolutePath file, String text) {
        CommandResult r = exec(AixFiles.tee(file),
                CommandOptions.defaults().withStdin(text.endsWith("\n") ? text : text + "\n"));
        value(AixOutcomes.interpret(r));
    }

    /** {@code lssavewpar -f IMAGE}: the members of a savewpar image. */
    public List<String> imageMembers(AbsolutePath image) {
        return read(WparBackup.lssavewpar(image), WparBackup::parseListing);
    }

    /**
     * The jfs2 file systems of the system WPARs on logical volumes, with the volume group of each: {@code lswpar}, then
     * {@code lswpar -M} per system WPAR, {@code lsvg} and {@code lsvg -l} per volume group. A file system whose logical
     * volume no volume group lists has a null volume group.
     */
    public List<GlobalBackup.WparFileSystem> wparFileSystems() {
        Map<String, String> groupOfLv = new java.util.HashMap<>();
        for (String vg : volumeGroupNames()) {
            for (Lvm.LogicalVolume lv : logicalVolumes(VolumeGroupName.of(vg))) {
                groupOfLv.put(lv.name(), vg);
            }
        }
        List<GlobalBackup.WparFileSystem> result = new java.util.ArrayList<>();
        for (WparInfo w : wpars(List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE))) {
            if (w.type() != WparType.SYSTEM) {
                continue;
            }
            for (WparMount m : mounts(WparName.of(w.name()))) {
                if ("jfs2".equalsIgnoreCase(m.vfs()) && m.device() != null && m.device().startsWith("/dev/")) {
                    String lv = m.device().substring("/dev/".length());
                    result.add(new GlobalBackup.WparFileSystem(w.name(), w.state(), m.mountPoint(), lv,
                            groupOfLv.get(lv)));
                }
            }
        }
        return result;
    }

    /** {@code mount PATH}: a file system of an inactive WPAR, from the global environment (RB:9822, 4.4.3). */
    public void mountFileSystem(AbsolutePath mountPoint) {
        run(GlobalBackup.mount(mountPoint));
    }

    /** {@code umount PATH}. */
    public void unmountFileSystem(AbsolutePath mountPoint) {
        run(GlobalBackup.unmount(mountPoint));
    }

    /** {@code lsmksysb -l -f FILE} / {@code lssavevg -l -f FILE}: what a volume-group backup holds, failures as data. */
    public AixResult<GlobalBackup.BackupInfo> backupInfo(GlobalBackup.Kind kind, AbsolutePath file) {
        return attemptRead(GlobalBackup.describe(kind, file), GlobalBackup::parseInfo);
    }

    // ---------------------------------------------------------------- facts for the compatibility checks

    /**
     * The names of the global environment's network interfaces: {@code ifconfig -a}, or {@code netstat -in} when
     * ifconfig fails.
     */
    public List<String> interfaceNames() {
        AixResult<List<GlobalNetwork.Interface>> ifconfig = attemptRead(GlobalNetwork.ifconfigAll(),
                GlobalNetwork::parseIfconfig);
        if (ifconfig.isOk()) {
            return ifconfig.value().stream().map(GlobalNetwork.Interface::name).toList();
        }
        return read(GlobalNetwork.netstatInterfaces(), GlobalNetwork::parseNetstatInterfaces);
    }

    /** {@code /etc/wpars/devmap}: the name mapped interfaces, empty when the file does not exist (cat's 0652-050). */
    public java.util.Map<String, String> interfaceMap() {
        CommandResult r = exec(AixFiles.cat(GlobalNetwork.DEVMAP), CommandOptions.idempotentRead());
        if (!r.succeeded() && r.stderr() != null && r.stderr().contains(GlobalNetwork.NO_DEVMAP)) {
            return java.util.Map.of();
        }
        return value(AixOutcomes.interpret(r, GlobalNetwork::parseDevmap));
    }

    /** {@code showmount -e SERVER}: what {@code server} exports, as this host asks it. */
    public List<NfsExports.Export> nfsExportsOf(HostName server) {
        return read(NfsExports.showmount(server), NfsExports::parseShowmount);
    }

    /**
     * A read-only test mount of {@code server:remote} on {@code scratch} ({@code mkdir -p}, {@code mount -r -n},
     * {@code umount}, {@code rmdir}): null when it mounted, else the line mount printed. Nothing stays mounted.
     */
    public String testMount(HostName server, AbsolutePath remote, AbsolutePath scratch) {
        run(NfsExports.makeDirectory(scratch));
        try {
            CommandResult m = exec(NfsExports.mountReadOnly(server, remote, scratch), CommandOptions.DEFAULT);
            if (!m.succeeded()) {
                String err = m.stderr() == null || m.stderr().isBlank() ? "exit status " + m.exitStatus()
                        : m.stderr().strip().lines().reduce((a, b) -> b).orElse("");
                return err;
            }
            run(NfsExports.unmount(scratch));
            return null;
        } finally {
            exec(NfsExports.removeDirectory(scratch), CommandOptions.DEFAULT);
        }
    }

    /** {@code lswpar -D NAME}: the devices exported to the WPAR. */
    public List<Devices.Exported> exportedDevices(WparName name) {
        return read(Devices.exported(name), Devices::parseExported);
    }

    /** {@code lsdev -C}: the names of the devices configured in this global environment. */
    public Set<String> configuredDevices() {
        return read(Devices.configured(), Devices::parseConfigured);
    }

    /** {@code lsvg}: the volume groups. */
    public List<String> volumeGroupNames() {
        return read(Lvm.listVolumeGroups(), Lvm::parseVolumeGroupNames);
    }

    /** {@code lsvg VG}, failures as data (0516-306: no such volume group). */
    public AixResult<Lvm.VolumeGroup> volumeGroup(VolumeGroupName vg) {
        return attemptRead(Lvm.volumeGroup(vg), Lvm::parseVolumeGroup);
    }

    /** {@code lsvg -l VG}. */
    public List<Lvm.LogicalVolume> logicalVolumes(VolumeGroupName vg) {
        return read(Lvm.logicalVolumes(vg), Lvm::parseLogicalVolumes);
    }

    /**
     * A user-defined check ({@link UserChecks#command}): its exit status decides, its output is kept. A command
     * that is not there (exit 127) is a result too, never a failure of the step.
     */
    public UserChecks.Run runUserCheck(AixCommand command) {
        CommandResult r = exec(command, CommandOptions.DEFAULT);
        return new UserChecks.Run(command.commandLine(), r.exitStatus(), r.stdout() == null ? "" : r.stdout(),
                r.stderr() == null ? "" : r.stderr());
    }

    // ---------------------------------------------------------------- any command of the aix layer

    /** A read built by the aix layer (lsvg, prtconf, sha1…), parsed; may be re-sent if its connection drops. */
    public <T> T read(AixCommand command, Function<String, T> parser) {
        return value(attemptRead(command, parser));
    }

    /** The interpreted result of a read, failures as data. */
    public <T> AixResult<T> attemptRead(AixCommand command, Function<String, T> parser) {
        return AixOutcomes.interpret(exec(command, CommandOptions.idempotentRead()), parser);
    }

    /**
     * A preflight check: its read sent as every operation sends it, its output given to the production parser. A
     * parser that fails in any way reports an unknown format naming the check; a transport failure propagates (see
     * {@link ConnectFailure}).
     */
    public CheckRun check(PreflightCheck check) {
        CommandResult r = exec(check.command(), CommandOptions.idempotentRead());
        AixResult<Object> result = check.interpret(r);
        String output = (r.stdout() == null ? "" : r.stdout())
                + (r.stderr() == null || r.stderr().isEmpty() ? "" : r.stderr());
        if (result instanceof AixResult.Failed<Object> failed) {
            return new CheckRun(check.name(), check.command().commandLine(), failed.failure().outcome(),
                    failed.failure().message(), r.exitStatus(), output, null, List.of());
        }
        List<String> unknown = check.ignored().apply(r.stdout() == null ? "" : r.stdout());
        return new CheckRun(check.name(), check.command().commandLine(), null,
                unknown.isEmpty() ? "" : "parsed; fields wparflow does not know: " + String.join(", ", unknown),
                r.exitStatus(), output, result.value(), unknown);
    }

    /** A change built by the aix layer, sent once. */
    public void run(AixCommand command) {
        value(AixOutcomes.interpret(exec(command, CommandOptions.DEFAULT)));
    }

    /** A change built by the aix layer, sent once, its output parsed. */
    public <T> T run(AixCommand command, Function<String, T> parser) {
        return value(AixOutcomes.interpret(exec(command, CommandOptions.DEFAULT), parser));
    }

    private CommandResult exec(AixCommand command, CommandOptions options) {
        return shell.run(host, command, options, origin);
    }

    private static <T> T value(AixResult<T> result) {
        if (result instanceof AixResult.Failed<T> failed) {
            throw AixCommandException.of(failed.failure());
        }
        return result.value();
    }
}
