package dev.wparflow.web;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.inventory.DiscoveryRunRepository;
import dev.wparflow.inventory.DiscoverySummary;
import dev.wparflow.process.discovery.FleetDiscoveryVariables;
import io.swagger.v3.oas.annotations.Operation;

/** Fleet discovery on demand, and its summaries (hosts discovered, hosts failed and why, WPAR count). */
@RestController
@RequestMapping("/api/discovery")
public class DiscoveryController {

    private final RuntimeService runtime;
    private final DiscoveryRunRepository runs;

    public DiscoveryController(RuntimeService runtime, DiscoveryRunRepository runs) {
        this.runtime = runtime;
        this.runs = runs;
    }

    /**
     * Starts FleetDiscoveryProcess as the caller (the REST filter made them the engine's authenticated user, so
     * Camunda's authorizations decide, and the caller becomes the run's initiator).
     */
    @PostMapping
    @Operation(summary = "Start a fleet discovery now; answers the process instance id (= the discovery run id)")
    public ResponseEntity<Map<String, String>> start() {
        ProcessInstance pi = runtime.createMessageCorrelation(FleetDiscoveryVariables.REQUESTED_MESSAGE)
                .correlateStartMessage();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("processInstanceId", pi.getId()));
    }

    /** The answer of GET /api/discovery before the first run: 200, saying so (nothing is wrong). */
    public record NoDiscoveryYet(boolean discovered, String message) {
    }

    @GetMapping
    @Operation(summary = "The latest discovery run's summary (finishedAt null while it runs); before the first run,"
            + " {\"discovered\": false, \"message\": …}")
    public Object latest() {
        return runs.latest().<Object>map(s -> s).orElseGet(() -> new NoDiscoveryYet(false, "no discovery has run yet:"
                + " one starts when the application is ready and when the inventory file changes, then every"
                + " wparflow.discovery.cycle; POST /api/discovery starts one now"));
    }

    @GetMapping("/{runId}")
    @Operation(summary = "One discovery run's summary")
    public DiscoverySummary run(@PathVariable String runId) {
        return runs.summary(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no discovery run " + runId));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }
}
