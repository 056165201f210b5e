package dev.wparflow.process.preflight;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code wparflow.preflight.at-start} (set by the {@code prod} profile), the hosts that have no preflight yet
 * are checked once the application is ready, unless a preflight is still going on from before a restart. The
 * application starts it, with no user, as discovery's timer does.
 */
@Component
public class PreflightAtStartup {

    private static final Logger log = LoggerFactory.getLogger(PreflightAtStartup.class);

    private final RuntimeService runtime;
    private final PreflightService preflight;
    private final PreflightSettings settings;

    public PreflightAtStartup(RuntimeService runtime, PreflightService preflight, PreflightSettings settings) {
        this.runtime = runtime;
        this.preflight = preflight;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void applicationReady() {
        if (!settings.atStart()) {
            return;
        }
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(PreflightVariables.PROCESS_ID)
                .active().count();
        if (running > 0) {
            log.info("preflight at start-up skipped: {} run(s) still going on", running);
            return;
        }
        List<String> hosts = preflight.neverPreflighted();
        if (hosts.isEmpty()) {
            return;
        }
        var start = runtime.createProcessInstanceByKey(PreflightVariables.PROCESS_ID);
        // none checked yet: every host, without a selection (which could outgrow a text variable)
        if (!hosts.equals(preflight.allHosts())) {
            start.setVariable(PreflightVariables.HOSTS.name(), String.join(",", hosts));
        }
        String id = start.execute().getId();
        log.info("preflight {} started for the hosts never checked: {}", id, hosts);
    }
}
