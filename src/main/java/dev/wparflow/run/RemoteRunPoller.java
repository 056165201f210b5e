package dev.wparflow.run;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every node polls; the per-host poller lease lets one node at a time ask a host. */
@Component
@ConditionalOnProperty(name = "wparflow.runs.poller.enabled", havingValue = "true", matchIfMissing = true)
public class RemoteRunPoller {

    private final RemoteRunService runs;

    public RemoteRunPoller(RemoteRunService runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${wparflow.runs.poll-interval:PT5S}", initialDelayString = "${wparflow.runs.poll-interval:PT5S}")
    public void poll() {
        runs.pollAll();
    }
}
