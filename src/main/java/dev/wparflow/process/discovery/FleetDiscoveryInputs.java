package dev.wparflow.process.discovery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;

/** Discovery takes no input: it runs on its timer or on POST /api/discovery (message FleetDiscoveryRequested). */
@Configuration(proxyBeanMethods = false)
class FleetDiscoveryInputs {

    @Bean
    InputContract fleetDiscoveryContract() {
        return InputContract.operation(FleetDiscoveryVariables.PROCESS_ID)
                .internal(FleetDiscoveryVariables.INITIATOR.name());
    }
}
