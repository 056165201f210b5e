package dev.wparflow.hmc;

import java.util.Optional;

/** Managed system name to its HMC pair. The inventory implements it; {@link HmcProperties} is the configured fallback. */
public interface HmcPairResolver {

    Optional<HmcPair> forManagedSystem(String managedSystem);
}
