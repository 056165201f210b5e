package dev.wparflow.process.relocation;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.LparName;
import dev.wparflow.aix.WparName;
import dev.wparflow.lock.LockResource;

/**
 * One relocation as the steps see it: the WPAR, the departing and arriving LPARs (their SSH endpoint names), the
 * owner of its lease locks (the process instance that took them) and the relocation id that names its image.
 */
public record Relocation(String wpar, String departing, String arriving, String lockOwner, String relocationId) {

    public Relocation {
        WparName.of(wpar);
        LparName.of(departing);
        LparName.of(arriving);
        if (departing.equals(arriving)) {
            throw new IllegalArgumentException("departing and arriving LPAR are both " + departing);
        }
    }

    public WparName name() {
        return WparName.of(wpar);
    }

    /** One image per relocation on the shared repository: {@code DIR/<wpar>-<relocationId>.bff}. */
    public AbsolutePath image(RelocationSettings settings) {
        return AbsolutePath.of(settings.imageDirectory() + "/" + wpar + "-" + relocationId + ".bff");
    }

    /** The departing WPAR's spec file (Table 4-2 row 5), beside the image. */
    public AbsolutePath spec(RelocationSettings settings) {
        return AbsolutePath.of(settings.imageDirectory() + "/" + wpar + "-" + relocationId + ".spec");
    }

    public LockResource departureLock() {
        return LockResource.wpar(departing, wpar);
    }

    public LockResource arrivalLock() {
        return LockResource.wpar(arriving, wpar);
    }
}
