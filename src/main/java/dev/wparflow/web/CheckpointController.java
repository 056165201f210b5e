package dev.wparflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.engine.InputRefusedException;
import dev.wparflow.process.checkpoint.CheckpointCatalog;
import dev.wparflow.process.checkpoint.schedule.CheckpointSchedules;
import dev.wparflow.security.WparflowGroups;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The WPAR checkpoints wparflow took (WparCheckpointProcess and the schedules) and the checkpoint schedules. A
 * checkpoint or restart itself is started as an operation (POST /engine-rest/process-definition/key/
 * WparCheckpointProcess/start, or its form in Tasklist).
 */
@RestController
@RequestMapping("/api/checkpoints")
public class CheckpointController {

    /** A schedule as set by PUT: every {@code interval} (ISO-8601), keep the newest {@code keep}. */
    public record ScheduleRequest(String lpar, String wpar, String interval, Long keep) {
    }

    private final CheckpointCatalog catalog;
    private final CheckpointSchedules schedules;
    private final IdentityService identity;

    public CheckpointController(CheckpointCatalog catalog, CheckpointSchedules schedules, IdentityService identity) {
        this.catalog = catalog;
        this.schedules = schedules;
        this.identity = identity;
    }

    @GetMapping
    @Operation(summary = "Checkpoints on the repository, newest first (optionally of one WPAR and/or LPAR)")
    public List<CheckpointCatalog.Checkpoint> list(@RequestParam(required = false) String wpar,
            @RequestParam(required = false) String lpar) {
        return catalog.list(blankToNull(wpar), blankToNull(lpar));
    }

    @GetMapping("/{id:\\d+}")
    @Operation(summary = "One checkpoint")
    public CheckpointCatalog.Checkpoint one(@PathVariable long id) {
        return catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no checkpoint " + id));
    }

    @GetMapping("/schedules")
    @Operation(summary = "Checkpoint schedules: per WPAR, its interval, retention, next checkpoint and last outcome")
    public List<CheckpointSchedules.Schedule> schedules() {
        return schedules.list();
    }

    @PutMapping("/schedules")
    @Operation(summary = "Sets the checkpoint schedule of a WPAR (replacing its previous one): every interval, keep N;"
            + " operators and administrators only")
    public CheckpointSchedules.Schedule setSchedule(@RequestBody ScheduleRequest request) {
        CallerGroups.require(identity, WparflowGroups.OPERATORS);
        return schedules.set(request.lpar(), request.wpar(), request.interval(),
                request.keep() == null ? 0 : request.keep());
    }

    /** A schedule the input rules refuse: 400 with the field and the rule. */
    @ExceptionHandler(InputRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(InputRefusedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("message", e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @DeleteMapping("/schedules/{lpar}/{wpar}")
    @Operation(summary = "Stops the checkpoint schedule of a WPAR; its checkpoints stay; operators and administrators"
            + " only")
    public void stopSchedule(@PathVariable String lpar, @PathVariable String wpar) {
        CallerGroups.require(identity, WparflowGroups.OPERATORS);
        if (!schedules.stop(lpar, wpar)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkpoint schedule of " + lpar + "/" + wpar);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
