package dev.wparflow.web.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContracts;

/** The engine REST API's input and start checks ({@link EngineStartFilter}) and its refusal statuses. */
@Configuration(proxyBeanMethods = false)
class EngineGuardWebConfig {

    @Bean
    FilterRegistrationBean<EngineStartFilter> engineStartFilter(InputContracts contracts, RepositoryService repository,
            IdentityService identity, ProcessEngineConfiguration configuration,
            @Value("${wparflow.security.api-deployments:true}") boolean deploymentsAllowed) {
        FilterRegistrationBean<EngineStartFilter> registration = new FilterRegistrationBean<>(
                new EngineStartFilter(contracts, repository, identity, configuration, deploymentsAllowed));
        registration.setName("wparflow-engine-start-check");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // after wparflow-rest-authentication (10): the caller is known
        registration.setOrder(20);
        return registration;
    }

    @Bean
    ResourceConfigCustomizer refusalStatuses() {
        return config -> config.register(RefusalExceptionMapper.class);
    }
}
