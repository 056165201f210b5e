package dev.wparflow.process.backup.global;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.wparflow.catalog.RetentionPolicy;

/**
 * {@code wparflow.backup.global.*}: backups of the global environments (GlobalBackupProcess).
 *
 * @param order      where the nightly fleet backup takes them: {@code before} or {@code after} the WPAR backups, or
 *                   {@code off}
 * @param timeout    how long one mksysb or savevg may run before it is cancelled and the backup fails
 * @param lease      lease of the LPAR ({@code host:LPAR}) while the backup runs (renewed while the instance lives)
 * @param keepMksysb retention: mksysb images kept per LPAR (0 = no count rule; the newest is always kept)
 * @param keepSavevg retention: savevg images kept per LPAR and volume group
 * @param keepDays   retention: days an image is kept (0 = no age rule); with a count rule, either keeps an image
 */
@ConfigurationProperties(prefix = "wparflow.backup.global")
public record GlobalBackupSettings(String order, Duration timeout, Duration lease, Integer keepMksysb,
        Integer keepSavevg, Integer keepDays) {

    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String OFF = "off";

    public GlobalBackupSettings {
        order = order == null ? AFTER : order.strip().toLowerCase(java.util.Locale.ROOT);
        timeout = timeout == null ? Duration.ofHours(6) : timeout;
        lease = lease == null ? Duration.ofHours(12) : lease;
        keepMksysb = keepMksysb == null ? 3 : keepMksysb;
        keepSavevg = keepSavevg == null ? 3 : keepSavevg;
        keepDays = keepDays == null ? 0 : keepDays;
        if (!order.equals(BEFORE) && !order.equals(AFTER) && !order.equals(OFF)) {
            throw new IllegalArgumentException("wparflow.backup.global.order must be before, after or off, not " + order);
        }
    }

    public RetentionPolicy retention(String kind) {
        int keep = "savevg".equals(kind) ? keepSavevg : keepMksysb;
        return new RetentionPolicy(keep, keepDays > 0 ? Duration.ofDays(keepDays) : null);
    }
}
