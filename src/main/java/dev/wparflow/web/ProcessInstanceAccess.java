package dev.wparflow.web;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whether the caller may see a process instance, decided by Camunda's authorizations: the REST
 * filter has set the caller as the engine's authenticated user, so a query only finds what they may read.
 */
@Component
public class ProcessInstanceAccess {

    private final HistoryService historyService;

    public ProcessInstanceAccess(HistoryService historyService) {
        this.historyService = historyService;
    }

    public void requireReadable(String processInstanceId) {
        if (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no process instance " + processInstanceId + " that you may read");
        }
    }
}
