package dev.wparflow.lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the leases of owners that are still at work from expiring: a relocation waiting hours for savewpar, restwpar
 * or movewpar, or stopped at an incident until an operator looks, keeps its WPAR and hosts. Every
 * {@code wparflow.locks.renew-interval} (default PT1M, well below the shortest lease of a process: relocation and
 * backup default to PT12H) each node renews the leases whose owner {@link LiveLeaseOwners} vouches for, each by its own
 * length, conditional on owner and fencing token. Expiry remains what frees the leases of an owner that is gone
 * without releasing them (a process instance deleted in Cockpit): nobody renews those.
 */
@Component
@ConditionalOnProperty(name = "wparflow.locks.renewer.enabled", havingValue = "true", matchIfMissing = true)
public class LeaseRenewer {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewer.class);

    private final LeaseLockService leases;
    private final LiveLeaseOwners owners;

    public LeaseRenewer(LeaseLockService leases, LiveLeaseOwners owners) {
        this.leases = leases;
        this.owners = owners;
    }

    @Scheduled(fixedDelayString = "${wparflow.locks.renew-interval:PT1M}", initialDelayString = "PT1S")
    public void renew() {
        try {
            LeaseLockService.Renewal renewal = leases.renewLive(owners::alive);
            if (!renewal.renewed().isEmpty()) {
                log.debug("renewed {} lease(s)", renewal.renewed().size());
            }
        } catch (RuntimeException failure) {
            log.warn("renewing leases failed, next round retries: {}", failure.getMessage());
        }
    }
}
