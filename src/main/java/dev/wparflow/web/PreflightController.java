package dev.wparflow.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.process.preflight.PreflightFinding;
import dev.wparflow.process.preflight.PreflightReport;
import dev.wparflow.process.preflight.PreflightResults;
import dev.wparflow.process.preflight.PreflightVariables;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Preflight (docs/preflight.md): start one, the latest result per host, a run's findings as JSON, as a text
 * report, as a JSON report, and as the anonymized bundle for a bug report.
 */
@RestController
@RequestMapping("/api/preflight")
public class PreflightController {

    private final RuntimeService runtime;
    private final PreflightResults results;
    private final dev.wparflow.inventory.FleetInventory inventory;
    private final dev.wparflow.inventory.InventoryRepository discovered;

    public PreflightController(RuntimeService runtime, PreflightResults results,
            dev.wparflow.inventory.FleetInventory inventory, dev.wparflow.inventory.InventoryRepository discovered) {
        this.runtime = runtime;
        this.results = results;
        this.inventory = inventory;
        this.discovered = discovered;
    }

    /** The optional body of POST /api/preflight. */
    public record Request(String hosts) {
    }

    /**
     * Starts PreflightProcess as the caller (the REST filter made them the engine's authenticated user, so the input
     * contract and Camunda's authorizations decide).
     */
    @PostMapping
    @Operation(summary = "Start a preflight of the hosts given ({\"hosts\": \"lpar00,nim01\"}) or, without a body, of"
            + " every host of the inventory; answers the process instance id (= the preflight run id)")
    public ResponseEntity<Map<String, String>> start(@RequestBody(required = false) Request request) {
        ProcessInstantiationBuilder start = runtime.createProcessInstanceByKey(PreflightVariables.PROCESS_ID);
        if (request != null && request.hosts() != null && !request.hosts().isBlank()) {
            start.setVariable(PreflightVariables.HOSTS.name(), request.hosts());
        }
        ProcessInstance pi = start.execute();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("processInstanceId", pi.getId()));
    }

    @GetMapping
    @Operation(summary = "The latest preflight result of every host ever checked: passed or not, when, the run, the"
            + " first failure")
    public List<PreflightResults.HostResult> latest() {
        return results.latest();
    }

    /** A run and its findings. */
    public record RunFindings(PreflightResults.Run run, List<PreflightFinding> findings) {
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One preflight run and its findings (per host and check: status, detail, advice)")
    public RunFindings run(@PathVariable String id) {
        return new RunFindings(run0(id), results.findings(id));
    }

    @GetMapping(value = "/runs/{id}/report.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The run's report as text")
    public String reportText(@PathVariable String id) {
        return PreflightReport.text(run0(id), results.findings(id));
    }

    @GetMapping(value = "/runs/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The run's report as JSON, by host")
    public PreflightReport.Report reportJson(@PathVariable String id) {
        return PreflightReport.of(run0(id), results.findings(id));
    }

    /**
     * The anonymized bundle (report.txt, report.json and the raw outputs of the checks that failed, host names,
     * addresses, serials and user names replaced consistently): what it hides is every name the inventory and the
     * last discovery know (hosts and their addresses, users, managed systems and their serials, WPARs).
     */
    @GetMapping(value = "/runs/{id}/bundle.zip", produces = "application/zip")
    @Operation(summary = "The run's anonymized bundle (zip) to attach to a bug report")
    public ResponseEntity<byte[]> bundle(@PathVariable String id) {
        run0(id);
        var findings = results.findings(id);
        byte[] zip = dev.wparflow.process.preflight.PreflightBundle.zip(findings, hidden(findings));
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"wparflow-preflight-"
                + id + ".zip\"").contentType(MediaType.parseMediaType("application/zip")).body(zip);
    }

    /**
     * Every name the inventory and the last discovery know (hosts and their addresses, users, managed systems and
     * their serials, WPARs), and the WPARs the preflight itself found (its per-WPAR checks end with their names).
     */
    private dev.wparflow.process.preflight.PreflightAnonymizer.Hidden hidden(
            java.util.List<dev.wparflow.process.preflight.PreflightFinding> findings) {
        var inv = inventory.current();
        java.util.Set<String> hosts = new java.util.TreeSet<>();
        java.util.Set<String> users = new java.util.TreeSet<>();
        inv.endpoints().values().forEach(e -> {
            hosts.add(e.name());
            hosts.add(e.host());
            users.add(e.user());
        });
        hosts.remove("127.0.0.1");
        java.util.List<String> systems = new java.util.ArrayList<>();
        java.util.List<String> serials = new java.util.ArrayList<>();
        inv.managedSystems().forEach(m -> systems.add(m.name()));
        discovered.systems().forEach(m -> {
            systems.add(m.name());
            if (m.serial() != null) {
                serials.add(m.serial());
            }
        });
        java.util.Set<String> wpars = new java.util.TreeSet<>();
        discovered.wpars(null, null).forEach(w -> wpars.add(w.name()));
        for (var f : findings) {
            String[] words = f.check().split("\\s+");
            if (words[0].equals("lswpar") && words.length > 1 && !words[words.length - 1].startsWith("-")
                    && !words[words.length - 1].contains(",")) {
                wpars.add(words[words.length - 1]);
            }
        }
        return dev.wparflow.process.preflight.PreflightAnonymizer.Hidden.none().withHosts(hosts).withUsers(users)
                .withManagedSystems(systems).withSerials(serials).withWpars(wpars);
    }

    private PreflightResults.Run run0(String id) {
        return results.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no preflight run " + id));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }
}
