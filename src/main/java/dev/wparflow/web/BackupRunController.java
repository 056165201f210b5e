package dev.wparflow.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.catalog.BackupRunRepository;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/backups/runs")
public class BackupRunController {

    /** A run with its items (one per WPAR, or per host that could not be listed). */
    public record RunDetail(BackupRunRepository.Run run, List<BackupRunRepository.Item> items) {
    }

    private final BackupRunRepository runs;

    public BackupRunController(BackupRunRepository runs) {
        this.runs = runs;
    }

    @GetMapping
    @Operation(summary = "Fleet backup runs, newest first, with their summary counts and text")
    public List<BackupRunRepository.Run> list(@RequestParam(defaultValue = "50") int limit) {
        return runs.runs(Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One fleet backup run and the outcome of each WPAR (done, failed with reason, skipped)")
    public RunDetail detail(@PathVariable String id) {
        BackupRunRepository.Run run = runs.findRun(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no backup run " + id));
        return new RunDetail(run, runs.items(id));
    }
}
