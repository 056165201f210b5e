package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks preflight runs, per kind of host: every read-only command the operations send, with their parsers. The
 * lists name what wparflow depends on; a new read in an operation belongs here too.
 */
public final class PreflightChecks {

    private PreflightChecks() {
    }

    /** What a global environment's checks need to know: its WPARs (for the per-WPAR forms), its newest image. */
    public record GlobalEnvironment(List<WparName> wpars, AbsolutePath newestImage) {
    }

    /** On a global environment (LPAR). */
    public static List<PreflightCheck> globalEnvironment(GlobalEnvironment facts) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(new PreflightCheck("oslevel -s", SystemInfo.oslevel(), SystemInfo::parseOslevel));
        checks.add(new PreflightCheck("lswpar -c", Lswpar.delimited(Lswpar.DEFAULT_FIELDS, true, null, List.of()),
                out -> Lswpar.parseDelimited(out, Lswpar.DEFAULT_FIELDS)));
        checks.add(new PreflightCheck("lswpar -N", Lswpar.network(List.of()), Lswpar::parseNetwork));
        checks.add(new PreflightCheck("lswpar -M", Lswpar.mounts(List.of()), Lswpar::parseMounts));
        checks.add(new PreflightCheck("lswpar -R", Lswpar.resources(List.of()), Lswpar::parseResources));
        for (WparName w : facts.wpars()) {
            checks.add(new PreflightCheck("lswpar -L " + w, Lswpar.details(w), Lswpar::parseDetails));
        }
        if (facts.newestImage() != null) {
            checks.add(new PreflightCheck("lssavewpar", WparBackup.lssavewpar(facts.newestImage()),
                    WparBackup::parseListing));
        }
        return checks;
    }

    /** On a NIM master: its objects and each WPAR machine. */
    public static List<PreflightCheck> nimMaster(List<NimObjectName> wparMachines) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(new PreflightCheck("lsnim", Nim.list(), Nim::parseList));
        for (NimObjectName m : wparMachines) {
            checks.add(new PreflightCheck("lsnim -l " + m, Nim.details(m), Nim::parseStanzas));
        }
        return checks;
    }

    /** On an HMC. */
    public static List<PreflightCheck> hmc() {
        return List.of(new PreflightCheck("lssyscfg -r sys", Hmc.listSystems(), out -> out));
    }
}
