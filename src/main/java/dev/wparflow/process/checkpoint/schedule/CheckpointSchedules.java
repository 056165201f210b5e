package dev.wparflow.process.checkpoint.schedule;

import static dev.wparflow.process.checkpoint.schedule.CheckpointScheduleVariables.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.wparflow.engine.InputContract;
import dev.wparflow.process.InputRules;

/**
 * The checkpoint schedules: one running WparCheckpointScheduleProcess per WPAR (business key
 * {@code checkpoint-schedule:LPAR/WPAR}), each a timer cycle of {@code interval} that takes a checkpoint and keeps
 * the newest {@code keep}. Set by REST (PUT /api/checkpoints/schedules, DELETE to stop) or by
 * {@code wparflow.checkpoint.schedules} (a list of {@code LPAR/WPAR:INTERVAL:KEEP}, e.g.
 * {@code lpar00/mob01:PT6H:3}), which is applied when the application is ready: a schedule listed there is started,
 * or replaced when its interval or retention changed; schedules set by REST are left as they are. The instances are
 * the application's own (started, listed and deleted without the caller's engine authentication, after the values
 * passed {@link CheckpointScheduleInputs#schedule}); whoever may call /api may set them.
 */
@Service
public class CheckpointSchedules {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedules.class);

    /** One schedule as configured or listed; {@code nextCheckpoint} is its timer's due date, when waiting. */
    public record Schedule(String lpar, String wpar, String interval, long keep, String instanceId,
            java.util.Date nextCheckpoint, String lastOutcome, Long cycles) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final InputContract contract;
    private final List<String> configured;

    public CheckpointSchedules(RuntimeService runtime, ManagementService management, IdentityService identity,
            InputRules rules, @Value("${wparflow.checkpoint.schedules:}") List<String> configured) {
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.contract = CheckpointScheduleInputs.schedule(rules);
        this.configured = configured == null ? List.of() : configured.stream().filter(s -> !s.isBlank()).toList();
    }

    /** {@code LPAR/WPAR:INTERVAL:KEEP}; anything else is refused with the entry. */
    public static Schedule parse(String entry) {
        String[] parts = entry.strip().split(":");
        String[] target = parts[0].split("/");
        if (parts.length != 3 || target.length != 2) {
            throw new IllegalArgumentException("wparflow.checkpoint.schedules: '" + entry
                    + "' is not LPAR/WPAR:INTERVAL:KEEP (e.g. lpar00/mob01:PT6H:3)");
        }
        try {
            Duration.parse(parts[1]);
            return new Schedule(target[0], target[1], parts[1], Long.parseLong(parts[2]), null, null, null, null);
        } catch (DateTimeParseException | NumberFormatException bad) {
            throw new IllegalArgumentException("wparflow.checkpoint.schedules: '" + entry + "': " + bad.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void applyConfigured() {
        for (String entry : configured) {
            Schedule s = parse(entry);
            Optional<Schedule> running = find(s.lpar(), s.wpar());
            if (running.isPresent() && running.get().interval().equals(s.interval())
                    && running.get().keep() == s.keep()) {
                continue;
            }
            set(s.lpar(), s.wpar(), s.interval(), s.keep());
            log.info("checkpoint schedule of {}/{} from wparflow.checkpoint.schedules: every {}, keep {}", s.lpar(),
                    s.wpar(), s.interval(), s.keep());
        }
    }

    /**
     * Starts the schedule of LPAR/WPAR, replacing the one it had. The values are checked against the model's input
     * contract first ({@link dev.wparflow.engine.InputRefusedException} naming the field).
     */
    public Schedule set(String lpar, String wpar, String interval, long keep) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(LPAR.name(), lpar);
        variables.put(WPAR.name(), wpar);
        variables.put(INTERVAL.name(), interval);
        variables.put(KEEP.name(), keep);
        Map<String, InputContract.Given> given = new LinkedHashMap<>();
        variables.forEach((k, v) -> given.put(k, new InputContract.Given(v instanceof Long ? "Long" : "String",
                v)));
        contract.check(given);
        return asApplication(() -> {
            stop(lpar, wpar);
            ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_ID, businessKey(lpar, wpar),
                    variables);
            return find(lpar, wpar).orElseGet(() -> new Schedule(lpar, wpar, interval, keep, instance.getId(), null,
                    null, null));
        });
    }

    /** Stops the schedule of LPAR/WPAR (its instance deleted); false when it had none. */
    public boolean stop(String lpar, String wpar) {
        return asApplication(() -> {
            List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                    .processInstanceBusinessKey(businessKey(lpar, wpar)).list();
            running.forEach(i -> runtime.deleteProcessInstance(i.getId(), "checkpoint schedule stopped"));
            return !running.isEmpty();
        });
    }

    public Optional<Schedule> find(String lpar, String wpar) {
        return asApplication(() -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(businessKey(lpar, wpar)).list().stream().findFirst()
                .map(this::schedule));
    }

    public List<Schedule> list() {
        return asApplication(() -> {
            List<Schedule> out = new ArrayList<>();
            runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).orderByBusinessKey().asc().list()
                    .forEach(i -> out.add(schedule(i)));
            return out;
        });
    }

    /** Runs {@code work} as the application (no engine authentication), then restores the caller's. */
    private <T> T asApplication(java.util.function.Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }

    private Schedule schedule(ProcessInstance i) {
        Map<String, Object> v = runtime.getVariables(i.getId());
        Job timer = management.createJobQuery().processInstanceId(i.getId()).timers().singleResult();
        Object keep = v.get(KEEP.name());
        Object cycles = v.get(CYCLES.name());
        return new Schedule(String.valueOf(v.get(LPAR.name())), String.valueOf(v.get(WPAR.name())),
                String.valueOf(v.get(INTERVAL.name())), keep instanceof Number n ? n.longValue() : 0, i.getId(),
                timer == null ? null : timer.getDuedate(), (String) v.get(LAST_OUTCOME.name()),
                cycles instanceof Number n ? n.longValue() : null);
    }
}
