package dev.wparflow.process.preflight;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.preflight.PreflightVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of PreflightProcess in the model's order, as the beans its {@code delegateExpression}s name. */
@Configuration(proxyBeanMethods = false)
class PreflightSteps {

    /** Records the run and the hosts it checks (the selection, else every host of the inventory). */
    @Bean
    JavaDelegate planPreflightDelegate(PreflightService preflight) {
        return e -> HOSTS_TOTAL.set(e, preflight.plan(runId(e), INITIATOR.get(e), HOSTS.get(e)).size());
    }

    /** One host: connect, wparflow-run, every read-only check of its kind. A host that fails is a result. */
    @Bean
    JavaDelegate checkHostDelegate(PreflightService preflight) {
        return e -> HOST_PASSED.setLocal(e, preflight.checkHost(runId(e), HOST.get(e), origin(e)));
    }

    /** Closes the run and counts the hosts that failed. */
    @Bean
    JavaDelegate summarizePreflightDelegate(PreflightService preflight) {
        return e -> HOSTS_FAILED.set(e, preflight.summarize(runId(e)));
    }
}
