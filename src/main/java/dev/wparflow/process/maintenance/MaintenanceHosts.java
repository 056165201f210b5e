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

    /** One synchronisation attempt of a WPAR: the commands it ran, its levels after, or why it failed. */
    record Synced(boolean ok, String commands, String oslevel, Map<String, String> levels, String error) {
        public Synced {
            levels = levels == null ? Map.of() : Map.copyOf(levels);
        }
    }

    /** oslevel -s and the levels of the filesets asked for (lslpp -l), in the global environment or a WPAR. */
    record Levels(String oslevel, Map<String, String> filesets) {
        public Levels {
            filesets = filesets == null ? Map.of() : Map.copyOf(filesets);
        }
    }

    Preview preview(Origin origin, String lpar, MaintenanceUpdate update);

    List<HostWpar> wpars(Origin origin, String lpar);

    AixCommand applyCommand(MaintenanceUpdate update);

    Applied applied(MaintenanceUpdate update, Integer exitStatus, String stdout, String stderr);

    Synced sync(Origin origin, String lpar, String wpar);

    /** {@code wpar} null: the global environment; else inside the WPAR through clogin. */
    Levels levels(Origin origin, String lpar, String wpar, List<String> filesets);

    void startWpar(Origin origin, String lpar, String wpar);

    void refreshInventory(Origin origin, String lpar);
}
