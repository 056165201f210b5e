package dev.wparflow.process.checkpoint;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.wparflow.aix.AbsolutePath;

/**
 * {@code wparflow.checkpoint.*}: the directory on the shared repository (an NFS path every LPAR that may restart a
 * WPAR mounts, as relocation and backup use) under which each checkpoint gets a directory of its own, and the lease
 * of the WPAR's lock while a checkpoint or restart runs.
 */
@Component("checkpointSettings")
public class CheckpointSettings {

    private final AbsolutePath directory;
    private final Duration lease;

    @Autowired
    public CheckpointSettings(@Value("${wparflow.checkpoint.directory:/images/checkpoints}") String directory,
            @Value("${wparflow.checkpoint.lease:PT1H}") Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("wparflow.checkpoint.lease must be positive: " + lease);
        }
        this.directory = AbsolutePath.of(directory);
        this.lease = lease;
    }

    /** Defaults, for tests without Spring. */
    public static CheckpointSettings defaults() {
        return new CheckpointSettings("/images/checkpoints", Duration.ofHours(1));
    }

    public AbsolutePath directory() {
        return directory;
    }

    public Duration lease() {
        return lease;
    }
}
