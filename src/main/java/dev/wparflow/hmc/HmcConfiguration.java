package dev.wparflow.hmc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.ssh.SshSessionPool;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HmcProperties.class)
public class HmcConfiguration {

    /** Resolvers in order: the inventory's (when it exists, ordered before), then wparflow.hmc.managed-systems. */
    @Bean
    HmcSelector hmcSelector(SshSessionPool ssh, ObjectProvider<HmcPairResolver> resolvers) {
        return new HmcSelector(ssh, resolvers.orderedStream().toList());
    }
}
