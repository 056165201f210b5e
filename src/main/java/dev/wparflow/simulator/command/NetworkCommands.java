package dev.wparflow.simulator.command;

import java.util.ArrayList;
import java.util.List;

import dev.wparflow.simulator.model.SimulatedHost;
import dev.wparflow.simulator.model.VolumeGroup;

/**
 * The global environment's interfaces, devices and directories, for the compatibility checks: {@code ifconfig -a},
 * {@code netstat -in}, {@code lsdev -C}, {@code mkdir [-p]}, {@code rmdir}. The Redbook prints none of these for a
 * global environment (only {@code lsdev -C} inside a WPAR, Example 10-4); the layouts follow IBM's ifconfig, netstat,
 * lsdev, mkdir and rmdir command references. The first interface carries the host's address; the others are up with
 * no address.
 */
public final class NetworkCommands {

    private NetworkCommands() {
    }

    /** {@code ifconfig -a}: every interface with its flags, then lo0. */
    public static int ifconfig(Invocation inv) {
        if (!inv.args().equals(List.of("-a"))) {
            inv.err("usage: ifconfig -a");
            return 1;
        }
        SimulatedHost h = inv.host;
        List<String> names = h.locked(() -> List.copyOf(h.interfaces));
        for (int i = 0; i < names.size(); i++) {
            inv.out(names.get(i) + ": flags=1e080863,480<UP,BROADCAST,NOTRAILERS,RUNNING,SIMPLEX,MULTICAST,GROUPRT,"
                    + "64BIT,CHECKSUM_OFFLOAD(ACTIVE),CHAIN>");
            if (i == 0) {
                inv.out("        inet " + h.ip + " netmask 0x" + hexMask(h.netmask) + " broadcast " + h.broadcast);
            }
            inv.out("         tcp_sendspace 262144 tcp_recvspace 262144 rfc1323 1");
        }
        inv.out("lo0: flags=e08084b,c0<UP,BROADCAST,LOOPBACK,RUNNING,SIMPLEX,MULTICAST,GROUPRT,64BIT,LARGESEND,CHAIN>");
        inv.out("        inet 127.0.0.1 netmask 0xff000000 broadcast 127.255.255.255");
        inv.out("        inet6 ::1%1/0");
        inv.out("         tcp_sendspace 131072 tcp_recvspace 131072 rfc1323 1");
        return 0;
    }

    /** {@code netstat -in}: a link row per interface, an address row for the first, then lo0. */
    public static int netstat(Invocation inv) {
        if (!inv.args().equals(List.of("-in"))) {
            inv.err("usage: netstat -in");
            return 1;
        }
        SimulatedHost h = inv.host;
        List<String> names = h.locked(() -> List.copyOf(h.interfaces));
        String row = "%-5s %-5s %-11s %-18s %8s %5s %8s %5s %5s";
        inv.out(String.format(row, "Name", "Mtu", "Network", "Address", "Ipkts", "Ierrs", "Opkts", "Oerrs", "Coll")
                .stripTrailing());
        for (int i = 0; i < names.size(); i++) {
            inv.out(String.format(row, names.get(i), "1500", "link#" + (i + 2), "0.9.6b.6e.f2." + (208 + i), "7421",
                    "0", "5423", "0", "0"));
            if (i == 0) {
                inv.out(String.format(row, names.get(i), "1500", network(h.ip, h.netmask), h.ip, "7421", "0", "5423",
                        "0", "0"));
            }
        }
        inv.out(String.format(row, "lo0", "16896", "link#1", "", "462", "0", "462", "0", "0"));
        inv.out(String.format(row, "lo0", "16896", "127", "127.0.0.1", "462", "0", "462", "0", "0"));
        return 0;
    }

