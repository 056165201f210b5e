package dev.wparflow.simulator.command;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.wparflow.simulator.run.WparflowRunCommand;

/**
 * The command registry: base name to handler. An unknown command, or one the host's fleet entry lists under
 * {@code missing-commands}, gives ksh's {@code ksh: NAME:  not found.} and exit status 127. One listed under
 * {@code denied-commands} gives what AIX's ksh prints when the user lacks the execute permission (or, under RBAC, the
 * authorization) for it: {@code ksh: NAME: 0403-006 Execute permission denied.}, exit status 126 (IBM AIX message
 * 0403-006; 126 is the POSIX shell's status for a command found but not executable).
 */
public final class Commands {
    private final Map<String, CommandHandler> handlers = new TreeMap<>();

    public Commands() {
        handlers.put("lswpar", new LswparCommand());
        handlers.put("mkwpar", new MkwparCommand());
        handlers.put("startwpar", LifecycleCommands::startwpar);
        handlers.put("stopwpar", LifecycleCommands::stopwpar);
        handlers.put("rebootwpar", LifecycleCommands::rebootwpar);
        handlers.put("rmwpar", new RmwparCommand());
        handlers.put("chwpar", new ChwparCommand());
        handlers.put("savewpar", BackupCommands::savewpar);
        handlers.put("restwpar", BackupCommands::restwpar);
        handlers.put("lssavewpar", BackupCommands::lssavewpar);
        handlers.put("mkwpardata", BackupCommands::mkwpardata);
        handlers.put("syncwpar", SoftwareCommands::syncwpar);
        handlers.put("mksysb", SystemBackupCommands::mksysb);
        handlers.put("savevg", SystemBackupCommands::savevg);
        handlers.put("lsmksysb", SystemBackupCommands::lsmksysb);
        handlers.put("lssavevg", SystemBackupCommands::lssavevg);
        handlers.put("listvgbackup", SystemBackupCommands::lssavevg);
        handlers.put("wparlockctl", MiscWparCommands::wparlockctl);
        handlers.put("clogin", MiscWparCommands::clogin);
        handlers.put("uname", SystemCommands::uname);
        handlers.put("hostname", SystemCommands::hostname);
        handlers.put("id", SystemCommands::id);
        handlers.put("oslevel", SoftwareCommands::oslevel);
        handlers.put("lslpp", SoftwareCommands::lslpp);
        // software levels of the global environment and its WPARs
        handlers.put("installp", SoftwareCommands::installp);
        handlers.put("install_all_updates", SoftwareCommands::installAllUpdates);
        handlers.put("syncroot", SoftwareCommands::syncrootCommand);
        handlers.put("inuwpar", SoftwareCommands::inuwpar);
        handlers.put("emgr", SoftwareCommands::emgr);
        handlers.put("prtconf", SystemCommands::prtconf);
        handlers.put("lsattr", SystemCommands::lsattr);
        handlers.put("lssrc", SystemCommands::lssrc);
        handlers.put("startsrc", SystemCommands::startsrc);
        handlers.put("stopsrc", SystemCommands::stopsrc);
        handlers.put("lsvg", SystemCommands::lsvg);
        handlers.put("df", SystemCommands::df);
        handlers.put("cat", SystemCommands::cat);
        handlers.put("echo", SystemCommands::echo);
        handlers.put("date", SystemCommands::date);
        handlers.put("ps", DiagnosticCommands::ps);
        handlers.put("ls", DiagnosticCommands::ls);
        handlers.put("csum", FileCommands::csum);
        handlers.put("wc", FileCommands::wc);
        handlers.put("cp", FileCommands::cp);
        handlers.put("rm", FileCommands::rm);
        handlers.put("du", FileCommands::du);
        handlers.put("tee", FileCommands::tee);
        handlers.put("true", inv -> 0);
        handlers.put("false", inv -> 1);
        handlers.put(WparflowRunCommand.NAME, new WparflowRunCommand());
        // part 2: HMC, NFS, live mobility, checkpoint/restart, NIM
        handlers.put("lshmc", dev.wparflow.simulator.dc.HmcCommands::lshmc);
        handlers.put("lssyscfg", dev.wparflow.simulator.dc.HmcCommands::lssyscfg);
        handlers.put("chsysstate", dev.wparflow.simulator.dc.HmcCommands::chsysstate);
        handlers.put("mount", dev.wparflow.simulator.dc.NfsCommands::mountCommand);
        handlers.put("umount", dev.wparflow.simulator.dc.NfsCommands::umountCommand);
        handlers.put("exportfs", dev.wparflow.simulator.dc.NfsCommands::exportfs);
        handlers.put("showmount", dev.wparflow.simulator.dc.NfsCommands::showmount);
        handlers.put("wparexec", MobilityCommands::wparexec);
        handlers.put("setclock", MobilityCommands::setclock);
        handlers.put("movewpar", MobilityCommands::movewpar);
        handlers.put("chkptwpar", MobilityCommands::chkptwpar);
        handlers.put("restartwpar", MobilityCommands::restartwpar);
        handlers.put("nim", dev.wparflow.simulator.dc.NimCommands::nim);
        // compatibility checks: interfaces, devices, scratch directories of a test mount
        handlers.put("ifconfig", NetworkCommands::ifconfig);
        handlers.put("netstat", NetworkCommands::netstat);
        handlers.put("lsdev", NetworkCommands::lsdev);
        handlers.put("mkdir", NetworkCommands::mkdir);
        handlers.put("rmdir", NetworkCommands::rmdir);
        handlers.put("lsnim", dev.wparflow.simulator.dc.NimCommands::lsnim);
    }

    public Set<String> names() {
        return handlers.keySet();
    }

    public boolean knows(String name) {
        return handlers.containsKey(baseName(name));
    }

    public static String baseName(String argv0) {
        int slash = argv0.lastIndexOf('/');
        return slash >= 0 ? argv0.substring(slash + 1) : argv0;
    }

    public int execute(Invocation inv) throws InterruptedException {
        if (inv.argv.isEmpty()) {
            return 0;
        }
        CommandHandler h = handlers.get(inv.name());
        if (inv.host.hmc && (!dev.wparflow.simulator.dc.HmcCommands.HMC_COMMANDS.contains(inv.name())
                || inv.host.missingCommands.contains(inv.name()))) {
            // the HMC's restricted shell knows HMC commands only
            inv.err("rbash: " + inv.argv.get(0) + ": command not found");
            return 127;
        }
        if (inv.argv.get(0).startsWith("/") && !inv.host.hmc) {
            var check = inv.host.checkCommand(inv.argv.get(0));
            if (check.isPresent()) {
                // a user-defined check script the fleet file declares: its line on stdout (passed) or stderr
                if (!check.get().output().isEmpty()) {
                    if (check.get().exitStatus() == 0) {
                        inv.out(check.get().output());
                    } else {
                        inv.err(check.get().output());
                    }
                }
                return check.get().exitStatus();
            }
        }
        if (h == null || inv.host.missingCommands.contains(inv.name())) {
            inv.err("ksh: " + inv.argv.get(0) + ":  not found.");
            return 127;
        }
        if (inv.host.deniedCommands.contains(inv.name())) {
            inv.err("ksh: " + inv.argv.get(0) + ": 0403-006 Execute permission denied.");
            return 126;
        }
        return h.run(inv);
    }
}
