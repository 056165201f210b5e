package dev.wparflow.process.software;

import java.util.List;
import java.util.Map;

/**
 * One LPAR's software as measured: the global environment's levels and {@code oslevel -s}, and each system WPAR's
 * comparison with them.
 */
public record LparSoftware(String lpar, String oslevel, Map<String, String> globalLevels, List<WparSoftware> wpars) {

    public LparSoftware {
        globalLevels = Map.copyOf(globalLevels);
        wpars = List.copyOf(wpars);
    }

    /** The WPARs measured out of sync (not those that could not be checked). */
    public List<WparSoftware> drifting() {
        return wpars.stream().filter(w -> Boolean.FALSE.equals(w.inSync())).toList();
    }

    /** The WPAR named {@code name}, if it was measured. */
    public java.util.Optional<WparSoftware> wpar(String name) {
        return wpars.stream().filter(w -> w.wpar().equals(name)).findFirst();
    }

    /**
     * One system WPAR's levels against its global environment's.
     *
     * @param state      its state as lswpar lists it (Active, Defined…)
     * @param inSync     true/false when measured; null when not checked (only an Active WPAR can be read through
     *                   clogin), with {@code notChecked} saying why
     * @param drift      the filesets that differ (empty when in sync or not checked)
     * @param levels     its own levels as read (empty when not checked)
     */
    public record WparSoftware(String wpar, WparKind kind, String state, Boolean inSync, List<FilesetDrift> drift,
                               Map<String, String> levels, String notChecked) {
        public WparSoftware {
            drift = List.copyOf(drift);
            levels = Map.copyOf(levels);
        }
    }
}
