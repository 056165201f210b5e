package dev.wparflow.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.wparflow.simulator.fault.FaultRule;
import dev.wparflow.simulator.fault.FaultType;
import dev.wparflow.simulator.model.LogicalVolume;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.Timing;
import dev.wparflow.simulator.model.VolumeGroup;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparState;

/**
 * The fleet description (YAML, schema in docs/simulator.md), also buildable in code for tests.
 * Plain mutable holder classes; {@link #buildHost} turns a host description into a fresh model.
 */
public final class FleetSpec {

    /**
     * What {@code lslpp -L} lists on every simulated global environment unless its {@code filesets:} adds to, changes
     * or removes ({@code ~}) an entry: a base AIX 6.1 TL2 SP1 (6100-02-01) install. The Redbook names bos.rte,
     * bos.wpars, bos.rte.libc (5.5), Java5.sdk and perfagent.tools (5.3.1); the other names and levels are those of
     * IBM's 6100-02 base media. mcr.rte comes with the WPAR Manager agent (RB:5628), so a fleet file lists it per host.
     */
    public static final Map<String, String> BASE_FILESETS = baseFilesets();

    private static Map<String, String> baseFilesets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bos.rte", "6.1.2.1");
        m.put("bos.rte.libc", "6.1.2.1");
        m.put("bos.rte.libpthreads", "6.1.2.0");
        m.put("bos.mp64", "6.1.2.1");
        m.put("bos.wpars", "6.1.2.1");
        m.put("bos.net.tcp.client", "6.1.2.1");
        m.put("bos.net.tcp.server", "6.1.2.0");
        m.put("bos.net.nfs.client", "6.1.2.1");
        m.put("bos.perf.libperfstat", "6.1.2.0");
        m.put("bos.perf.perfstat", "6.1.2.1");
        m.put("bos.perf.tools", "6.1.2.1");
        m.put("bos.sysmgt.nim.client", "6.1.2.0");
        m.put("bos.sysmgt.serv_aid", "6.1.2.0");
        m.put("perfagent.tools", "6.1.2.0");
        m.put("rsct.core.rmc", "2.5.2.0");
        m.put("xlC.aix61.rte", "9.0.0.8");
        m.put("xlC.rte", "9.0.0.8");
        m.put("Java5.sdk", "5.0.0.200");
        return java.util.Collections.unmodifiableMap(m);
    }
    public double timeScale = 0.0;
    public Map<String, Long> durations = new LinkedHashMap<>();
    public String password;
    public String clientPrivateKey;
    public List<String> authorizedKeys = new ArrayList<>();
    public List<HostSpec> hosts = new ArrayList<>();
    public List<FaultSpec> faults = new ArrayList<>();
    /**
     * Software sources (lpp_source or update directories) the LPARs install from. A source's directory is made on the
     * hosts that export a directory holding it (the image repository, which the LPARs mount), or on every LPAR when
     * none does; an LPAR can use it where it sees that directory.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public List<SourceSpec> softwareSources = new ArrayList<>();

    /** One software source: its directory, the fileset levels it offers, the oslevel they make, its interim fixes. */
    public static final class SourceSpec {
        public String path;
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public String oslevel;
        public Map<String, String> filesets = new LinkedHashMap<>();
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public List<EfixSpec> efixes = new ArrayList<>();

        public dev.wparflow.simulator.model.SoftwareSource toModel() {
            return new dev.wparflow.simulator.model.SoftwareSource(
                    dev.wparflow.simulator.model.MapFileSystem.normalize(path), oslevel, filesets,
                    efixes.stream().map(e -> new dev.wparflow.simulator.model.SoftwareSource.Efix(e.label,
                            e.packageFile, e.summary == null ? e.label : e.summary, e.filesets)).toList());
        }
    }

    /** An interim fix package in a source directory. */
    public static final class EfixSpec {
        public String label;
        public String packageFile;
        public String summary;
        public List<String> filesets = new ArrayList<>();
    }

    /** A software source offering {@code filesets} in {@code path}. */
    public SourceSpec softwareSource(String path, String oslevel, Map<String, String> filesets) {
        SourceSpec s = new SourceSpec();
        s.path = path;
        s.oslevel = oslevel;
        s.filesets.putAll(filesets);
        softwareSources.add(s);
        return s;
    }
    /** Part 2: managed systems (each attached to an HMC pair) and the HMC endpoints. */
    public List<SystemSpec> managedSystems = new ArrayList<>();
    public List<HostSpec> hmcs = new ArrayList<>();

    public static final class SystemSpec {
        public String name;
        public String typeModel = "9117-MMA";
        public String serial = "0610A9C";
        public String state = "Operating";
        public List<String> hmcs = new ArrayList<>();
    }

    public static final class ExportSpec {
        public String path;
        public List<String> clients = new ArrayList<>();
    }

    public static final class CheckCommandSpec {
        public String path;
        public int exit;
        public String output = "";
    }

    public static final class MountSpec {
        public String server;
        public String remote;
        public String local;
    }

    public static final class NimResourceSpec {
        public String name;
        public String type;
        public String location;
        /** The file's text, written at {@code location} on the master when the fleet is built (a spec file). */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public String content;
    }

    public static final class HostSpec {
        public String name;
        public String hostname;
        public int port;
        public String ip = "127.0.0.1";
        public String netmask = "255.255.254.0";
        public String broadcast = "9.3.5.255";
        public String oslevel = "6100-02-01-0847";
        public String processor = "PowerPC_POWER6";
        public int processors = 2;
        public int memoryMb = 4096;
        public boolean ntp = true;
        public boolean down;
        public String password;
        public List<String> authorizedKeys = new ArrayList<>();
        public Map<String, String> filesets = new LinkedHashMap<>();
        public Map<String, Long> durations = new LinkedHashMap<>();
        public List<VgSpec> volumeGroups = new ArrayList<>();
        public List<WparSpec> wpars = new ArrayList<>();
        // part 2
        public boolean hmc;
        public String hmcVersion = "V7R3.3.0";
        public String managedSystem;
        public int lparId;
        public long clockOffsetSeconds;
        public List<String> interfaces = new ArrayList<>();
        public List<ExportSpec> nfsExports = new ArrayList<>();
        public List<MountSpec> nfsMounts = new ArrayList<>();
        public boolean nimMaster;
        public List<String> nimClients = new ArrayList<>();
        public List<NimResourceSpec> nimResources = new ArrayList<>();
        /** Commands not installed on this host (left out of the fingerprint when empty, as every option below). */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public List<String> missingCommands = new ArrayList<>();
        /** Commands the fleet's user may not run on this host (permissions, RBAC). */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public List<String> deniedCommands = new ArrayList<>();
        /** Extra {@code Key: value} lines of {@code lswpar -L}'s GENERAL section, in order. */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public Map<String, String> lswparExtraFields = new LinkedHashMap<>();

        /** Devices lsdev -C lists besides the derived ones: name to description. */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public Map<String, String> devices = new LinkedHashMap<>();
        /** Name mapped interfaces written to /etc/wpars/devmap (Redbook 7.12): name to interface. */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public Map<String, String> devmap = new LinkedHashMap<>();
        /** User-defined check commands (a path, or a directory ending in "/"): what running them gives. */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public List<CheckCommandSpec> checkCommands = new ArrayList<>();

        /** A user-defined check command at {@code path} (or every command under a directory ending in "/"). */
        public HostSpec checkCommand(String path, int exitStatus, String output) {
            CheckCommandSpec c = new CheckCommandSpec();
            c.path = path;
            c.exit = exitStatus;
            c.output = output;
            checkCommands.add(c);
            return this;
        }

        /** A device lsdev -C lists. */
        public HostSpec device(String name, String description) {
            devices.put(name, description);
            return this;
        }

        /** A name mapped interface of /etc/wpars/devmap. */
        public HostSpec devmap(String name, String netInterface) {
            devmap.put(name, netInterface);
            return this;
        }

        /** The global environment's network interfaces (en0 when none is given). */
        public HostSpec interfaces(String... names) {
            interfaces.clear();
            interfaces.addAll(List.of(names));
            return this;
        }

        public HostSpec export(String path, String... clients) {
            ExportSpec e = new ExportSpec();
            e.path = path;
            e.clients.addAll(List.of(clients));
            nfsExports.add(e);
            return this;
        }

        public HostSpec nfsMount(String server, String remote, String local) {
            MountSpec m = new MountSpec();
            m.server = server;
            m.remote = remote;
            m.local = local;
            nfsMounts.add(m);
            return this;
        }

        public HostSpec vg(String vgName, int ppSizeMb, int totalPps) {
            VgSpec v = new VgSpec();
            v.name = vgName;
            v.ppSizeMb = ppSizeMb;
            v.totalPps = totalPps;
            v.disks.add("hdisk" + volumeGroups.size());
            volumeGroups.add(v);
            return this;
        }

        public HostSpec wpar(String wparName, String state) {
            WparSpec w = new WparSpec();
            w.name = wparName;
            w.state = state;
            wpars.add(w);
            return this;
        }

        public HostSpec wpar(String wparName, String state, String address) {
            wpar(wparName, state);
            wpars.get(wpars.size() - 1).address = address;
            return this;
        }
    }

    public static final class VgSpec {
        public String name;
        public int ppSizeMb = 128;
        public int totalPps = 546;
        public List<String> disks = new ArrayList<>();
        public List<LogicalVolume> logicalVolumes = new ArrayList<>();
    }

    public static final class WparSpec {
        public String name;
        public String state = "D";
        public String type = "S";
        public String hostname;
        public String directory;
        public String address;
        public String netInterface;
        public String vg;
        public boolean checkpointable;
        public boolean autostart;
        public int fileCount = 2160;
        public List<WparFileSystem> extraFileSystems = new ArrayList<>();
        /** Application WPARs: the program (wparexec's command). */
        public String application;
        /**
         * Resource controls as one -R argument ({@code shares_CPU=10 CPU=6%-30%,45%}); left out of the fingerprint when
         * absent, so fleet files without it keep their saved states.
         */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public String resources;
        /** Devices exported to the WPAR besides the pseudo devices: name to type (disk, tape, adapter). */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public Map<String, String> devices = new LinkedHashMap<>();
        /** A detached WPAR: private, writable /usr and /opt (mkwpar -l). */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        public boolean privateUsr;
        /**
         * The WPAR's own levels where they differ from the global environment's (its root part, or usr and root when
         * detached): a WPAR that has drifted.
         */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        public Map<String, String> filesets = new LinkedHashMap<>();
    }

    public static final class FaultSpec {
        public String host = "*";
        public String command = "*";
        public String argContains;
        public FaultType type = FaultType.FAIL;
        public long latencyMillis;
        public int exitStatus = 1;
        public String message;
        public int times = -1;
        /** Fire on every Nth matching command only. */
        public int every = 1;

        public FaultRule toRule() {
            return new FaultRule(host, command, argContains, type, latencyMillis, exitStatus, message, times, every);
        }
    }

    public HostSpec host(String hostName) {
        HostSpec h = new HostSpec();
        h.name = hostName;
        h.hostname = hostName;
        hosts.add(h);
        return h;
    }

    public HostSpec find(String hostName) {
        return hosts.stream().filter(h -> h.name.equals(hostName)).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- YAML

    public static FleetSpec load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    public static FleetSpec load(InputStream in) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        return fromMap(root instanceof Map<?, ?> m ? cast(m) : Map.of());
    }

    public static FleetSpec parse(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return fromMap(root instanceof Map<?, ?> m ? cast(m) : Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static String str(Object o, String d) {
        return o == null ? d : String.valueOf(o);
    }

    private static int num(Object o, int d) {
        return o == null ? d : ((Number) o).intValue();
    }

    private static Map<String, Long> durations(Object o) {
        Map<String, Long> m = new LinkedHashMap<>();
        cast(o).forEach((k, v) -> m.put(k, ((Number) v).longValue()));
        return m;
    }

    /** missing-commands, denied-commands, lswpar-extra-fields: what a real host may lack or print beyond the book. */
    private static void commandOptions(Map<String, Object> h, HostSpec hs) {
        list(h.get("missing-commands")).forEach(c -> hs.missingCommands.add(String.valueOf(c)));
        list(h.get("denied-commands")).forEach(c -> hs.deniedCommands.add(String.valueOf(c)));
        cast(h.get("lswpar-extra-fields")).forEach((k, v) -> hs.lswparExtraFields.put(k, v == null ? "" : String.valueOf(v)));
    }

    static FleetSpec fromMap(Map<String, Object> m) {
        FleetSpec f = new FleetSpec();
        if (m.get("time-scale") != null) {
            f.timeScale = ((Number) m.get("time-scale")).doubleValue();
        }
        f.durations = durations(m.get("durations"));
        f.password = (String) m.get("password");
        Map<String, Object> keys = cast(m.get("keys"));
        f.clientPrivateKey = (String) keys.get("client-private-key");
        list(keys.get("authorized-keys")).forEach(k -> f.authorizedKeys.add(String.valueOf(k)));
        for (Object ho : list(m.get("hosts"))) {
            Map<String, Object> h = cast(ho);
            HostSpec hs = f.host(str(h.get("name"), null));
            hs.hostname = str(h.get("hostname"), hs.name);
            hs.port = num(h.get("port"), 0);
            hs.ip = str(h.get("ip"), hs.ip);
            hs.netmask = str(h.get("netmask"), hs.netmask);
            hs.broadcast = str(h.get("broadcast"), hs.broadcast);
            hs.oslevel = str(h.get("oslevel"), hs.oslevel);
            hs.processor = str(h.get("processor"), hs.processor);
            hs.processors = num(h.get("processors"), hs.processors);
            hs.memoryMb = num(h.get("memory-mb"), hs.memoryMb);
            hs.ntp = h.get("ntp") == null || Boolean.TRUE.equals(h.get("ntp"));
            hs.down = Boolean.TRUE.equals(h.get("down"));
            hs.password = (String) h.get("password");
            list(h.get("authorized-keys")).forEach(k -> hs.authorizedKeys.add(String.valueOf(k)));
            // a null level (filesets: {bos.rte.libc: ~}) takes a base fileset away
            cast(h.get("filesets")).forEach((k, v) -> hs.filesets.put(k, v == null ? null : String.valueOf(v)));
            hs.durations = durations(h.get("durations"));
            commandOptions(h, hs);
            hs.managedSystem = (String) h.get("managed-system");
            hs.lparId = num(h.get("lpar-id"), 0);
            hs.clockOffsetSeconds = num(h.get("clock-offset"), 0);
            list(h.get("interfaces")).forEach(i -> hs.interfaces.add(String.valueOf(i)));
            cast(h.get("devices")).forEach((k, v) -> hs.devices.put(k, v == null ? "" : String.valueOf(v)));
            cast(h.get("devmap")).forEach((k, v) -> hs.devmap.put(k, String.valueOf(v)));
            for (Object co : list(h.get("check-commands"))) {
                Map<String, Object> c = cast(co);
                hs.checkCommand(str(c.get("path"), null), num(c.get("exit"), 0), str(c.get("output"), ""));
            }
            for (Object eo : list(h.get("nfs-exports"))) {
                Map<String, Object> e = cast(eo);
                ExportSpec es = new ExportSpec();
                es.path = str(e.get("path"), null);
                list(e.get("clients")).forEach(c -> es.clients.add(String.valueOf(c)));
                hs.nfsExports.add(es);
            }
            for (Object mo : list(h.get("nfs-mounts"))) {
                Map<String, Object> mm = cast(mo);
                MountSpec ms = new MountSpec();
                ms.server = str(mm.get("server"), null);
                ms.remote = str(mm.get("remote"), null);
                ms.local = str(mm.get("local"), ms.remote);
                hs.nfsMounts.add(ms);
            }
            Map<String, Object> nim = cast(h.get("nim"));
            hs.nimMaster = Boolean.TRUE.equals(h.get("nim-master")) || !nim.isEmpty();
            list(nim.get("clients")).forEach(c -> hs.nimClients.add(String.valueOf(c)));
            for (Object ro : list(nim.get("resources"))) {
                Map<String, Object> r = cast(ro);
                NimResourceSpec rs = new NimResourceSpec();
                rs.name = str(r.get("name"), null);
                rs.type = str(r.get("type"), null);
                rs.location = str(r.get("location"), null);
                rs.content = (String) r.get("content");
                hs.nimResources.add(rs);
            }
            for (Object vo : list(h.get("volume-groups"))) {
                Map<String, Object> v = cast(vo);
                VgSpec vs = new VgSpec();
                vs.name = str(v.get("name"), "rootvg");
                vs.ppSizeMb = num(v.get("pp-size-mb"), 128);
                vs.totalPps = num(v.get("total-pps"), 546);
                list(v.get("disks")).forEach(d -> vs.disks.add(String.valueOf(d)));
                for (Object lo : list(v.get("logical-volumes"))) {
                    Map<String, Object> l = cast(lo);
                    vs.logicalVolumes.add(new LogicalVolume(str(l.get("name"), null), str(l.get("type"), "jfs2"),
                            num(l.get("lps"), 1), (String) l.get("mount")));
                }
                hs.volumeGroups.add(vs);
            }
            for (Object wo : list(h.get("wpars"))) {
                Map<String, Object> w = cast(wo);
                WparSpec ws = new WparSpec();
                ws.name = str(w.get("name"), null);
                ws.state = str(w.get("state"), "D");
                ws.type = str(w.get("type"), "S");
                ws.hostname = (String) w.get("hostname");
                ws.directory = (String) w.get("directory");
                ws.address = (String) w.get("address");
                ws.netInterface = (String) w.get("interface");
                ws.vg = (String) w.get("vg");
                ws.checkpointable = Boolean.TRUE.equals(w.get("checkpointable"));
                ws.autostart = Boolean.TRUE.equals(w.get("autostart"));
                ws.privateUsr = Boolean.TRUE.equals(w.get("private-usr"));
                cast(w.get("filesets")).forEach((k, v) -> ws.filesets.put(k, String.valueOf(v)));
                ws.fileCount = num(w.get("file-count"), 2160);
                ws.application = (String) w.get("application");
                for (Object d : list(w.get("devices"))) {
                    if (d instanceof Map<?, ?> dm) {
                        ws.devices.put(String.valueOf(dm.get("name")), dm.get("type") == null ? "disk" : String.valueOf(dm.get("type")));
                    } else {
                        ws.devices.put(String.valueOf(d), "disk");
                    }
                }
                if (w.get("resources") instanceof Map<?, ?> rm) {
                    StringBuilder r = new StringBuilder();
                    rm.forEach((k, v) -> r.append(r.isEmpty() ? "" : " ").append(k).append('=').append(v));
                    ws.resources = r.toString();
                }
                for (Object fo : list(w.get("file-systems"))) {
                    Map<String, Object> fs = cast(fo);
                    String vfs = str(fs.get("vfs"), "jfs2");
                    String mp = str(fs.get("mount"), null);
                    ws.extraFileSystems.add("nfs".equals(vfs)
                            ? WparFileSystem.nfs(mp, (String) fs.get("host"), (String) fs.get("dev"), (String) fs.get("options"))
                            : WparFileSystem.jfs2(mp, (String) fs.get("lv"), (String) fs.get("vg"),
                            dev.wparflow.simulator.command.SizeParser.blocks(str(fs.get("size"), "262144"))));
                }
                hs.wpars.add(ws);
            }
        }
        for (Object so : list(m.get("managed-systems"))) {
            Map<String, Object> sm = cast(so);
            SystemSpec ss = new SystemSpec();
            ss.name = str(sm.get("name"), null);
            ss.typeModel = str(sm.get("type-model"), ss.typeModel);
            ss.serial = str(sm.get("serial"), ss.serial);
            ss.state = str(sm.get("state"), ss.state);
            list(sm.get("hmcs")).forEach(x -> ss.hmcs.add(String.valueOf(x)));
            f.managedSystems.add(ss);
        }
        for (Object ho : list(m.get("hmcs"))) {
            Map<String, Object> hm = cast(ho);
            HostSpec hs = new HostSpec();
            hs.name = str(hm.get("name"), null);
            hs.hostname = hs.name;
            hs.hmc = true;
            hs.port = num(hm.get("port"), 0);
            hs.ip = str(hm.get("ip"), hs.ip);
            hs.hmcVersion = str(hm.get("version"), hs.hmcVersion);
            hs.down = Boolean.TRUE.equals(hm.get("down"));
            hs.password = (String) hm.get("password");
            commandOptions(hm, hs);
            f.hmcs.add(hs);
        }
        for (Object fo : list(m.get("faults"))) {
            Map<String, Object> fm = cast(fo);
            FaultSpec fs = new FaultSpec();
            fs.host = str(fm.get("host"), "*");
            fs.command = str(fm.get("command"), "*");
            fs.argContains = (String) fm.get("arg-contains");
            if (fm.get("fileset") != null) {
                // a fileset-failure rule: the fileset that fails to apply
                fs.argContains = String.valueOf(fm.get("fileset"));
            }
            fs.type = FaultType.valueOf(str(fm.get("type"), "FAIL").toUpperCase().replace('-', '_'));
            fs.latencyMillis = num(fm.get("latency-ms"), 0);
            fs.exitStatus = num(fm.get("exit"), 1);
            fs.message = (String) fm.get("message");
            fs.times = num(fm.get("times"), -1);
            fs.every = num(fm.get("every"), 1);
            f.faults.add(fs);
        }
        for (Object so : list(m.get("software-sources"))) {
            Map<String, Object> sm = cast(so);
            SourceSpec ss = new SourceSpec();
            ss.path = str(sm.get("path"), null);
            ss.oslevel = (String) sm.get("oslevel");
            cast(sm.get("filesets")).forEach((k, v) -> ss.filesets.put(k, String.valueOf(v)));
            for (Object eo : list(sm.get("efixes"))) {
                Map<String, Object> em = cast(eo);
                EfixSpec es = new EfixSpec();
                es.label = str(em.get("label"), null);
                es.packageFile = str(em.get("package"), es.label + ".epkg.Z");
                es.summary = (String) em.get("abstract");
                list(em.get("filesets")).forEach(x -> es.filesets.add(String.valueOf(x)));
                ss.efixes.add(es);
            }
            f.softwareSources.add(ss);
        }
        return f;
    }

    // ---------------------------------------------------------------- model

    /** A fresh host model from its description: volume groups, base LVs, WPARs with their LVs. */
    public SimulatedHost buildHost(HostSpec hs, double scale) {
        Map<String, Long> d = new LinkedHashMap<>(durations);
        d.putAll(hs.durations);
        SimulatedHost h = new SimulatedHost(hs.name, new Timing(scale, d));
        h.hostname = hs.hostname == null ? hs.name : hs.hostname;
        h.ip = hs.ip;
        h.netmask = hs.netmask;
        h.broadcast = hs.broadcast;
        h.oslevel = hs.oslevel;
        h.processorType = hs.processor;
        h.processorCount = hs.processors;
        h.memoryMb = hs.memoryMb;
        h.ntpActive = hs.ntp;
        h.hmc = hs.hmc;
        h.hmcVersion = hs.hmcVersion;
        h.managedSystem = hs.managedSystem;
        h.lparId = hs.lparId > 0 ? hs.lparId : hosts.indexOf(hs) + 1;
        h.clockOffsetSeconds = hs.clockOffsetSeconds;
        h.missingCommands.addAll(hs.missingCommands);
        h.deniedCommands.addAll(hs.deniedCommands);
        h.lswparExtraFields.putAll(hs.lswparExtraFields);
        if (!hs.interfaces.isEmpty()) {
            h.interfaces.clear();
            h.interfaces.addAll(hs.interfaces);
        }
        h.devices.putAll(hs.devices);
        if (!hs.devmap.isEmpty()) {
            StringBuilder map = new StringBuilder();
            hs.devmap.forEach((name, netInterface) -> map.append(name).append("      ").append(netInterface).append('\n'));
            h.files.write("/etc/wpars/devmap", map.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (CheckCommandSpec c : hs.checkCommands) {
            h.checkCommands.put(c.path, new SimulatedHost.CheckCommand(c.exit, c.output == null ? "" : c.output));
        }
        for (ExportSpec e : hs.nfsExports) {
            h.nfsExports.put(dev.wparflow.simulator.model.MapFileSystem.normalize(e.path), List.copyOf(e.clients));
            h.files.mkdirs(e.path);
        }
        if (hs.nimMaster) {
            h.nim = dev.wparflow.simulator.dc.NimCommands.initialDatabase(this, hs);
            for (NimResourceSpec r : hs.nimResources) {
                if (r.content != null && r.location != null) {
                    h.files.write(r.location, r.content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        if (hs.hmc) {
            return h;
        }
        h.filesets.putAll(BASE_FILESETS);
        hs.filesets.forEach((name, level) -> {
            if (level == null) {
                h.filesets.remove(name);
            } else {
                h.filesets.put(name, level);
            }
        });
        for (SourceSpec ss : softwareSources) {
            var source = ss.toModel();
            h.softwareSources.put(source.path(), source);
            boolean exportedHere = hs.nfsExports.stream().anyMatch(e -> under(source.path(), e.path));
            boolean exportedAnywhere = hosts.stream().anyMatch(o -> o.nfsExports.stream()
                    .anyMatch(e -> under(source.path(), e.path)));
            if (exportedHere || !exportedAnywhere) {
                h.files.mkdirs(source.path());
                for (var e : source.efixes()) {
                    h.files.write(source.path() + "/" + e.packageFile(),
                            ("efix " + e.label() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        List<VgSpec> vgs = hs.volumeGroups.isEmpty() ? List.of(defaultRootvg()) : hs.volumeGroups;
        int i = 0;
        for (VgSpec vs : vgs) {
            VolumeGroup vg = new VolumeGroup(vs.name, vs.ppSizeMb, vs.totalPps,
                    vs.disks.isEmpty() ? List.of("hdisk" + i) : vs.disks,
                    String.format("00c0%04x00004c00000001%08x", Math.abs(hs.name.hashCode()) & 0xffff, i));
            for (LogicalVolume lv : vs.logicalVolumes) {
                vg.logicalVolumes().put(lv.name(), lv);
            }
            h.volumeGroups.put(vg.name(), vg);
            i++;
        }
        String firstVg = h.volumeGroups.keySet().iterator().next();
        for (WparSpec ws : hs.wpars) {
            Wpar w = new Wpar(ws.name);
            w.type = "A".equalsIgnoreCase(ws.type) ? Wpar.Type.APPLICATION : Wpar.Type.SYSTEM;
            w.setState(WparState.parse(ws.state));
            w.hostname = ws.hostname == null ? ws.name : ws.hostname;
            w.directory = w.type == Wpar.Type.APPLICATION ? "/" : ws.directory == null ? "/wpars/" + ws.name : ws.directory;
            w.checkpointable = ws.checkpointable;
            w.autostart = ws.autostart;
            w.fileCount = ws.fileCount;
            w.exportedDevices.putAll(ws.devices);
            w.privateUsr = ws.privateUsr;
            if (ws.application != null) {
                w.application = ws.application;
            }
            if (ws.resources != null) {
                w.resources = dev.wparflow.simulator.model.ResourceControls.DEFAULTS.with(ws.resources);
            }
            if (ws.address != null) {
                w.address = ws.address;
                w.netInterface = ws.netInterface == null ? "en0" : ws.netInterface;
                w.netmask = h.netmask;
                w.broadcast = h.broadcast;
            }
            w.key = h.nextKey();
            if (w.type == Wpar.Type.SYSTEM) {
                String vg = ws.vg == null ? firstVg : ws.vg;
                List<WparFileSystem> fss = SimulatedHost.defaultFileSystems(vg);
                // a file system given for a default mount point replaces the default, as mkwpar -M
                // directory=/ vfs=nfs … does for a mobile WPAR (Example 4-26): no local / beside the NFS one
                fss.removeIf(dflt -> ws.extraFileSystems.stream().anyMatch(e -> e.mountPoint().equals(dflt.mountPoint())));
                for (WparFileSystem extra : ws.extraFileSystems) {
                    fss.add(extra.volumeGroup() == null && "jfs2".equals(extra.vfs())
                            ? extra.withLogicalVolume(extra.logicalVolume(), vg) : extra);
                }
                if (ws.privateUsr) {
                    fss = SimulatedHost.privateUsr(fss, vg);
                }
                w.fileSystems = SimulatedHost.sorted(fss);
                h.addWpar(w);
                ws.filesets.forEach(w.filesets::put);
                h.materialize(w);
            } else {
                w.fileSystems = new ArrayList<>(ws.extraFileSystems);
                h.addWpar(w);
            }
            if (w.state() == WparState.ACTIVE) {
                w.corPid = h.nextPid();
            }
        }
        return h;
    }

    private static boolean under(String path, String dir) {
        String d = dev.wparflow.simulator.model.MapFileSystem.normalize(dir);
        return path.equals(d) || path.startsWith(d.endsWith("/") ? d : d + "/");
    }

    private static VgSpec defaultRootvg() {
        VgSpec v = new VgSpec();
        v.name = "rootvg";
        v.ppSizeMb = 128;
        v.totalPps = 546;
        v.disks.add("hdisk0");
        return v;
    }
}
