package dev.wparflow.process.relocation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RelocationConfiguration {

    /** Replaced by the inventory's implementation once it exists. */
    @Bean
    @ConditionalOnMissingBean(RelocationInventory.class)
    RelocationInventory loggingRelocationInventory() {
        return new LoggingRelocationInventory();
    }
}
