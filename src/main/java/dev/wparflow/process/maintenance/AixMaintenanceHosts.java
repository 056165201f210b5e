package dev.wparflow.process.maintenance;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.WparName;
import dev.wparflow.inventory.FleetDiscoveryService;

/** {@link MaintenanceHosts} through the aix layer and the software services. */
@Component
class AixMaintenanceHosts implements MaintenanceHosts {

    private final AixGateway aix;
    private final FleetDiscoveryService discovery;

    AixMaintenanceHosts(AixGateway aix, FleetDiscoveryService discovery) {
        this.aix = aix;
        this.discovery = discovery;
    }

    @Override
    public Preview preview(Origin origin, String lpar, MaintenanceUpdate update) {
        throw new UnsupportedOperationException("preview");
    }

    @Override
    public List<HostWpar> wpars(Origin origin, String lpar) {
        return aix.on(lpar, origin).wpars(List.of(LswparField.NAME, LswparField.STATE)).stream()
                .map(w -> new HostWpar(w.name(), w.state().word())).toList();
    }

    @Override
    public AixCommand applyCommand(MaintenanceUpdate update) {
        throw new UnsupportedOperationException("apply");
    }

    @Override
    public Applied applied(MaintenanceUpdate update, Integer exitStatus, String stdout, String stderr) {
        throw new UnsupportedOperationException("applied");
    }

    @Override
    public Synced sync(Origin origin, String lpar, String wpar) {
        throw new UnsupportedOperationException("sync");
    }

    @Override
    public Levels levels(Origin origin, String lpar, String wpar, List<String> filesets) {
        throw new UnsupportedOperationException("levels");
    }

    @Override
    public void startWpar(Origin origin, String lpar, String wpar) {
        aix.on(lpar, origin).start(WparName.of(wpar));
    }

    @Override
    public void refreshInventory(Origin origin, String lpar) {
        discovery.refreshLpar(lpar, origin);
    }
}
