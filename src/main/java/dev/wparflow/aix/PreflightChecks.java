package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks preflight runs, per kind of host: every read-only command the operations send, with their parsers, in
 * the order an administrator reads a report (the helper and the system first, then storage, then the WPARs, then
 * images). The lists name what wparflow depends on; a new read in an operation belongs here too.
 *
 * <p>The relocation compatibility check's {@code showmount -e SERVER} is not among them: its server is an NFS server
 * a WPAR mounts from, which none of these facts names, and the command asks that server, not the host checked.
 */
public final class PreflightChecks {

    /** The filesets discovery and the compatibility checks ask lslpp about (digest §4.2). */
    public static final List<FilesetName> FILESETS = List.of(FilesetName.of("bos.rte"), FilesetName.of("bos.wpars"),
            FilesetName.of("bos.rte.libc"), FilesetName.of("mcr.rte"));

    /**
     * Every {@code lswpar -c -q -a} field list the operations send: discovery, compatibility, live relocation,
     * backup, restore, decommission and static relocation, provisioning's copy source. Each list is its own command
     * line, and a level that rejects a field rejects that line only.
     */
    public static final List<List<LswparField>> LSWPAR_FIELD_LISTS = List.of(
            List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE, LswparField.HOSTNAME,
                    LswparField.DIRECTORY, LswparField.CHECKPOINTABLE),
            Lswpar.DEFAULT_FIELDS,
            List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE, LswparField.HOSTNAME,
                    LswparField.CHECKPOINTABLE),
            List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE, LswparField.CHECKPOINTABLE),
            List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE, LswparField.DIRECTORY),
            List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE),
            List.of(LswparField.NAME));

    private static final SubsystemName XNTPD = SubsystemName.of("xntpd");

    private PreflightChecks() {
    }

    /**
     * What a global environment's checks need to know: its WPARs (for the per-WPAR forms), its volume groups (for
     * {@code lsvg VG} and {@code lsvg -l VG}), its newest image (null when it has none).
     */
    public record GlobalEnvironment(List<WparName> wpars, List<VolumeGroupName> volumeGroups,
            AbsolutePath newestImage) {

        public GlobalEnvironment {
            wpars = List.copyOf(wpars);
            volumeGroups = List.copyOf(volumeGroups);
        }

        /** With rootvg as the only volume group asked about (the compatibility check's). */
        public GlobalEnvironment(List<WparName> wpars, AbsolutePath newestImage) {
            this(wpars, List.of(VolumeGroupName.of("rootvg")), newestImage);
        }
    }

    /** On a global environment (LPAR). */
    public static List<PreflightCheck> globalEnvironment(GlobalEnvironment facts) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(new PreflightCheck("wparflow-run version", WparflowRun.version(), WparflowRun::parseVersion));
        checks.add(new PreflightCheck("oslevel -s", SystemInfo.oslevel(), SystemInfo::parseOslevel));
        checks.add(new PreflightCheck("lslpp -Lc", SystemInfo.lslpp(FILESETS), SystemInfo::parseLslpp, null,
                true));
        checks.add(new PreflightCheck("prtconf", SystemInfo.prtconf(), SystemInfo::parsePrtconf));
        checks.add(new PreflightCheck("lsattr -El sys0", SystemInfo.lsattrSys0(), SystemInfo::parseLsattr));
        checks.add(new PreflightCheck("lssrc -s xntpd", SystemInfo.lssrc(XNTPD), SystemInfo::parseLssrc));
        checks.add(new PreflightCheck("lsvg", Lvm.listVolumeGroups(), Lvm::parseVolumeGroupNames));
        for (VolumeGroupName vg : facts.volumeGroups()) {
            checks.add(new PreflightCheck("lsvg " + vg, Lvm.volumeGroup(vg), Lvm::parseVolumeGroup));
            checks.add(new PreflightCheck("lsvg -l " + vg, Lvm.logicalVolumes(vg), Lvm::parseLogicalVolumes));
        }
        checks.add(new PreflightCheck("df", AixFiles.df(), AixFiles::parseMountPoints));
        checks.add(new PreflightCheck("mount", AixFiles.mount(), AixFiles::parseNfsMounts));
        // the relocation compatibility check's reads of the arriving system: interfaces, name mapped ones, devices
        checks.add(new PreflightCheck("ifconfig -a", GlobalNetwork.ifconfigAll(), GlobalNetwork::parseIfconfig));
        checks.add(new PreflightCheck("netstat -in", GlobalNetwork.netstatInterfaces(),
                GlobalNetwork::parseNetstatInterfaces));
        checks.add(new PreflightCheck("cat " + GlobalNetwork.DEVMAP, AixFiles.cat(GlobalNetwork.DEVMAP),
                GlobalNetwork::parseDevmap, null, false, GlobalNetwork.NO_DEVMAP));
        checks.add(new PreflightCheck("lsdev -C", Devices.configured(), Devices::parseConfigured));
        for (List<LswparField> fields : LSWPAR_FIELD_LISTS) {
            checks.add(new PreflightCheck("lswpar -c -q -a " + names(fields),
                    Lswpar.delimited(fields, true, null, List.of()), out -> Lswpar.parseDelimited(out, fields)));
        }
        checks.add(new PreflightCheck("lswpar -N", Lswpar.network(List.of()), Lswpar::parseNetwork));
        checks.add(new PreflightCheck("lswpar -M", Lswpar.mounts(List.of()), Lswpar::parseMounts));
        checks.add(new PreflightCheck("lswpar -R", Lswpar.resources(List.of()), Lswpar::parseResources));
        for (WparName w : facts.wpars()) {
            List<LswparField> all = LSWPAR_FIELD_LISTS.get(0);
            checks.add(new PreflightCheck("lswpar -c -q -a " + names(all) + " " + w,
                    Lswpar.delimited(all, true, null, List.of(w)), out -> Lswpar.parseDelimited(out, all)));
            checks.add(new PreflightCheck("lswpar -L " + w, Lswpar.details(w), Lswpar::parseDetails,
                    Lswpar::unknownDetails));
            checks.add(new PreflightCheck("lswpar -M " + w, Lswpar.mounts(List.of(w)), Lswpar::parseMounts));
            checks.add(new PreflightCheck("lswpar -D " + w, Devices.exported(w), Devices::parseExported));
        }
        if (facts.newestImage() != null) {
            checks.add(new PreflightCheck("lssavewpar -f " + facts.newestImage(),
                    WparBackup.lssavewpar(facts.newestImage()), WparBackup::parseListing));
        }
        return checks;
    }

    /** On a NIM master: its objects, its WPAR machines, and each WPAR machine's attributes. */
    public static List<PreflightCheck> nimMaster(List<NimObjectName> wparMachines) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(new PreflightCheck("lsnim", Nim.list(), Nim::parseList));
        checks.add(new PreflightCheck("lsnim -t wpar", Nim.listWpars(), Nim::parseList));
        for (NimObjectName m : wparMachines) {
            checks.add(new PreflightCheck("lsnim -l " + m, Nim.details(m), Nim::parseStanzas));
        }
        return checks;
    }

    /** On an HMC: its version and its managed systems. */
    public static List<PreflightCheck> hmc() {
        return hmc(List.of());
    }

    /** On an HMC: its version, its managed systems, and the partitions of each of {@code systems}. */
    public static List<PreflightCheck> hmc(List<ManagedSystemName> systems) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(new PreflightCheck("lshmc -V", Hmc.version(), Hmc::parseVersion));
        checks.add(new PreflightCheck("lssyscfg -r sys", Hmc.listSystems(), Hmc::parseSystems));
        for (ManagedSystemName s : systems) {
            checks.add(new PreflightCheck("lssyscfg -r lpar -m " + s, Hmc.listLpars(s, List.of()), Hmc::parseLpars));
        }
        return checks;
    }

    private static String names(List<LswparField> fields) {
        return String.join(",", fields.stream().map(LswparField::fieldName).toList());
    }
}
