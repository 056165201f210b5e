package dev.wparflow.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.process.OperationSubject.State;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The operations the caller started (every operation for camunda-admin): running and finished, with their outcome;
 * for one operation its steps, commands and images. Read by scripts and by the Cockpit view "wparflow operations".
 */
@RestController
@RequestMapping("/api/operations")
public class OperationController {

    static final int MAX_PAGE = 500;

    private final OperationHistory operations;

    public OperationController(OperationHistory operations) {
        this.operations = operations;
    }

    @GetMapping
    @Operation(summary = "Operations the caller may read, newest first: process, subject, who started it, times, "
            + "state (RUNNING, COMPLETED, REFUSED, REJECTED, FAILED, ROLLED_BACK, CANCELED), outcome and reason")
    public OperationHistory.Page list(@RequestParam(required = false) String processKey,
            @RequestParam(required = false) String state, @RequestParam(required = false) String startedBy,
            @RequestParam(defaultValue = "0") int firstResult, @RequestParam(defaultValue = "50") int maxResults) {
        if (firstResult < 0 || maxResults < 1 || maxResults > MAX_PAGE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "firstResult must be >= 0 and maxResults between 1 and " + MAX_PAGE);
        }
        return operations.list(blankToNull(processKey), state(state), blankToNull(startedBy), firstResult, maxResults);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One operation: outcome and reason, steps with times (called processes included), the "
            + "commands it ran with their transcripts, the images it made, open incidents")
    public OperationHistory.Detail detail(@PathVariable String id) {
        return operations.detail(id);
    }

    private static State state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return State.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "state must be one of " + Arrays.toString(State.values()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
