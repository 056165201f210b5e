package dev.wparflow.process.relocation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RelocationConfiguration {

    /** Records the relocation's progress in the inventory tables. */
    @Bean
    @ConditionalOnMissingBean(RelocationInventory.class)
    RelocationInventory relocationInventory(dev.wparflow.inventory.InventoryRepository inventory) {
        return new InventoryRelocationRecords(inventory);
    }
}
