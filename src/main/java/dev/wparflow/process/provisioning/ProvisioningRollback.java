package dev.wparflow.process.provisioning;

import static dev.wparflow.process.provisioning.ProvisioningRecord.Created.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.Lswpar;
import dev.wparflow.aix.NimObjectName;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparLifecycle;
import dev.wparflow.aix.WparName;
import dev.wparflow.process.provisioning.ProvisioningRecord.Created;
import dev.wparflow.process.provisioning.ProvisioningRecord.Planned;
import dev.wparflow.run.RemoteRunService;

/**
 * Undoes a failed provisioning: exactly what the record says this run created, newest first, each only if it is
 * there (a creation may have failed before it made it): the WPAR ({@code rmwpar -F}, which stops it first), the NIM
 * machine and resource ({@code nim -o remove}), the spec files ({@code rm -f}). A creation still running is cancelled
 * first. Nothing that existed before the run is touched: the plan found the names free and the leases kept them so.
 * What cannot be removed (its host does not answer) is reported by an exception: the step retries, then an incident
 * names it, and the leases stay visibly held until it is gone.
 */
@Service
public class ProvisioningRollback {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRollback.class);

    private final AixGateway aix;
    private final ProvisioningRecord record;
    private final RemoteRunService runs;

    public ProvisioningRollback(AixGateway aix, ProvisioningRecord record, RemoteRunService runs) {
        this.aix = aix;
        this.record = record;
        this.runs = runs;
    }

    /** Removes what the run created; returns what it removed, in words ("nothing was created" when nothing). */
    public String rollBack(Origin origin, String operationId, String runId) {
        Optional<Planned> planned = record.find(operationId);
        if (planned.isEmpty() || planned.get().created().isEmpty()) {
            return "nothing was created";
        }
        if (runId != null) {
            runs.find(runId).filter(r -> !r.finished()).ifPresent(r -> runs.cancel(runId, origin));
        }
        List<Created> items = new ArrayList<>(planned.get().created());
        java.util.Collections.reverse(items);
        List<String> removed = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Created item : items) {
            if (remove(origin, item)) {
                removed.add(item.toString());
            } else {
                absent.add(item.toString());
            }
            record.removed(operationId, item);
        }
        String report = (removed.isEmpty() ? "nothing to remove" : "removed " + String.join(", ", removed))
                + (absent.isEmpty() ? "" : " (never made: " + String.join(", ", absent) + ")");
        log.info("provisioning {} rolled back: {}", operationId, report);
        return report;
    }

    /** Removes one item if it is there; whether it was. */
    private boolean remove(Origin origin, Created item) {
        switch (item.kind()) {
            case WPAR -> {
                WparName wpar = WparName.of(item.name());
                Optional<WparInfo> w = aix.on(item.host(), origin).wpar(wpar, Lswpar.DEFAULT_FIELDS);
                if (w.isEmpty()) {
                    return false;
                }
                aix.on(item.host(), origin).remove(wpar, WparLifecycle.Remove.FORCE);
                return true;
            }
            case NIM_MACHINE, NIM_RESOURCE -> {
                NimObjectName name = new NimObjectName(item.name());
                var nim = aix.nim(item.host(), origin);
                if (nim.object(name).isEmpty()) {
                    return false;
                }
                nim.remove(name);
                return true;
            }
            default -> {
                aix.on(item.host(), origin).removeFiles(List.of(AbsolutePath.of(item.name())));
                return true;
            }
        }
    }
}
