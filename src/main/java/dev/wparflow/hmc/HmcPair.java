package dev.wparflow.hmc;

import java.util.Objects;

/**
 * The HMCs that manage one managed system: {@code preferred} is used when neither has a live session;
 * {@code other} may be null for a system behind a single HMC. Names are SSH endpoint names.
 */
public record HmcPair(String managedSystem, String preferred, String other) {

    public HmcPair {
        Objects.requireNonNull(managedSystem, "managedSystem");
        Objects.requireNonNull(preferred, "preferred");
        if (preferred.equals(other)) {
            other = null;
        }
    }

    public static HmcPair single(String managedSystem, String hmc) {
        return new HmcPair(managedSystem, hmc, null);
    }

    public boolean dual() {
        return other != null;
    }
}
