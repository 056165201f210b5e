package dev.wparflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against Camunda's identity service for the engine REST API and our
 * own API: anonymous callers get 401, and the engine sees the caller as the authenticated user,
 * so Camunda's authorizations apply to every REST call. The webapps keep their own session login.
 */
@Configuration
public class RestAuthenticationConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("wparflow-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        // actuator: health stays open for load balancers and probes, metrics need a login
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/metrics", "/actuator/metrics/*",
                "/actuator/info");
        registration.setOrder(10);
        return registration;
    }
}
