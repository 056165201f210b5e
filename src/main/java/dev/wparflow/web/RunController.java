package dev.wparflow.web;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.wparflow.run.RemoteRun;
import dev.wparflow.run.RemoteRunRepository;
import io.swagger.v3.oas.annotations.Operation;

/** Detached runs: the long AIX commands wparflow started and what became of them. */
@RestController
@RequestMapping("/api/runs")
public class RunController {

    private final RemoteRunRepository runs;
    private final ProcessInstanceAccess access;

    public RunController(RemoteRunRepository runs, ProcessInstanceAccess access) {
        this.runs = runs;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Detached runs of a process instance, or the most recent ones of the instances you may read "
            + "(all of them for camunda-admin)")
    public List<RemoteRun> runs(@RequestParam(required = false) String processInstanceId,
            @RequestParam(defaultValue = "100") int limit) {
        if (processInstanceId != null) {
            access.requireReadable(processInstanceId);
            return runs.forProcessInstance(processInstanceId);
        }
        List<RemoteRun> recent = runs.recent(Math.min(Math.max(limit, 1), 1000));
        if (access.callerIsAdmin()) {
            return recent;
        }
        Set<String> readable = access.readable(recent.stream().map(RemoteRun::processInstanceId).toList());
        return recent.stream().filter(r -> readable.contains(r.processInstanceId())).toList();
    }
}
