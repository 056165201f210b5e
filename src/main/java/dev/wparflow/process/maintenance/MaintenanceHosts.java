package dev.wparflow.process.maintenance;

import java.util.List;
import java.util.Map;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.Origin;

/**
 * What the maintenance asks of the hosts, in its own terms: the preview and the levels before, the WPARs and their
 * states, the update's command (run detached) and what its output means, the synchronisation of one WPAR, the levels
 * after, a WPAR's start and the inventory's refresh. {@link AixMaintenanceHosts} answers it with the aix layer and the
 * software services; model tests mock the steps instead.
 */
public interface MaintenanceHosts {

    /** What the update would do on an LPAR: oslevel -s, the levels now, the preview's changes, or why it cannot. */
    record Preview(String oslevel, Map<String, String> levels, List<String> changes, String refusal, String output) {
        public Preview {
            levels = levels == null ? Map.of() : Map.copyOf(levels);
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** A WPAR of an LPAR as lswpar shows it now. */
    record HostWpar(String name, String state) {
        public boolean active() {
            return "A".equals(state) || "Active".equalsIgnoreCase(state);
        }
    }

    /** The update's outcome from its exit status and output: failed, which fileset, why. */
    record Applied(boolean ok, String failedFileset, String error) {
    }

    /**
     * One synchronisation attempt of a WPAR: whether it is verified at the global levels, whether the levels could
     * not be read (the WPAR not Active: the sync ran, its result is not checked), the commands it ran, or why it
     * failed.
     */
    record Synced(boolean ok, boolean notChecked, String commands, String error) {
    }

    /** oslevel -s and the levels of the filesets asked for (lslpp), in the global environment or a WPAR. */
    record Levels(String oslevel, Map<String, String> filesets) {
        public Levels {
            filesets = filesets == null ? Map.of() : Map.copyOf(filesets);
        }
    }

    /**
     * One WPAR measured against its global environment: its state, whether its levels are the global ones (null: not
     * checked, with why: only an Active WPAR can be read through clogin), its levels and the filesets that differ.
     */
    record MeasuredWpar(String name, String state, Boolean inSync, Levels levels, List<String> drift,
            String notChecked) {
        public MeasuredWpar {
            drift = drift == null ? List.of() : List.copyOf(drift);
        }
    }

    /** An LPAR measured: the global environment's levels and each system WPAR's. */
    record Measured(Levels global, List<MeasuredWpar> wpars) {
        public Measured {
            wpars = List.copyOf(wpars);
        }
    }

    Preview preview(Origin origin, String lpar, MaintenanceUpdate update);

    List<HostWpar> wpars(Origin origin, String lpar);

    AixCommand applyCommand(MaintenanceUpdate update);

    Applied applied(MaintenanceUpdate update, Integer exitStatus, String stdout, String stderr);

    Synced sync(Origin origin, String lpar, String wpar, MaintenanceUpdate update);

    /** The global environment's levels of {@code filesets}, oslevel -s; a WPAR's through clogin (null: unreadable). */
    Levels levels(Origin origin, String lpar, String wpar, List<String> filesets);

    /** The global environment and every system WPAR (clogin lslpp -l, oslevel -s), limited to {@code filesets}. */
    Measured measure(Origin origin, String lpar, List<String> filesets);

    void startWpar(Origin origin, String lpar, String wpar);

    void refreshInventory(Origin origin, String lpar);
}
