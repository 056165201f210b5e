package dev.wparflow.web;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.process.evacuation.EvacuationPlanner;
import dev.wparflow.process.evacuation.EvacuationRecords;
import dev.wparflow.process.evacuation.EvacuationRecords.Item;
import dev.wparflow.process.evacuation.EvacuationRecords.Listed;
import dev.wparflow.process.evacuation.EvacuationService;
import dev.wparflow.process.evacuation.EvacuationVariables;
import dev.wparflow.security.WparflowGroups;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The evacuation record (docs/evacuation.md): the scope, the limits and the window the operation ran with, how long
 * planning took, the whole plan one row per WPAR and what happened to each. An evacuation is keyed by the id of its
 * EvacuationProcess instance and is visible to whoever may read that instance (404 otherwise).
 */
@RestController
@RequestMapping("/api/evacuations")
public class EvacuationController {

    /** What {@code ?state=} accepts: an evacuation's outcome, or RUNNING while it has none. */
    static final Set<String> STATES = Set.of("RUNNING", "EVACUATED", "PARTIAL", "STOPPED", "REJECTED", "REFUSED",
            "NOTHING_TO_MOVE");

    public record Limits(int perSource, int perTarget, int globalLimit, int stopAfterFailures) {
    }

    /** One WPAR: the plan's row (STAYS: arriving null, the note says why) and its state now. */
    public record Wpar(String wpar, String departing, String arriving, String mode, String group, String rank,
            String note, String state, int attempts) {
    }

    public record Evacuation(String id, String scopeKind, String scopeName, String returnsFrom, String requestedBy,
            OffsetDateTime plannedAt, Long planMillis, OffsetDateTime finishedAt, String state, String summary,
            Limits limits, String maintenanceWindowStart, Map<String, Integer> counts, List<Wpar> wpars) {
    }

    public record Summary(String id, String scopeKind, String scopeName, String returnsFrom, String requestedBy,
            OffsetDateTime plannedAt, Long planMillis, OffsetDateTime finishedAt, String state) {
    }

    private final EvacuationRecords records;
    private final EvacuationService service;
    private final ProcessInstanceAccess access;
    private final HistoryService history;

    public EvacuationController(EvacuationRecords records, EvacuationService service, ProcessInstanceAccess access,
            HistoryService history) {
        this.records = records;
        this.service = service;
        this.access = access;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "Evacuations the caller may read, newest plan first; ?state= an outcome (EVACUATED, PARTIAL,"
            + " STOPPED, REJECTED, REFUSED, NOTHING_TO_MOVE) or RUNNING")
    public List<Summary> list(@RequestParam(required = false) String state) {
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state: one of " + STATES.stream().sorted()
                    .toList() + ", not " + state);
        }
        List<Listed> all = records.list(wanted);
        Set<String> readable = approver() ? all.stream().map(Listed::id).collect(Collectors.toSet())
                : access.readable(all.stream().map(Listed::id).toList());
        return all.stream().filter(e -> readable.contains(e.id())).map(e -> new Summary(e.id(), e.scopeKind(),
                e.scopeName(), e.returnsFrom(), e.requestedBy(), e.plannedAt(), e.planMillis(), e.finishedAt(),
                stateOf(e))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One evacuation: scope, limits, window, planning time, the whole plan and each WPAR's outcome")
    public Evacuation one(@PathVariable String id) {
        Listed e = readable(id);
        Map<String, Object> vars = new HashMap<>();
        access.asEngine(() -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(id)
                .variableNameIn(EvacuationVariables.PER_SOURCE.name(), EvacuationVariables.PER_TARGET.name(),
                        EvacuationVariables.GLOBAL_LIMIT.name(), EvacuationVariables.STOP_AFTER_FAILURES.name(),
                        EvacuationVariables.MAINTENANCE_WINDOW_START.name()).list())
                .stream().filter(v -> v.getActivityInstanceId() == null
                        || v.getActivityInstanceId().equals(v.getProcessInstanceId()))
                .forEach(v -> putValue(vars, v));
        EvacuationService.Limits l = service.limits(integer(vars, EvacuationVariables.PER_SOURCE.name()),
                integer(vars, EvacuationVariables.PER_TARGET.name()),
                integer(vars, EvacuationVariables.GLOBAL_LIMIT.name()),
                integer(vars, EvacuationVariables.STOP_AFTER_FAILURES.name()));
        List<Item> items = records.items(id);
        Map<String, Integer> counts = new java.util.TreeMap<>();
        items.forEach(i -> counts.merge(i.state().name(), 1, Integer::sum));
        String summary = records.find(id).map(EvacuationRecords.Evacuation::summary).orElse(null);
        Object window = vars.get(EvacuationVariables.MAINTENANCE_WINDOW_START.name());
        return new Evacuation(e.id(), e.scopeKind(), e.scopeName(), e.returnsFrom(), e.requestedBy(), e.plannedAt(),
                e.planMillis(), e.finishedAt(), stateOf(e), summary,
                new Limits(l.perSource(), l.perTarget(), l.global(), l.stopAfterFailures()),
                window == null ? null : window.toString(), counts,
                items.stream().map(i -> new Wpar(i.wpar(), i.departing(), i.arriving(), i.mode(), i.group(), i.rank(),
                        i.reason(), i.state().name(), i.attempts())).toList());
    }

    @GetMapping(value = "/{id}/plan.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The whole plan as the approval's table (WPAR, FROM, TO, MODE, GROUP (rank), NOTE), uncut")
    public String planText(@PathVariable String id) {
        Listed e = readable(id);
        return "Evacuation " + e.id() + " of " + e.scopeKind() + " " + e.scopeName() + "\n\n"
                + planTable(records.items(id));
    }

    /** The plan table of the record's rows, as {@link EvacuationPlanner#table} writes it for the approval. */
    static String planTable(List<Item> items) {
        return EvacuationPlanner.table(items.stream().map(i -> new EvacuationPlanner.Row(i.wpar(), i.departing(),
                i.state() == EvacuationRecords.State.UNMOVABLE ? null : i.arriving(), i.mode(), i.group(), i.rank(), i.reason())).toList());
    }

    /**
     * Approvers decide every evacuation's change in Tasklist, where a large plan is cut and points here: they read
     * every evacuation's record; everyone else what Camunda lets them read of the operation.
     */
    private boolean approver() {
        return access.callerIn(WparflowGroups.APPROVERS);
    }

    private Listed readable(String id) {
        if (!approver()) {
            access.requireReadable(id);
        }
        return records.listed(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no evacuation " + id));
    }

    private static String stateOf(Listed e) {
        return e.outcome() == null ? "RUNNING" : e.outcome();
    }

    private static void putValue(Map<String, Object> vars, HistoricVariableInstance v) {
        if (v.getValue() != null) {
            vars.put(v.getName(), v.getValue());
        }
    }

    private static Integer integer(Map<String, Object> vars, String name) {
        Object v = vars.get(name);
        return v instanceof Number n ? n.intValue() : null;
    }
}
