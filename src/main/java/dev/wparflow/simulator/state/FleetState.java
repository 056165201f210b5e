package dev.wparflow.simulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wparflow.simulator.dc.NimDatabase;
import dev.wparflow.simulator.model.LogicalVolume;
import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.VolumeGroup;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;
import dev.wparflow.simulator.run.RunManager;

/**
 * What a simulated fleet has changed since it was built from its fleet file, as plain records (one JSON document in
 * {@link FleetStateFile}): per LPAR its WPARs with their specification, state and administrative lock, the logical
 * volumes of its volume groups, its own files (savewpar images on an NFS server's export among them), its NFS mounts,
 * clock offset, xntpd, NIM objects and finished detached runs; per managed system its state. Everything else (ports,
 * addresses, software, volume group sizes, faults) comes from the fleet file at every start.
 *
 * @param fleet the fingerprint of the fleet file this state was made from ({@link FleetFingerprint})
 */
public record FleetState(int format, String fleet, Instant saved, List<Host> hosts, Map<String, String> systemStates) {

    public static final int FORMAT = 1;

    public record Host(String name, long clockOffsetSeconds, boolean ntpActive, long pidCounter, int keyCounter,
                       Map<String, List<LogicalVolume>> logicalVolumes, List<WparRecord> wpars,
                       Map<String, String> nfsMounts, List<String> directories, Map<String, String> files,
                       List<NimRecord> nim, List<RunRecord> runs, Software software) {
    }

    /**
     * The global environment's software as installp and emgr left it: fileset levels, filesets applied but not
     * committed, interim fixes, {@code oslevel -s}. A state saved before software was kept has none: the fleet file's.
     */
    public record Software(Map<String, String> filesets, List<String> applied,
                           List<dev.wparflow.simulator.model.InstalledEfix> efixes, String oslevel) {
    }

    /**
     * A WPAR: every attribute of {@link Wpar}. A state saved before resource controls were kept has none: the WPAR gets
     * Table 8-2's defaults.
     */
    public record WparRecord(String name, Wpar.Type type, WparState state, String hostname, String directory,
                             String owner, boolean checkpointable, boolean autostart, boolean privateUsr,
                             boolean routing, String script, String application, String netInterface, String address,
                             String netmask, String broadcast, boolean copyNameResolution, int key, int fileCount,
                             List<WparFileSystem> fileSystems, Wpar.AdminLock lock, long corPid,
                             ResourceControls resources, Map<String, String> filesets, String oslevel) {

        static WparRecord of(Wpar w) {
            return new WparRecord(w.name, w.type, w.state(), w.hostname, w.directory, w.owner, w.checkpointable,
                    w.autostart, w.privateUsr, w.routing, w.script, w.application, w.netInterface, w.address,
                    w.netmask, w.broadcast, w.copyNameResolution, w.key, w.fileCount, List.copyOf(w.fileSystems),
                    w.lock, w.corPid, w.resources, new LinkedHashMap<>(w.filesets), w.oslevel);
        }

        Wpar toWpar() {
            Wpar w = new Wpar(name);
            w.type = type;
            w.setState(state);
            w.hostname = hostname;
            w.directory = directory;
            w.owner = owner;
            w.checkpointable = checkpointable;
            w.autostart = autostart;
            w.privateUsr = privateUsr;
            w.routing = routing;
            w.script = script;
            w.application = application;
            w.netInterface = netInterface;
            w.address = address;
            w.netmask = netmask;
            w.broadcast = broadcast;
            w.copyNameResolution = copyNameResolution;
            w.key = key;
            w.fileCount = fileCount;
            w.fileSystems = new ArrayList<>(fileSystems);
            w.lock = lock;
            w.corPid = corPid;
            w.resources = resources == null ? ResourceControls.DEFAULTS : resources;
            if (filesets != null) {
                w.filesets.putAll(filesets);
            }
            w.oslevel = oslevel;
            return w;
        }
    }

    public record NimRecord(String name, String objectClass, String type, Map<String, String> attributes) {
    }

    /** A detached run; one still running when the state was saved has a null exit status. */
    public record RunRecord(String id, List<String> argv, Instant started, Instant ended, Integer exitStatus,
                            String output) {
    }

    // ---------------------------------------------------------------- capture

