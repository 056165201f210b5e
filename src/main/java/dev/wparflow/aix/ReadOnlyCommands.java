package dev.wparflow.aix;

import java.util.List;
import java.util.Set;

/**
 * The allow-list of read-only commands: what preflight may send to a site's hosts. A command is read-only when its
 * program only reports (lswpar, lsnim, oslevel…) and, for programs that can also change things, when its flags are
 * the reporting ones.
 */
public final class ReadOnlyCommands {

    /** Programs that only report, whatever their flags. */
    static final Set<String> REPORTING = Set.of("lswpar", "lsnim", "oslevel", "lslpp", "prtconf", "lsattr", "lssrc",
            "lsvg", "df", "mount", "lssavewpar", "lshmc", "lssyscfg", "cat", "uname", "id");

    private ReadOnlyCommands() {
    }

    /** Whether {@code command} only reports. */
    public static boolean allows(AixCommand command) {
        String program = command.programName();
        List<String> argv = command.argv();
        if (program.equals("mount")) {
            return argv.size() == 1;
        }
        if (program.equals(WparflowRun.PROGRAM)) {
            return argv.size() >= 2 && Set.of("version", "status").contains(argv.get(1));
        }
        return REPORTING.contains(program);
    }
}
