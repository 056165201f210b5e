package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One simulated AIX global environment (an LPAR): identity, software, volume groups, WPARs and its
 * file system. All mutable state is guarded by {@link #lock()}; commands that take time mark the
 * WPAR {@code T}, release the lock while they "work", then take it again to finish.
 */
public final class SimulatedHost {
    public final String name;
    public String hostname;
    public String ip = "127.0.0.1";
    public String netmask = "255.255.254.0";
    public String broadcast = "9.3.5.255";
    public String netInterface = "en0";
    public String oslevel = "6100-02-01-0847";
    public String processorType = "PowerPC_POWER6";
    public int processorCount = 2;
    public int processorMhz = 4704;
    public int memoryMb = 4096;
    public String machineModel = "IBM,9117-MMA";
    public String serialNumber = "0610A9C";
    public boolean ntpActive = true;
    public long ntpPid = 217262;
    /** The global environment's installed filesets (usr and root parts) and their levels. */
    public final Map<String, String> filesets = new TreeMap<>();
    /** Filesets whose last update was applied but not committed ({@code installp -a} without {@code -c}). */
    public final java.util.Set<String> appliedFilesets = new java.util.TreeSet<>();
    /** Software sources this host can install from, by directory (from the fleet file). */
    public final Map<String, SoftwareSource> softwareSources = new LinkedHashMap<>();
    /** Interim fixes installed in the global environment by {@code emgr -e}, by label, in installation order. */
    public final Map<String, InstalledEfix> efixes = new LinkedHashMap<>();
    /** Part 2: an HMC endpoint instead of an LPAR (answers HMC commands only). */
    public boolean hmc;
    public String hmcVersion = "V7R3.3.0";
    /** Part 2: the managed system this LPAR runs on, and its partition id there. */
    public String managedSystem;
    public int lparId = 1;
    /** Part 2: seconds this host's clock is ahead of the fleet's (setclock HOST copies HOST's). */
    public volatile long clockOffsetSeconds;
    /** Part 2: the network interfaces of the global environment (movewpar needs the WPAR's on both sides). */
    public final java.util.List<String> interfaces = new java.util.ArrayList<>(java.util.List.of("en0"));
    /** Part 2: NFS exports of this host, directory to the client hosts allowed (empty list: every host). */
    public final Map<String, java.util.List<String>> nfsExports = new LinkedHashMap<>();
    /** Part 2: mounted NFS exports, local directory to "server:/dir". */
    public final Map<String, String> nfsMounts = new java.util.concurrent.ConcurrentSkipListMap<>();
    /**
     * Global paths of WPAR file systems mounted from the global environment while their WPAR is not Active
     * ({@code mount /wpars/NAME/MNT}, Redbook 4.4.3 / RB:9822); the file systems of an Active WPAR are mounted anyway.
     */
    public final java.util.Set<String> fileSystemMounts = new java.util.concurrent.ConcurrentSkipListSet<>();
    /** Devices configured besides those lsdev derives (disks, adapters, interfaces): name to description. */
    public final Map<String, String> devices = new LinkedHashMap<>();
    /**
     * User-defined check commands: an absolute path, or a directory ending in "/" for every command under it, to what
     * running it gives (the most specific entry wins).
     */
    public final Map<String, CheckCommand> checkCommands = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a user-defined check command gives: its exit status and the line it prints. */
    public record CheckCommand(int exitStatus, String output) {
    }

    /** The check command {@code path} answers with, if the fleet configures one. */
    public Optional<CheckCommand> checkCommand(String path) {
        CheckCommand exact = checkCommands.get(path);
        if (exact != null) {
            return Optional.of(exact);
        }
        return checkCommands.entrySet().stream().filter(e -> e.getKey().endsWith("/") && path.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    /** Commands this host does not have: ksh's "not found", exit 127 (fleet option missing-commands). */
    public final java.util.Set<String> missingCommands = new java.util.TreeSet<>();
    /** Commands the fleet's user may not run: ksh's 0403-006, exit 126 (fleet option denied-commands). */
    public final java.util.Set<String> deniedCommands = new java.util.TreeSet<>();
    /** Extra {@code Key: value} lines {@code lswpar -L} prints in GENERAL, as a later AIX level does. */
    public final Map<String, String> lswparExtraFields = new LinkedHashMap<>();
    /** Part 2: the NIM database when this host is the NIM master, else null. */
    public dev.wparflow.simulator.dc.NimDatabase nim;
    public final Map<String, VolumeGroup> volumeGroups = new LinkedHashMap<>();
    /** In creation order; changed only through {@link #addWpar}, {@link #removeWpar}, {@link #renameWpar}. */
    private final Map<String, Wpar> wpars = new LinkedHashMap<>();
    /** Where this host's WPAR state changes go; null until the fleet attaches one, and again once it is replaced. */
    private volatile WparStateHistory history;
    public final MapFileSystem files = new MapFileSystem();
    public final Timing timing;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong pids = new AtomicLong(340192);
    private int nextKey = 1;

    public SimulatedHost(String name, Timing timing) {
        this.name = name;
        this.hostname = name;
        this.timing = timing;
        files.mkdirs("/wpars");
        files.mkdirs("/tmp");
        files.mkdirs("/backup");
    }

    public ReentrantLock lock() {
        return lock;
    }

    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    public long nextPid() {
        return pids.addAndGet(2 + (pids.get() % 7) * 4096 + 1234);
    }

    public int nextKey() {
        return nextKey++;
    }

    /** The counters behind {@link #nextPid} and {@link #nextKey}, for a saved fleet state. Caller holds the lock. */
    public long[] counters() {
        return new long[] {pids.get(), nextKey};
    }

    /** Continues the counters of a saved fleet state, so pids and keys are not handed out twice. Caller holds the lock. */
    public void restoreCounters(long pid, int key) {
        pids.set(pid);
        nextKey = key;
    }

    public Optional<Wpar> wpar(String wparName) {
        return Optional.ofNullable(wpars.get(wparName));
    }

    public boolean hasWpar(String wparName) {
        return wpars.containsKey(wparName);
    }

    /** The WPARs in creation order (a read-only view). Caller holds the lock. */
    public Collection<Wpar> wparList() {
        return java.util.Collections.unmodifiableCollection(wpars.values());
    }

    /** Puts a WPAR on this host (it appears, in its current state, in the history). Caller holds the lock. */
    public void addWpar(Wpar w) {
        if (w.type == Wpar.Type.SYSTEM && w.filesets.isEmpty()) {
            // a new WPAR's root part (its /usr too when it is detached) is installed from the global environment
            w.filesets.putAll(filesets);
            w.oslevel = oslevel;
        }
        Wpar previous = wpars.put(w.name, w);
        if (previous != null && previous != w) {
            previous.placeOn(null);
            recordTransition(w.name, previous.state(), null);
        }
        w.placeOn(this);
        if (previous != w) {
            recordTransition(w.name, null, w.state());
        }
    }

    /** Takes a WPAR off this host (it leaves the history's count); empty when there is none. Caller holds the lock. */
    public Optional<Wpar> removeWpar(String wparName) {
        Wpar w = wpars.remove(wparName);
        if (w != null) {
            w.placeOn(null);
            recordTransition(wparName, w.state(), null);
        }
        return Optional.ofNullable(w);
    }

    /** chwpar -n: the WPAR takes the new name and moves to the end of the creation order. Caller holds the lock. */
    public void renameWpar(Wpar w, String newName) {
        removeWpar(w.name);
        w.name = newName;
        addWpar(w);
    }

    /**
     * From now on, this host's WPAR state changes go into {@code into} (null: nowhere); the WPARs already here are
     * recorded as appearing in their current state, so the history starts from the host as it is.
     */
    public void recordStatesInto(WparStateHistory into) {
        locked(() -> {
            history = into;
            wpars.values().forEach(w -> recordTransition(w.name, null, w.state()));
        });
    }

    void recordTransition(String wparName, WparState from, WparState to) {
        WparStateHistory h = history;
        if (h != null) {
            h.record(name, wparName, from, to);
        }
    }

    public Optional<LogicalVolume> findLv(String lvName) {
        for (VolumeGroup vg : volumeGroups.values()) {
            LogicalVolume lv = vg.logicalVolumes().get(lvName);
            if (lv != null) {
                return Optional.of(lv);
            }
        }
        return Optional.empty();
    }

    public Optional<VolumeGroup> vgOf(String lvName) {
        return volumeGroups.values().stream().filter(vg -> vg.logicalVolumes().containsKey(lvName)).findFirst();
    }

    public boolean lvExists(String lvName) {
        return findLv(lvName).isPresent();
    }

    /** The next free global {@code fslvNN} name (Redbook: fslv00, fslv01, ...). */
    public String nextLvName(String prefix, String fmt) {
        for (int i = 0; ; i++) {
            String candidate = prefix + String.format(fmt, i);
            if (!lvExists(candidate)) {
                return candidate;
            }
        }
    }

    public String nextFslv() {
        return nextLvName("fslv", "%02d");
    }

    /** The seven default file systems of a system WPAR (4 jfs2 of 128 MB + namefs /opt, /usr, /proc). */
    public static List<WparFileSystem> defaultFileSystems(String vg) {
        List<WparFileSystem> list = new ArrayList<>();
        list.add(WparFileSystem.jfs2("/", null, vg, 262144));
        list.add(WparFileSystem.jfs2("/home", null, vg, 262144));
        list.add(WparFileSystem.namefs("/opt", "/opt", "ro"));
        list.add(WparFileSystem.namefs("/proc", "/proc", "rw"));
        list.add(WparFileSystem.jfs2("/tmp", null, vg, 262144));
        list.add(WparFileSystem.namefs("/usr", "/usr", "ro"));
        list.add(WparFileSystem.jfs2("/var", null, vg, 262144));
        return list;
    }

    /**
     * The file systems of a detached WPAR (mkwpar -l): /usr and /opt its own jfs2 file systems instead of the global
     * environment's read-only namefs mounts.
     */
    public static List<WparFileSystem> privateUsr(List<WparFileSystem> fss, String vg) {
        List<WparFileSystem> list = new ArrayList<>();
        for (WparFileSystem fs : fss) {
            if ("namefs".equals(fs.vfs()) && "/usr".equals(fs.mountPoint())) {
                list.add(WparFileSystem.jfs2("/usr", null, vg, 262144 * 8));
            } else if ("namefs".equals(fs.vfs()) && "/opt".equals(fs.mountPoint())) {
                list.add(WparFileSystem.jfs2("/opt", null, vg, 262144));
            } else {
                list.add(fs);
            }
        }
        return list;
    }

    /** Partitions needed per volume group to create these file systems (those without an LV yet included). */
    public Map<String, Integer> ppsNeeded(List<WparFileSystem> fss) {
        Map<String, Integer> need = new LinkedHashMap<>();
        for (WparFileSystem fs : fss) {
            if ("jfs2".equals(fs.vfs()) && fs.volumeGroup() != null) {
                VolumeGroup vg = volumeGroups.get(fs.volumeGroup());
                int pps = vg == null ? 1 : vg.ppsFor(fs.sizeBlocks());
                need.merge(fs.volumeGroup(), pps, Integer::sum);
            }
        }
        return need;
    }

    /**
     * Creates logical volumes for the jfs2 file systems of {@code w} that name none (next fslvNN in
     * lexicographic mount order), registers them, creates the base directory. Caller holds the lock
     * and has checked space.
     */
    public void materialize(Wpar w) {
        List<WparFileSystem> result = new ArrayList<>();
        for (WparFileSystem fs : w.fileSystems) {
            WparFileSystem f = fs;
            if ("jfs2".equals(fs.vfs())) {
                String lvName = fs.logicalVolume() != null ? fs.logicalVolume() : nextFslv();
                VolumeGroup vg = volumeGroups.get(fs.volumeGroup());
                vg.logicalVolumes().put(lvName, new LogicalVolume(lvName, "jfs2", vg.ppsFor(fs.sizeBlocks()),
                        fs.globalPath(w.directory)));
                f = fs.withLogicalVolume(lvName, vg.name());
            }
            result.add(f);
        }
        w.fileSystems = result;
        files.mkdirs(w.directory);
        files.write("/etc/wpars/" + w.name + ".cf", SpecFile.write(w, false).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Removes the WPAR's logical volumes, base directory and configuration. Caller holds the lock. */
    public void dematerialize(Wpar w) {
        for (WparFileSystem fs : w.fileSystems) {
            if (fs.hasLogicalVolume()) {
                vgOf(fs.logicalVolume()).ifPresent(vg -> vg.logicalVolumes().remove(fs.logicalVolume()));
            }
        }
        files.delete(w.directory);
        files.delete("/etc/wpars/" + w.name + ".cf");
        removeWpar(w.name);
    }

    /** File systems sorted by mount point, the order mkwpar prints and LVs are assigned. */
    public static List<WparFileSystem> sorted(List<WparFileSystem> fss) {
        List<WparFileSystem> l = new ArrayList<>(fss);
        l.sort((a, b) -> a.mountPoint().compareTo(b.mountPoint()));
        return l;
    }
}
