package dev.wparflow.run;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every node runs the watcher's rounds; the per-host poller lease lets one node at a time wait on a host. */
@Component
@ConditionalOnProperty(name = "wparflow.runs.poller.enabled", havingValue = "true", matchIfMissing = true)
public class RemoteRunPoller {

    private final RunWatcher watcher;

    public RemoteRunPoller(RunWatcher watcher) {
        this.watcher = watcher;
    }

    @Scheduled(fixedDelayString = "${wparflow.runs.poll-interval:PT5S}", initialDelayString = "${wparflow.runs.poll-interval:PT5S}")
    public void poll() {
        watcher.round();
    }
}