    /**
     * {@code lsdev -C}: name, status, location and description of each configured device: sys0, the disks of the
     * volume groups, the Ethernet adapters and interfaces, inet0, lo0, and the devices the fleet file lists.
     */
    public static int lsdev(Invocation inv) {
        if (!inv.args().contains("-C")) {
            inv.err("lsdev: 0514-516 Device configuration database lock service timed out.");
            return 1;
        }
        SimulatedHost h = inv.host;
        List<String[]> rows = h.locked(() -> {
            List<String[]> r = new ArrayList<>();
            r.add(new String[] {"sys0", "Available", "", "System Object"});
            int d = 0;
            for (VolumeGroup vg : h.volumeGroups.values()) {
                for (String pv : vg.physicalVolumes()) {
                    r.add(new String[] {pv, "Available", String.format("00-08-00-%d,0", d++), "SAS Disk Drive"});
                }
            }
            for (int i = 0; i < h.interfaces.size(); i++) {
                String name = h.interfaces.get(i);
                if (name.matches("en\\d+")) {
                    r.add(new String[] {"ent" + name.substring(2), "Available", "02-08",
                            "2-Port 10/100/1000 Base-TX PCI-X Adapter (14108902)"});
                }
                r.add(new String[] {name, "Available", "", "Standard Ethernet Network Interface"});
            }
            r.add(new String[] {"inet0", "Available", "", "Internet Network Extension"});
            r.add(new String[] {"lo0", "Available", "", "Loopback Network Interface"});
            h.devices.forEach((name, description) -> r.add(new String[] {name, "Available", "", description}));
            return r;
        });
        for (String[] r : rows) {
            inv.out(String.format("%-14s %-10s %-16s %s", r[0], r[1], r[2], r[3]));
        }
        return 0;
    }

    /** {@code mkdir [-p] DIR…}. */
    public static int mkdir(Invocation inv) {
        boolean parents = inv.args().contains("-p");
        int rc = 0;
        for (String d : inv.args()) {
            if (d.equals("-p")) {
                continue;
            }
            SimulatedHost h = inv.host;
            String parent = d.lastIndexOf('/') <= 0 ? "/" : d.substring(0, d.lastIndexOf('/'));
            if (h.files.exists(d) && !parents) {
                inv.err("mkdir: 0653-358 Cannot create " + d + ".");
                inv.err(d + ": Do not specify an existing file.");
                rc = 2;
            } else if (!parents && !h.files.isDirectory(parent)) {
                inv.err("mkdir: 0653-357 Cannot access directory " + parent + ".");
                inv.err(parent + ": A file or directory in the path name does not exist.");
                rc = 2;
            } else {
                h.files.mkdirs(d);
            }
        }
        return rc;
    }

    /** {@code rmdir DIR…}: only a directory with nothing mounted on it. */
    public static int rmdir(Invocation inv) {
        int rc = 0;
        for (String d : inv.args()) {
            SimulatedHost h = inv.host;
            if (!h.files.isDirectory(d)) {
                inv.err("rmdir: 0653-611 Directory " + d + " does not exist.");
                rc = 2;
            } else if (h.nfsMounts.containsKey(dev.wparflow.simulator.model.MapFileSystem.normalize(d))) {
                inv.err("rmdir: 0653-609 Cannot remove " + d + ".");
                inv.err("The requested resource is busy.");
                rc = 2;
            } else {
                h.files.delete(d);
            }
        }
        return rc;
    }

    private static String hexMask(String mask) {
        StringBuilder b = new StringBuilder();
        for (String octet : mask.split("\\.")) {
            b.append(String.format("%02x", Integer.parseInt(octet)));
        }
        return b.toString();
    }

    private static String network(String ip, String mask) {
        String[] a = ip.split("\\.");
        String[] m = mask.split("\\.");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4 && i < a.length && i < m.length; i++) {
            int v = Integer.parseInt(a[i]) & Integer.parseInt(m[i]);
            out.add(String.valueOf(v));
        }
        while (out.size() > 1 && out.get(out.size() - 1).equals("0")) {
            out.remove(out.size() - 1);
        }
        return String.join(".", out);
    }
}
