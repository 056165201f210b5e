package dev.wparflow.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.audit.CommandRecord;
import dev.wparflow.audit.CommandTranscriptService;
import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.process.OperationSubject;
import dev.wparflow.process.OperationSubject.State;
import dev.wparflow.process.refusal.RefusalNoticeVariables;

/**
 * Operations as the operator sees them after the fact: every top-level process instance the caller may read, with
 * who started it, how it ended and why, and for one operation its steps (its called processes' included), the
 * commands it ran and the images it made. Which instances the caller may read is Camunda's decision (the starter and
 * camunda-admin, {@link ProcessInstanceAccess}); the details of a readable operation are then read as the engine.
 */
@Component
public class OperationHistory {

    /** processes that are not operations of their own: the notice of a refusal belongs to the refused operation */
    static final List<String> NOT_OPERATIONS = List.of(RefusalNoticeVariables.PROCESS_ID);
    /** how many operations a state filter looks through, newest first */
    static final int STATE_SCAN_LIMIT = 5000;
    private static final int BATCH = 200;

    private final HistoryService history;
    private final ProcessInstanceAccess access;
    private final CommandTranscriptService transcripts;
    private final ImageCatalog catalog;

    public OperationHistory(HistoryService history, ProcessInstanceAccess access, CommandTranscriptService transcripts,
            ImageCatalog catalog) {
        this.history = history;
        this.access = access;
        this.transcripts = transcripts;
        this.catalog = catalog;
    }

    public record Summary(String id, String processKey, String processName, String subject, String startedBy,
            Instant startedAt, Instant endedAt, State state, String outcome, String reason) {
    }

    public record Step(String processInstanceId, String processKey, String activityId, String name, String type,
            Instant startedAt, Instant endedAt, Long durationMs, boolean canceled) {
    }

    public record Incident(String processInstanceId, String activityId, String message, Instant createdAt) {
    }

    public record Detail(Summary operation, List<Step> steps, List<CommandRecord> commands, List<CatalogImage> images,
            List<Incident> openIncidents) {
    }

    public record Page(List<Summary> operations, int firstResult, int maxResults, long total) {
    }

    /** Newest first; every filter may be null. */
    public Page list(String processKey, State state, String startedBy, int firstResult, int maxResults) {
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().rootProcessInstances()
                .processDefinitionKeyNotIn(NOT_OPERATIONS);
        if (processKey != null) {
            query.processDefinitionKey(processKey);
        }
        if (startedBy != null) {
            query.startedBy(startedBy);
        }
        if (state == State.RUNNING) {
            query.unfinished();
        } else if (state != null) {
            query.finished();
        }
        query.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().asc();
        if (state == null || state == State.RUNNING) {
            return new Page(summaries(query.listPage(firstResult, maxResults)), firstResult, maxResults, query.count());
        }
        // the state of a finished operation is in its variables: look through the newest, keep the matching page
        List<Summary> page = new ArrayList<>();
        long matched = 0;
        for (int offset = 0; offset < STATE_SCAN_LIMIT; offset += BATCH) {
            List<HistoricProcessInstance> batch = query.listPage(offset, BATCH);
            for (Summary s : summaries(batch)) {
                if (s.state() == state) {
                    if (matched >= firstResult && page.size() < maxResults) {
                        page.add(s);
                    }
                    matched++;
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return new Page(page, firstResult, maxResults, matched);
    }

    /** One operation (a top-level instance the caller may read), else 404. */
    public Detail detail(String id) {
        access.requireReadable(id);
        return access.asEngine(() -> {
            HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (root == null || (root.getRootProcessInstanceId() != null && !id.equals(root.getRootProcessInstanceId()))) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "process instance " + id
                        + " is part of operation " + (root == null ? "?" : root.getRootProcessInstanceId()));
            }
            Map<String, HistoricProcessInstance> members = new HashMap<>();
            members.put(id, root);
            history.createHistoricProcessInstanceQuery().rootProcessInstanceId(id).list()
                    .forEach(p -> members.put(p.getId(), p));
            List<Step> steps = new ArrayList<>();
            List<CommandRecord> commands = new ArrayList<>();
            List<Incident> incidents = new ArrayList<>();
            for (HistoricProcessInstance member : members.values()) {
                history.createHistoricActivityInstanceQuery().processInstanceId(member.getId()).list().stream()
                        .filter(a -> !a.getActivityType().toLowerCase(java.util.Locale.ROOT).contains("gateway"))
                        .map(a -> step(member, a)).forEach(steps::add);
                commands.addAll(transcripts.forProcessInstance(member.getId()));
                history.createHistoricIncidentQuery().processInstanceId(member.getId()).open().list()
                        .forEach(i -> incidents.add(new Incident(member.getId(), i.getActivityId(),
                                i.getIncidentMessage(), instant(i.getCreateTime()))));
            }
            steps.sort(Comparator.comparing(Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Step::endedAt, Comparator.nullsLast(Comparator.naturalOrder())));
            commands.sort(Comparator.comparingLong(CommandRecord::seq));
            return new Detail(summaries(List.of(root)).get(0), steps, commands, catalog.madeBy(members.keySet()),
                    incidents);
        });
    }

    private List<Summary> summaries(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> variables = variables(instances.stream().map(HistoricProcessInstance::getId)
                .toList());
        return instances.stream().map(p -> {
            Map<String, Object> v = variables.getOrDefault(p.getId(), Map.of());
            boolean canceled = HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(p.getState())
                    || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(p.getState());
            State state = OperationSubject.state(p.getEndTime() != null, canceled, v::get);
            Object outcome = v.get("outcome");
            return new Summary(p.getId(), p.getProcessDefinitionKey(), p.getProcessDefinitionName(),
                    OperationSubject.of(p.getProcessDefinitionKey(), p.getProcessDefinitionName(), v::get),
                    p.getStartUserId(), instant(p.getStartTime()), instant(p.getEndTime()), state,
                    outcome == null ? null : outcome.toString(),
                    state == State.CANCELED ? orElse(p.getDeleteReason(), OperationSubject.reason(v::get))
                            : OperationSubject.reason(v::get));
        }).toList();
    }

    /** The process-scope variables the subject and outcome are read from, by instance (read as the engine). */
    private Map<String, Map<String, Object>> variables(Collection<String> ids) {
        Set<String> visible = new LinkedHashSet<>(ids);
        List<HistoricVariableInstance> rows = access.asEngine(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(visible.toArray(String[]::new)).variableNameIn(OperationSubject.VARIABLES)
                .disableCustomObjectDeserialization().list());
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        for (HistoricVariableInstance row : rows) {
            Map<String, Object> v = byInstance.computeIfAbsent(row.getProcessInstanceId(), k -> new HashMap<>());
            // the process's own variable wins over a local one of the same name
            boolean processScope = row.getProcessInstanceId().equals(row.getActivityInstanceId())
                    || row.getProcessInstanceId().equals(row.getExecutionId());
            if (processScope || !v.containsKey(row.getName())) {
                v.put(row.getName(), row.getValue());
            }
        }
        return byInstance;
    }

    private static Step step(HistoricProcessInstance member, HistoricActivityInstance a) {
        return new Step(member.getId(), member.getProcessDefinitionKey(), a.getActivityId(), a.getActivityName(),
                a.getActivityType(), instant(a.getStartTime()), instant(a.getEndTime()), a.getDurationInMillis(),
                a.isCanceled());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
