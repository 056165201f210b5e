package dev.wparflow.process.restore.drill;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * {@code ${restoreDrillSchedule.cron}}, read by the timer start event of RestoreDrillProcess when the model is deployed;
 * depends on the settings only (the engine is still being built then).
 */
@Component("restoreDrillSchedule")
public class DrillSchedule {

    private final DrillSettings settings;

    public DrillSchedule(DrillSettings settings) {
        this.settings = settings;
    }

    public String getCron() {
        return settings.schedule();
    }

    /** The drill's image ids (comma-separated variable) as the collection of its multi-instance subprocess. */
    public List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
