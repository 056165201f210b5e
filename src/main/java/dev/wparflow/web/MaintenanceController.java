package dev.wparflow.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.process.maintenance.MaintenanceRecords;
import dev.wparflow.process.maintenance.MaintenanceRecords.Maintenance;
import dev.wparflow.security.WparflowGroups;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The maintenance record (docs/maintenance.md): the update and the rollout the operation ran with, one row per LPAR
 * (levels before and after, the preview, its result, the failed fileset) and one per WPAR (levels before and after,
 * synchronisation attempts, commands, error). A maintenance is keyed by the id of its LparMaintenanceProcess instance
 * and is visible to whoever may read that instance, and to the approvers (404 otherwise).
 */
@RestController
@RequestMapping("/api/maintenance")
public class MaintenanceController {

    /** What {@code ?state=} accepts: an outcome, or RUNNING while there is none. */
    static final Set<String> STATES = Set.of("RUNNING", "COMPLETED", "PARTIAL", "FAILED", "REJECTED", "REFUSED",
            "NOTHING_TO_DO");

    public record Summary(String id, String requestedBy, String updateKind, String source, Instant plannedAt,
            Instant finishedAt, String state) {
    }

    public record Lpar(String lpar, String state, String oslevelBefore, String oslevelAfter, String levelsBefore,
            String levelsAfter, String preview, String activeWpars, String evacuationId, String backupImages,
            String failedFileset, String error, Instant startedAt, Instant finishedAt, List<Wpar> wpars) {
    }

    public record Wpar(String wpar, String stateBefore, boolean wasActive, String stateAfter, String oslevelBefore,
            String oslevelAfter, String levelsBefore, String levelsAfter, String syncState, int syncAttempts,
            String commands, String error) {
    }

    public record Detail(String id, String requestedBy, String updateKind, String source, String filesets,
            String fixPackage, int lanes, Instant windowStart, Instant windowEnd, boolean evacuate,
            boolean globalBackup, int syncAttempts, Instant plannedAt, String stoppedBy, Instant finishedAt,
            String state, String summary, Map<String, Integer> counts, List<Lpar> lpars) {
    }

    private final MaintenanceRecords records;
    private final ProcessInstanceAccess access;

    public MaintenanceController(MaintenanceRecords records, ProcessInstanceAccess access) {
        this.records = records;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Software maintenances the caller may read, newest plan first; ?state= an outcome"
            + " (COMPLETED, PARTIAL, FAILED, REJECTED, REFUSED, NOTHING_TO_DO) or RUNNING")
    public List<Summary> list(@RequestParam(required = false) String state) {
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state: one of " + STATES.stream().sorted()
                    .toList() + ", not " + state);
        }
        List<Maintenance> all = records.list().stream().filter(m -> wanted == null || wanted.equals(stateOf(m)))
                .toList();
        Set<String> readable = approver() ? all.stream().map(Maintenance::id).collect(Collectors.toSet())
                : access.readable(all.stream().map(Maintenance::id).toList());
        return all.stream().filter(m -> readable.contains(m.id())).map(m -> new Summary(m.id(), m.requestedBy(),
                m.updateKind(), m.source(), m.plannedAt(), m.finishedAt(), stateOf(m))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One software maintenance: the update, the rollout, each LPAR's and each WPAR's result")
    public Detail one(@PathVariable String id) {
        if (!approver()) {
            access.requireReadable(id);
        }
        Maintenance m = records.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no maintenance " + id));
        List<MaintenanceRecords.Wpar> wpars = records.wpars(id);
        Map<String, Integer> counts = new TreeMap<>();
        List<Lpar> lpars = records.lpars(id).stream().map(l -> {
            counts.merge(l.state(), 1, Integer::sum);
            return new Lpar(l.lpar(), l.state(), l.oslevelBefore(), l.oslevelAfter(), l.levelsBefore(),
                    l.levelsAfter(), l.preview(), l.activeWpars(), l.evacuationId(), l.backupImages(),
                    l.failedFileset(), l.error(), l.startedAt(), l.finishedAt(), wpars.stream()
                            .filter(w -> w.lpar().equals(l.lpar())).map(w -> new Wpar(w.wpar(), w.stateBefore(),
                                    w.wasActive(), w.stateAfter(), w.oslevelBefore(), w.oslevelAfter(),
                                    w.levelsBefore(), w.levelsAfter(), w.syncState(), w.syncAttempts(),
                                    w.commands(), w.error())).toList());
        }).toList();
        return new Detail(m.id(), m.requestedBy(), m.updateKind(), m.source(), m.filesets(), m.fixPackage(),
                m.lanes(), m.windowStart(), m.windowEnd(), m.evacuate(), m.globalBackup(), m.syncAttempts(),
                m.plannedAt(), m.stoppedBy(), m.finishedAt(), stateOf(m), m.summary(), counts, lpars);
    }

    /** Approvers decide every maintenance's change in Tasklist: they read every maintenance's record. */
    private boolean approver() {
        return access.callerIn(WparflowGroups.APPROVERS);
    }

    private static String stateOf(Maintenance m) {
        return m.outcome() == null ? "RUNNING" : m.outcome();
    }
}
