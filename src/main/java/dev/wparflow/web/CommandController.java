package dev.wparflow.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.wparflow.audit.CommandRecord;
import dev.wparflow.audit.CommandTranscriptService;
import io.swagger.v3.oas.annotations.Operation;

/** What ran where: the command transcripts of a process instance, and the integrity of the chain. */
@RestController
@RequestMapping("/api/commands")
public class CommandController {

    private final CommandTranscriptService transcripts;
    private final ProcessInstanceAccess access;

    public CommandController(CommandTranscriptService transcripts, ProcessInstanceAccess access) {
        this.transcripts = transcripts;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Every remote command a process instance ran, in order (secrets redacted)")
    public List<CommandRecord> forProcessInstance(@RequestParam String processInstanceId) {
        access.requireReadable(processInstanceId);
        return transcripts.forProcessInstance(processInstanceId);
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain; names the first record that was altered or removed")
    public Map<String, Object> verify() {
        return transcripts.firstBrokenRecord()
                .<Map<String, Object>>map(seq -> Map.of("intact", false, "firstBrokenRecord", seq))
                .orElse(Map.of("intact", true));
    }
}