    /** The state of one LPAR's model and its runs, read under the host's lock. */
    public static Host capture(SimulatedHost h, RunManager runs) {
        return h.locked(() -> {
            Map<String, List<LogicalVolume>> lvs = new LinkedHashMap<>();
            h.volumeGroups.forEach((n, vg) -> lvs.put(n, List.copyOf(vg.logicalVolumes().values())));
            Map<String, String> files = new LinkedHashMap<>();
            Base64.Encoder b64 = Base64.getEncoder();
            h.files.localFiles().forEach((p, c) -> files.put(p, b64.encodeToString(c)));
            List<NimRecord> nim = h.nim == null ? List.of() : h.nim.snapshot().stream()
                    .map(o -> new NimRecord(o.name, o.objectClass, o.type, new LinkedHashMap<>(o.attributes)))
                    .toList();
            List<RunRecord> runRecords = runs.all().stream()
                    .sorted((a, b) -> a.started.compareTo(b.started))
                    .map(r -> new RunRecord(r.id, r.argv, r.started, r.ended(), r.exitStatus(), r.output()))
                    .toList();
            long[] counters = h.counters();
            return new Host(h.name, h.clockOffsetSeconds, h.ntpActive, counters[0], (int) counters[1], lvs,
                    h.wparList().stream().map(WparRecord::of).toList(), new LinkedHashMap<>(h.nfsMounts),
                    h.files.localDirectories(), files, nim, runRecords,
                    new Software(new LinkedHashMap<>(h.filesets), List.copyOf(h.appliedFilesets),
                            List.copyOf(h.efixes.values()), h.oslevel));
        });
    }

    // ---------------------------------------------------------------- apply

    /**
     * Puts a saved host state into a model freshly built from the fleet file, before its SSH server starts: its
     * WPARs, logical volumes, files, counters, NIM objects and finished runs replace the fleet file's. NFS mounts are
     * made by the fleet afterwards ({@link Host#nfsMounts}). A WPAR saved in the middle of a command (Transitional,
     * Moving, Frozen) is Broken without its lock: the command ended with the simulator, as an interrupted command
     * leaves it. A run saved while running has ended with 143, as a cancelled one.
     */
    public static void apply(Host saved, SimulatedHost h, RunManager runs) {
        h.locked(() -> {
            new ArrayList<>(h.wparList()).forEach(w -> h.removeWpar(w.name));
            if (saved.software() != null) {
                h.filesets.clear();
                h.filesets.putAll(saved.software().filesets());
                h.appliedFilesets.clear();
                h.appliedFilesets.addAll(saved.software().applied());
                h.efixes.clear();
                saved.software().efixes().forEach(e -> h.efixes.put(e.label(), e));
                if (saved.software().oslevel() != null) {
                    h.oslevel = saved.software().oslevel();
                }
            }
            for (VolumeGroup vg : h.volumeGroups.values()) {
                vg.logicalVolumes().clear();
                saved.logicalVolumes().getOrDefault(vg.name(), List.of())
                        .forEach(lv -> vg.logicalVolumes().put(lv.name(), lv));
            }
            for (WparRecord r : saved.wpars()) {
                Wpar w = r.toWpar();
                if (w.state() == WparState.TRANSITIONAL || w.state() == WparState.MOVING
                        || w.state() == WparState.FROZEN) {
                    w.setState(WparState.BROKEN);
                    w.lock = null;
                }
                h.addWpar(w);
            }
            Base64.Decoder b64 = Base64.getDecoder();
            Map<String, byte[]> files = new LinkedHashMap<>();
            saved.files().forEach((p, c) -> files.put(p, b64.decode(c)));
            h.files.replaceContent(files, saved.directories());
            h.clockOffsetSeconds = saved.clockOffsetSeconds();
            h.ntpActive = saved.ntpActive();
            h.restoreCounters(saved.pidCounter(), saved.keyCounter());
            if (h.nim != null) {
                h.nim.objects().clear();
                for (NimRecord r : saved.nim()) {
                    NimDatabase.NimObject o = new NimDatabase.NimObject(r.name(), r.objectClass(), r.type());
                    o.attributes.putAll(r.attributes());
                    h.nim.put(o);
                }
            }
        });
        for (RunRecord r : saved.runs()) {
            int rc = r.exitStatus() == null ? RunManager.CANCELLED : r.exitStatus();
            Instant ended = r.ended() == null ? r.started() : r.ended();
            runs.restore(new RunManager.Run(r.id(), r.argv(), r.started(), ended, rc, r.output()));
        }
    }
}
