package dev.wparflow.inventory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The inventory's beans: asked first by the SSH pool and the HMC selector; the configured resolvers come after. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
public class InventoryConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    FleetInventory fleetInventory(InventoryProperties properties) {
        return new FleetInventory(properties);
    }
}
