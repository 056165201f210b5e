package dev.wparflow.process.restore.drill;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wparflow.backup.drill.*}: the restore drill (RestoreDrillProcess).
 *
 * @param schedule     cron of the drill (Quartz form with seconds), default Sundays 04:00
 * @param lpar         the designated LPAR the images are restored on; none = the drill does nothing
 * @param sample       how many WPARs per drill (their newest GOOD image; never drilled first, then the longest ago)
 * @param scratchName  the scratch WPAR name (also its hostname); never a production name
 * @param address      the scratch WPAR's address, free on the designated LPAR
 * @param volumeGroup  optional: restore into this volume group (the image.data edited as for a clone)
 */
@ConfigurationProperties(prefix = "wparflow.backup.drill")
public record DrillSettings(String schedule, String lpar, Integer sample, String scratchName, String address,
        String volumeGroup) {

    public DrillSettings {
        schedule = schedule == null ? "0 0 4 ? * SUN" : schedule;
        sample = sample == null ? 3 : sample;
        scratchName = scratchName == null ? "drill00" : scratchName;
    }
}
