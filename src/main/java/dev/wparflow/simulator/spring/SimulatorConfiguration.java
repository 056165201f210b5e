package dev.wparflow.simulator.spring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.inventory.FleetInventory;
import dev.wparflow.simulator.Fleet;
import dev.wparflow.simulator.FleetFiles;
import dev.wparflow.simulator.FleetOptions;
import dev.wparflow.simulator.HostRuntime;
import dev.wparflow.ssh.SshSessionPool;

/**
 * The embedded default: starts the simulated fleet in-process when
 * {@code wparflow.simulator.enabled=true} (profile "embedded") and stops it on shutdown. The fleet keeps its state in
 * its data directory across restarts ({@code keep-state}); {@code --reset} starts it from the fleet file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "wparflow.simulator", name = "enabled", havingValue = "true")
public class SimulatorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorConfiguration.class);

    /**
     * The fleet starts before the inventory and the SSH pool are made: it writes the inventory file, known_hosts and
     * the client key they read, so a first start finds them (no "does not exist (yet)" warnings).
     */
    @Bean
    static BeanFactoryPostProcessor simulatedFleetFirst() {
        return factory -> {
            for (Class<?> reader : List.of(FleetInventory.class, SshSessionPool.class)) {
                for (String name : factory.getBeanNamesForType(reader, true, false)) {
                    BeanDefinition d = factory.getBeanDefinition(name);
                    List<String> after = new ArrayList<>(d.getDependsOn() == null ? List.of()
                            : Arrays.asList(d.getDependsOn()));
                    after.add("simulatedFleet");
                    d.setDependsOn(after.toArray(String[]::new));
                }
            }
        };
    }

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
