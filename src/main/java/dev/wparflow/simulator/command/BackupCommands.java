package dev.wparflow.simulator.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wparflow.simulator.model.AixDates;
import dev.wparflow.simulator.model.ImageData;
import dev.wparflow.simulator.model.ResourceControls;
import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.SpecFile;
import dev.wparflow.simulator.model.Wpar;
import dev.wparflow.simulator.model.WparFileSystem;
import dev.wparflow.simulator.model.WparImage;
import dev.wparflow.simulator.model.WparState;

/**
 * savewpar, restwpar, lssavewpar, mkwpardata (Redbook 4.4 and 7.5, Examples 4-19 to 4-22). The image
 * is a {@link WparImage} written to the host's simulated file system.
 */
public final class BackupCommands {
    private BackupCommands() {
    }

    static String imageDataPath(String wpar) {
        return "/tmp/wpardata/" + wpar + "/image.data";
    }

    public static int savewpar(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("aABb:ef:imNpTvVXZP", "savewpar [-a] [-A] [-B] [-b blocks] [-e] [-f device] [-i | -m] [-N] [-p] [-v] [-X] wparname");
        if (g == null) {
            return 2;
        }
        String name = g.operands().get(0);
        String device = g.has('f') ? g.get('f') : "/dev/rmt0";
        SimulatedHost host = inv.host;
        Wpar w;
        host.lock().lock();
        try {
            w = WparOps.find(inv, name).orElse(null);
            if (w == null || WparOps.refuseIfLocked(inv, w)) {
                return 1;
            }
            if (w.type != Wpar.Type.SYSTEM) {
                inv.err("savewpar: 0960-400 savewpar works on system workload partitions only.");
                return 1;
            }
            if (w.state() != WparState.DEFINED && w.state() != WparState.ACTIVE) {
                inv.err("savewpar: 0960-401 Workload partition " + name + " is " + w.state().word() + ".");
                return 1;
            }
            WparOps.lock(inv, w, "savewpar");
        } finally {
            host.lock().unlock();
        }
        try {
            inv.out("");
            boolean create = g.has('i') || g.has('m') || !host.files.exists(imageDataPath(name));
            if (g.has('i') || g.has('m')) {
                inv.out("Creating information file for workload partition " + name + ".");
            }
            Wpar snap = host.locked(w::copy);
            if (create) {
                host.files.write(imageDataPath(name), ImageData.write(host, snap).getBytes(StandardCharsets.UTF_8));
            }
            String imageData = new String(host.files.read(imageDataPath(name)), StandardCharsets.UTF_8);
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String p : host.files.list(snap.directory)) {
                files.put("." + p.substring(snap.directory.length()), host.files.read(p));
            }
            int count = snap.fileCount + files.size();
            inv.out("Creating list of files to back up.");
            inv.out("Backing up " + count + " files");
            host.timing.pause("savewpar");
            // the WPAR's own fileset levels travel with it (its /etc/objrepos, and /usr/lib/objrepos when detached)
            WparImage img = new WparImage(AixDates.now(), name, host.hostname, SpecFile.write(snap, true), imageData,
                    count, files, snap.type == Wpar.Type.SYSTEM ? snap.filesets : Map.of(), snap.oslevel);
            host.files.write(device, img.toBytes());
            inv.out(count + " of " + count + " files (100%)");
            inv.out("0512-038 savewpar: Backup Completed Successfully.");
            return 0;
        } finally {
            WparOps.setIdle(host, w);
        }
    }

    public static int restwpar(Invocation inv) throws InterruptedException {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "aAb:B:Cd:f:Fh:i:kKM:n:rsS:Uvw:");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "restwpar [-a] [-d directory] [-f device] [-F] [-h hostname] [-i imagedata] [-M mkwparflags] [-n wparname] [-r] [-s] [-U]");
        }
        SimulatedHost host = inv.host;
        String device = g.has('f') ? g.get('f') : "/dev/rmt0";
        byte[] bytes = host.files.read(device);
        if (bytes == null) {
            inv.err("restwpar: 0960-512 Unable to open the backup device " + device + ".");
            return 1;
        }
        WparImage img;
        try {
            img = WparImage.parse(bytes);
        } catch (WparImage.CorruptImageException | RuntimeException e) {
            inv.err("restwpar: 0960-513 " + device + " is not a valid savewpar backup image (" + e.getMessage() + ").");
            return 1;
        }
        String defaultVg = host.volumeGroups.keySet().stream().findFirst().orElse("rootvg");
        Wpar w;
        try {
            w = SpecFile.read(img.spec(), defaultVg);
        } catch (ResourceControls.Refused bad) {
            return WparOps.refuse(inv, bad);
        }
        String originalName = w.name;
        if (g.has('n')) {
            boolean defaultDir = w.directory.equals("/wpars/" + originalName);
            boolean defaultHost = w.hostname.equals(originalName);
            w.name = g.get('n');
            if (defaultDir) {
                w.directory = "/wpars/" + w.name;
            }
            if (defaultHost) {
                w.hostname = w.name;
            }
        }
        if (g.has('h')) {
            w.hostname = g.get('h');
        }
        if (g.has('d')) {
            w.directory = g.get('d');
        }
        if (g.has('r')) {
            w.copyNameResolution = true;
        }
        if (g.has('M')) {
            ShellParser.Parsed p = ShellParser.parse(g.get('M'));
            if (p.refused()) {
                inv.err("restwpar: invalid -M flags: " + p.refusal());
                return 2;
            }
            try {
                Getopt mg = new Getopt(p.argv(), MkwparCommand.SPEC, "MNDILRSTX");
                for (String n : mg.all('N')) {
                    MkwparCommand.applyNetwork(host, w, WparOps.attributes(n));
                }
                for (String m : mg.all('M')) {
                    MkwparCommand.applyMount(w, WparOps.attributes(m), defaultVg);
                }
                if (mg.has('h')) {
                    w.hostname = mg.get('h');
                }
                if (mg.has('A')) {
                    w.autostart = true;
                }
                for (String r : mg.all('R')) {
                    w.resources = w.resources.with(r);
                }
            } catch (ResourceControls.Refused bad) {
                return WparOps.refuse(inv, bad);
            } catch (Getopt.BadFlag bad) {
                inv.err("restwpar: -M: mkwpar: " + bad.getMessage());
                return 2;
            }
        }
        String imageDataText = img.imageData();
        if (g.has('i')) {
            byte[] edited = host.files.read(g.get('i'));
            if (edited == null) {
                inv.err("restwpar: 0960-514 Unable to open image.data file " + g.get('i') + ".");
                return 1;
            }
            imageDataText = new String(edited, StandardCharsets.UTF_8);
        }
        List<ImageData.Entry> entries;
        try {
            entries = ImageData.read(imageDataText);
        } catch (RuntimeException e) {
            inv.err("restwpar: 0960-515 The image.data file is not valid (" + e.getMessage() + ").");
            return 1;
        }
        MkwparCommand.Request req = new MkwparCommand.Request();
        List<WparFileSystem> fss = new ArrayList<>(w.fileSystems.isEmpty() ? SimulatedHost.defaultFileSystems(defaultVg) : w.fileSystems);
        for (ImageData.Entry e : entries) {
            fss.removeIf(f -> f.mountPoint().equals(e.fsName()));
            fss.add(WparFileSystem.jfs2(e.fsName(), null, e.volumeGroup(), e.fsSize()));
            req.imageDataLvs.put(e.fsName(), e.logicalVolume());
        }
        w.fileSystems = fss;
        w.fileCount = img.fileCount() - img.files().size();
        // the restored WPAR has the levels it was saved with, not the target global environment's: a detached WPAR's
        // /usr and a shared WPAR's root part are in the image (an image without levels gets the target's)
        w.filesets.clear();
        w.filesets.putAll(img.levels());
        w.oslevel = img.levels().isEmpty() ? null : img.oslevel();

        inv.out("New volume on " + device + ":");
        inv.out("Cluster size is 51200 bytes (100 blocks).");
        inv.out("The volume number is 1.");
        inv.out("The backup date is: " + img.date());
        inv.out("Files are backed up by name.");
        inv.out("The user is root.");
        long total = 0;
        for (Map.Entry<String, Integer> m : img.members()) {
            inv.out(String.format("x%13d %s", m.getValue(), m.getKey()));
            total += m.getValue();
        }
        inv.out("The total size is " + total + " bytes.");
        inv.out("The number of restored files is 3.");

        req.wpar = w;
        req.autoResolve = g.has('a');
        req.force = g.has('F');
        req.start = g.has('s');
        String dir = w.directory;
        req.afterMount = () -> {
            long bytesRestored = 0;
            for (Map.Entry<String, byte[]> f : img.files().entrySet()) {
                host.files.write(dir + f.getKey().substring(1), f.getValue());
                bytesRestored += f.getValue().length;
            }
            inv.out("The total size is " + (bytesRestored + 14244L * img.fileCount()) + " bytes.");
            inv.out("The number of restored files is " + img.fileCount() + ".");
        };
        return MkwparCommand.create(inv, req);
    }

    /** lssavewpar [-f device]: the members and files of an image (IBM reference; Redbook 7.5 names it only). */
    public static int lssavewpar(Invocation inv) {
        Getopt g;
        try {
            g = new Getopt(inv.args(), "f:ab:clnNv");
        } catch (Getopt.BadFlag bad) {
            return inv.usage(bad, "lssavewpar [-f device] [-l]");
        }
        String device = g.has('f') ? g.get('f') : "/dev/rmt0";
        byte[] bytes = inv.host.files.read(device);
        if (bytes == null) {
            inv.err("lssavewpar: 0960-512 Unable to open the backup device " + device + ".");
            return 1;
        }
        try {
            WparImage img = WparImage.parse(bytes);
            for (Map.Entry<String, Integer> m : img.members()) {
                inv.out(g.has('l') ? String.format("%12d %s", m.getValue(), m.getKey()) : m.getKey());
            }
            for (Map.Entry<String, byte[]> f : img.files().entrySet()) {
                inv.out(g.has('l') ? String.format("%12d %s", f.getValue().length, f.getKey()) : f.getKey());
            }
            return 0;
        } catch (WparImage.CorruptImageException | RuntimeException e) {
            inv.err("lssavewpar: 0960-513 " + device + " is not a valid savewpar backup image (" + e.getMessage() + ").");
            return 1;
        }
    }

    /** mkwpardata [-m] [-X] NAME: (re)writes /tmp/wpardata/NAME/image.data (Redbook 7.5). */
    public static int mkwpardata(Invocation inv) throws InterruptedException {
        Getopt g = inv.oneOperand("mX", "mkwpardata [-m] [-X] wparname");
        if (g == null) {
            return 2;
        }
        SimulatedHost host = inv.host;
        String name = g.operands().get(0);
        Wpar snap = host.locked(() -> {
            Wpar w = WparOps.find(inv, name).orElse(null);
            return w == null ? null : w.copy();
        });
        if (snap == null) {
            return 1;
        }
        host.timing.pause("mkwpardata");
        host.files.write(imageDataPath(name), ImageData.write(host, snap).getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}
