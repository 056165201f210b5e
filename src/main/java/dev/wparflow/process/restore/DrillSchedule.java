package dev.wparflow.process.restore;

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
}
