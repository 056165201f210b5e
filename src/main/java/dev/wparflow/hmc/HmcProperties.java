package dev.wparflow.hmc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wparflow.hmc.managed-systems.<system>=hmc01,hmc02}: the HMCs of each managed system, preferred
 * first. Names are SSH endpoints (wparflow.ssh.endpoints or the inventory).
 */
@ConfigurationProperties(prefix = "wparflow.hmc")
public class HmcProperties implements HmcPairResolver {

    private Map<String, List<String>> managedSystems = new LinkedHashMap<>();

    public Map<String, List<String>> getManagedSystems() {
        return managedSystems;
    }

    public void setManagedSystems(Map<String, List<String>> managedSystems) {
        this.managedSystems = managedSystems;
    }

    @Override
    public Optional<HmcPair> forManagedSystem(String managedSystem) {
        List<String> hmcs = managedSystems.get(managedSystem);
        if (hmcs == null || hmcs.isEmpty()) {
            return Optional.empty();
        }
        if (hmcs.size() > 2) {
            throw new IllegalStateException("managed system " + managedSystem + " lists " + hmcs.size()
                    + " HMCs; a managed system has one or two");
        }
        return Optional.of(new HmcPair(managedSystem, hmcs.get(0), hmcs.size() > 1 ? hmcs.get(1) : null));
    }
}
