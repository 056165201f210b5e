package dev.wparflow.simulator.spring;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetFiles;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.HostRuntime;

/**
 * The embedded default: starts the simulated fleet in-process when
 * {@code wparflow.simulator.enabled=true} (profile "embedded") and stops it on shutdown. The fleet keeps its state in
 * its data directory across restarts ({@code keep-state}); {@code --reset} starts it from the fleet file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "wparflow.simulator", name = "enabled", havingValue = "true")
public class SimulatorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    public Fleet simulatedFleet(@Value("${wparflow.simulator.fleet:" + FleetFiles.DEFAULT + "}") String fleetFile,
                                @Value("${wparflow.simulator.data-dir:data/simulator}") String dataDir,
                                @Value("${wparflow.simulator.time-scale:#{null}}") Double timeScale,
                                @Value("${wparflow.simulator.random-ports:false}") boolean randomPorts,
                                @Value("${wparflow.simulator.keep-state:true}") boolean keepState,
                                @Value("${wparflow.reset:false}") boolean reset) throws IOException {
        FleetOptions o = FleetOptions.defaults().dataDir(Path.of(dataDir)).timeScale(timeScale).randomPorts(randomPorts)
                .keepState(keepState).resetState(reset);
        Fleet fleet = Fleet.start(FleetFiles.load(fleetFile), o);
        for (HostRuntime h : fleet.hosts()) {
            LOG.info("simulated AIX host {} listening on 127.0.0.1:{}", h.name(), h.port());
        }
        LOG.info("simulator client key {}, known_hosts {}, inventory {}", fleet.clientKeyPath().toAbsolutePath(),
                fleet.knownHostsPath().toAbsolutePath(), fleet.inventoryPath().toAbsolutePath());
        return fleet;
    }
}
