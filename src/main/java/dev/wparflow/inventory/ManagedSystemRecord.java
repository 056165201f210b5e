package dev.wparflow.inventory;

import java.time.Instant;

/** A managed system as discovered through its HMC ({@code lssyscfg -r sys}); lastError: the last failed attempt. */
public record ManagedSystemRecord(String name, String state, String typeModel, String serial, String viaHmc,
        Instant discoveredAt, String lastError, Instant lastErrorAt) {
}
