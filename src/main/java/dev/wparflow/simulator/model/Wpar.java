package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.List;

/** A workload partition. Mutable; every access goes through its host's lock. */
public final class Wpar {
    public enum Type {
        SYSTEM('S'), APPLICATION('A');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }
    }

    /** The administrative lock of Redbook 4.6.1 (wparlockctl). */
    public record AdminLock(long pid, int operation, String command) {
    }

    public String name;
    public Type type = Type.SYSTEM;
    /** Set through {@link #setState}, so that a WPAR on a host has every change recorded in its fleet's history. */
    private WparState state = WparState.DEFINED;
    /** The host this WPAR is on, which records its state changes; null while it is on none (being built, a copy). */
    private SimulatedHost host;
    public String hostname;
    public String directory;
    public String owner = "root";
    public boolean checkpointable;
    public boolean autostart;
    public boolean privateUsr;
    /**
     * The WPAR's own fileset levels: the root part of a shared system WPAR (its /usr part is the global
     * environment's), the usr and root parts of a detached one (private /usr). Empty until the WPAR is put on a host,
     * which installs it at the global environment's levels ({@link SimulatedHost#addWpar}).
     */
    public java.util.Map<String, String> filesets = new java.util.TreeMap<>();
    /** What {@code oslevel -s} says inside the WPAR; null until it is put on a host. */
    public String oslevel;
    public boolean routing;
    public String script = "";
    public String application = "";
    public String netInterface;
    public String address;
    public String netmask;
    public String broadcast;
    public boolean copyNameResolution;
    public int key;
    public int fileCount = 2160;
    public List<WparFileSystem> fileSystems = new ArrayList<>();
    /** Redbook chapter 8; immutable, replaced as a whole by mkwpar/chwpar -R. */
    public ResourceControls resources = ResourceControls.DEFAULTS;
    public AdminLock lock;
    /** The pseudo devices exported to every system WPAR (IBM's lswpar -D reference, a shortened list). */
    public static final List<String> PSEUDO_DEVICES = List.of("/dev/null", "/dev/tty", "/dev/console", "/dev/zero",
            "/dev/clone", "/dev/sad", "/dev/xti/tcp", "/dev/xti/udp", "/dev/error", "/dev/errorctl", "/dev/audit",
            "/dev/nvram", "/dev/kmem");
    /** Devices exported to the WPAR besides the pseudo devices: name ({@code hdisk3}) to type ({@code disk}). */
    public java.util.Map<String, String> exportedDevices = new java.util.LinkedHashMap<>();
    /** pid of the cor_NAME subsystem while active. */
    public long corPid;

    public Wpar(String name) {
        this.name = name;
        this.hostname = name;
        this.directory = "/wpars/" + name;
    }

    public WparState state() {
        return state;
    }

    /** Changes the state; on a host, the change goes into the fleet's {@link WparStateHistory}. Caller holds the host's lock. */
    public void setState(WparState to) {
        WparState from = state;
        state = to;
        if (host != null) {
            host.recordTransition(name, from, to);
        }
    }

    /** Called by {@link SimulatedHost} when this WPAR joins (host) or leaves (null) it. */
    void placeOn(SimulatedHost onHost) {
        this.host = onHost;
    }

    /** An unattached copy: the same attributes, on no host, so changing it records nothing. */
    public Wpar copy() {
        Wpar w = new Wpar(name);
        w.type = type;
        w.state = state;
        w.hostname = hostname;
        w.directory = directory;
        w.owner = owner;
        w.checkpointable = checkpointable;
        w.autostart = autostart;
        w.privateUsr = privateUsr;
        w.filesets = new java.util.TreeMap<>(filesets);
        w.oslevel = oslevel;
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
        w.exportedDevices = new java.util.LinkedHashMap<>(exportedDevices);
        w.resources = resources;
        w.lock = lock;
        w.corPid = corPid;
        return w;
    }

    /**
     * Whether this WPAR counts as running for the rule "the sum of minimum percentage for all running WPARs must not
     * exceed 100" (RB:11177): active, paused, frozen, moving, or being started.
     */
    public boolean running() {
        return switch (state) {
            case ACTIVE, PAUSED, FROZEN, MOVING, LOADED -> true;
            case TRANSITIONAL -> corPid != 0 || (lock != null && lock.command().equals("startwpar"));
            default -> false;
        };
    }

    @Override
    public String toString() {
        return name + "(" + state.letter() + ")";
    }
}
