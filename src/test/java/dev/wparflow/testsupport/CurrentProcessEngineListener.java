package dev.wparflow.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the engine of the test's own Spring context the one Camunda's REST API and filters find by name. Every test
 * context's engine is called "default", and Camunda keeps engines in a static registry keyed by name: when another
 * test's context closes, it removes "default" even if the name now points at a cached context's engine, and the next
 * test reusing that cached context gets "Process engine default not available" (404) from every REST call.
 * Production runs one engine per JVM, so this concerns tests only.
 */
public class CurrentProcessEngineListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine != null && ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
