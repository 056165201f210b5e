package dev.wparflow.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.security.WparflowGroups;

/**
 * Whether the caller may see a process instance, decided by Camunda's authorizations: the REST filter has set the
 * caller as the engine's authenticated user, so a query only finds what they may read. A called process (a static
 * relocation, a host backup) is visible to whoever may read the operation it is part of. What belongs to an instance
 * (its detached runs, its command transcripts) follows the instance's visibility.
 */
@Component
public class ProcessInstanceAccess {

    private final HistoryService historyService;
    private final IdentityService identityService;

    public ProcessInstanceAccess(HistoryService historyService, IdentityService identityService) {
        this.historyService = historyService;
        this.identityService = identityService;
    }

    public void requireReadable(String processInstanceId) {
        if (!readable(Set.of(processInstanceId)).contains(processInstanceId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no process instance " + processInstanceId + " that you may read");
        }
    }

    /** Those of {@code processInstanceIds} the caller may read (directly, or through the operation they are part of). */
    public Set<String> readable(Collection<String> processInstanceIds) {
        Set<String> ids = processInstanceIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Set.of();
        }
        // which operation each instance belongs to: looked up as the engine itself, what the caller may read is
        // decided below by the caller's own query
        Map<String, String> roots = new HashMap<>();
        asEngine(() -> historyService.createHistoricProcessInstanceQuery().processInstanceIds(ids).list())
                .forEach(i -> roots.put(i.getId(), i.getRootProcessInstanceId()));
        Set<String> candidates = new HashSet<>(ids);
        roots.values().stream().filter(Objects::nonNull).forEach(candidates::add);
        Set<String> visible = historyService.createHistoricProcessInstanceQuery().processInstanceIds(candidates).list()
                .stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
        return ids.stream().filter(id -> visible.contains(id) || visible.contains(roots.get(id)))
                .collect(Collectors.toSet());
    }

    /** Members of camunda-admin see everything, owners of locks and runs of no instance included. */
    public boolean callerIsAdmin() {
        return callerIn(WparflowGroups.ADMINS);
    }

    /** Whether the caller is a member of {@code group}. */
    public boolean callerIn(String group) {
        Authentication caller = identityService.getCurrentAuthentication();
        return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(group);
    }

    /** Runs {@code query} without the caller's authorizations: only for what {@link #readable} already allowed. */
    public <T> T asEngine(Supplier<T> query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
