package dev.wparflow.aix;

import java.util.List;
import java.util.Set;

/**
 * The allow-list of read-only commands: what preflight may send to a site's hosts. A command is read-only when its
 * program only reports (lswpar, lsnim, oslevel…) and, for programs that can also change things, when its arguments
 * are the reporting ones: {@code mount} without arguments lists, with any it mounts; {@code wparflow-run} reports
 * with {@code version}, {@code status}, {@code wait} and {@code output}, and changes with {@code start},
 * {@code cancel} and {@code forget}; {@code emgr} reports as {@code emgr -l} only; {@code ifconfig} reports as {@code ifconfig -a} only (with an interface it
 * configures it: {@code ifconfig en0 down}); {@code netstat} reports unless a flag holds {@code Z}, which clears its
 * statistics on AIX ({@code netstat -Zi}, {@code -Zc}, {@code -Zm}, {@code -Zs}: IBM's netstat reference).
 * Everything else (mkwpar, chwpar, nim, tee, rm, chhwres…) is refused.
 */
public final class ReadOnlyCommands {

    /** Programs that only report, whatever their flags (lssyscfg and lshmc are the HMC's listing commands). */
    static final Set<String> REPORTING = Set.of("lswpar", "lsnim", "oslevel", "lslpp", "prtconf", "lsattr", "lssrc",
            "lsvg", "df", "lssavewpar", "lshmc", "lssyscfg", "cat", "uname", "id", "lsdev", "showmount");

    /** The wparflow-run subcommands that only report on runs. */
    static final Set<String> RUN_REPORTS = Set.of("version", "status", "wait", "output");

    private ReadOnlyCommands() {
    }

    /** Whether {@code command} only reports. */
    public static boolean allows(AixCommand command) {
        String program = command.programName();
        if (!program.equals(command.program())) {
            return false; // an absolute path: what runs there is not the program the name suggests
        }
        List<String> argv = command.argv();
        if (program.equals("mount")) {
            return argv.size() == 1;
        }
        if (program.equals("ifconfig")) {
            return argv.size() == 2 && argv.get(1).equals("-a");
        }
        if (program.equals("netstat")) {
            return argv.stream().skip(1).noneMatch(a -> a.startsWith("-") && a.contains("Z"));
        }
        if (program.equals("emgr")) {
            return argv.size() == 2 && argv.get(1).equals("-l"); // emgr -l lists; -e, -r change
        }
        if (program.equals(WparflowRun.PROGRAM)) {
            return argv.size() >= 2 && RUN_REPORTS.contains(argv.get(1));
        }
        return REPORTING.contains(program);
    }
}
