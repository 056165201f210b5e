package dev.wparflow.process.software;

import java.util.List;
import java.util.Map;

/**
 * What syncing one WPAR to its global environment did.
 *
 * @param lpar        the LPAR (global environment)
 * @param wpar        the WPAR
 * @param kind        shared (syncwpar) or detached (inuwpar); null when the WPAR could not be found
 * @param commands    the command lines sent to change or verify it, in order
 * @param levelsAfter the WPAR's own levels read afterwards (per fileset its root part's, else its usr part's); empty
 *                    when they could not be read
 * @param inSync      whether the levels read afterwards are the global environment's; null when they could not be read
 *                    (a WPAR that is not Active cannot be logged in to): not checked, never "in sync"
 * @param driftLeft   the filesets still differing afterwards
 * @param error       why the sync failed (the AIX message), or why it could not be verified; null when it is in sync
 */
public record WparSyncResult(String lpar, String wpar, WparKind kind, List<String> commands,
                             Map<String, String> levelsAfter, Boolean inSync, List<FilesetDrift> driftLeft,
                             String error) {

    public WparSyncResult {
        commands = List.copyOf(commands);
        levelsAfter = Map.copyOf(levelsAfter);
        driftLeft = List.copyOf(driftLeft);
    }

    /** In sync and verified. */
    public boolean succeeded() {
        return Boolean.TRUE.equals(inSync) && error == null;
    }
}
