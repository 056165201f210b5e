package dev.wparflow.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wparflow.inventory.file}: the inventory YAML (docs/inventory.md), re-read when it changes. Small fleets may
 * instead (or in addition) list the same entries inline: {@code wparflow.inventory.lpars[0].name=lpar00}, … (a
 * managed system's HMCs then as {@code hmcs: hmc01,hmc02}). Entries from both are validated together.
 */
@ConfigurationProperties(prefix = "wparflow.inventory")
public class InventoryProperties {

    private String file;
    /** How often, at most, the file's modification time is looked at. */
    private Duration checkInterval = Duration.ofSeconds(1);
    private List<Map<String, Object>> managedSystems = new ArrayList<>();
    private List<Map<String, Object>> hmcs = new ArrayList<>();
    private List<Map<String, Object>> lpars = new ArrayList<>();
    private List<Map<String, Object>> nimMasters = new ArrayList<>();
    private List<Map<String, Object>> nfsServers = new ArrayList<>();
    private Map<String, Object> imageRepository;

    /** The inline entries as the reader's map (keys as in the file), or an empty map. */
    public Map<String, Object> inline() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "managed-systems", managedSystems);
        put(m, "hmcs", hmcs);
        put(m, "lpars", lpars);
        put(m, "nim-masters", nimMasters);
        put(m, "nfs-servers", nfsServers);
        if (imageRepository != null && !imageRepository.isEmpty()) {
            m.put("image-repository", imageRepository);
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, List<Map<String, Object>> list) {
        if (list != null && !list.isEmpty()) {
            m.put(key, list);
        }
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public Duration getCheckInterval() {
        return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    public List<Map<String, Object>> getManagedSystems() {
        return managedSystems;
    }

    public void setManagedSystems(List<Map<String, Object>> managedSystems) {
        this.managedSystems = managedSystems;
    }

    public List<Map<String, Object>> getHmcs() {
        return hmcs;
    }

    public void setHmcs(List<Map<String, Object>> hmcs) {
        this.hmcs = hmcs;
    }

    public List<Map<String, Object>> getLpars() {
        return lpars;
    }

    public void setLpars(List<Map<String, Object>> lpars) {
        this.lpars = lpars;
    }

    public List<Map<String, Object>> getNimMasters() {
        return nimMasters;
    }

    public void setNimMasters(List<Map<String, Object>> nimMasters) {
        this.nimMasters = nimMasters;
    }

    public List<Map<String, Object>> getNfsServers() {
        return nfsServers;
    }

    public void setNfsServers(List<Map<String, Object>> nfsServers) {
        this.nfsServers = nfsServers;
    }

    public Map<String, Object> getImageRepository() {
        return imageRepository;
    }

    public void setImageRepository(Map<String, Object> imageRepository) {
        this.imageRepository = imageRepository;
    }
}
