package dev.wparflow.security;

import java.time.Clock;
import java.time.Duration;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against Camunda's identity service for the engine REST API and our
 * own API: anonymous callers get 401, and the engine sees the caller as the authenticated user,
 * so Camunda's authorizations apply to every REST call. The webapps keep their own session login; reads of our own
 * API also accept that session ({@link WebappSessionAuthenticationProvider}), for the Cockpit view of operations.
 * With {@code wparflow.security.api-docs-login} (the prod profile) the OpenAPI description and the Swagger UI need
 * a login too. Wrong passwords are throttled per source address and user ({@link LoginThrottle}).
 */
@Configuration
public class RestAuthenticationConfig {

    static final String[] API_PATHS = {"/engine-rest/*", "/api/*", "/actuator/metrics", "/actuator/metrics/*",
            "/actuator/info", PrometheusAccessFilter.PATH};
    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html", "/swagger-ui/*"};

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(
            @Value("${wparflow.security.api-docs-login:false}") boolean apiDocsLogin) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("wparflow-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                WebappSessionAuthenticationProvider.class.getName());
        // actuator: health stays open for load balancers and probes, metrics need a login, and the Prometheus
        // scrape the metrics readers' group (PrometheusAccessFilter)
        registration.addUrlPatterns(API_PATHS);
        if (apiDocsLogin) {
            registration.addUrlPatterns(API_DOCS_PATHS);
        }
        registration.setOrder(10);
        return registration;
    }

    /** Right after the login: only wparflow-metrics (and camunda-admin) read /actuator/prometheus. */
    @Bean
    FilterRegistrationBean<PrometheusAccessFilter> prometheusAccessFilter(
            org.camunda.bpm.engine.IdentityService identityService) {
        FilterRegistrationBean<PrometheusAccessFilter> registration = new FilterRegistrationBean<>(
                new PrometheusAccessFilter(identityService));
        registration.setName("wparflow-prometheus-access");
        registration.addUrlPatterns(PrometheusAccessFilter.PATH);
        registration.setOrder(11);
        return registration;
    }

    @Bean
    LoginThrottle loginThrottle(@Value("${wparflow.security.login.free-failures:3}") int freeFailures,
            @Value("${wparflow.security.login.first-delay:PT1S}") Duration firstDelay,
            @Value("${wparflow.security.login.max-delay:PT5M}") Duration maxDelay) {
        return new LoginThrottle(freeFailures, firstDelay, maxDelay, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(throttle));
        registration.setName("wparflow-login-throttle");
        registration.addUrlPatterns(API_PATHS);
        registration.addUrlPatterns(API_DOCS_PATHS);
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        // before the password is checked
        registration.setOrder(5);
        return registration;
    }
}
