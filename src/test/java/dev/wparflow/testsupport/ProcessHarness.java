package dev.wparflow.testsupport;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What every process-model test needs, registered once as
 * {@code @RegisterExtension static final ProcessHarness harness = ProcessHarness.recording(DELEGATES);}:
 * <ul>
 * <li>the plain engine of {@link TestDatabases} with the class's {@code @Deployment}, and path coverage of the
 * deployed models written to {@code target/process-test-coverage/<test class>/} and checked against
 * {@code coverage-exceptions.yaml} by {@link CoverageExceptions} when the class is done;</li>
 * <li>recording mocks for the named delegate beans: each call is appended to {@link #calls()}, then the test's
 * {@link #behaviour()} for that bean (if any) runs;</li>
 * <li>{@code remoteRunWait} as a {@link FakeRemoteRunWait} ({@link #runWait()});</li>
 * <li>{@link #drive}, which runs due jobs until the instance waits or ends and rethrows a job's failure, and
 * {@link #driveThroughFailures}, which lets each failure cost a retry as the job executor would;</li>
 * <li>{@link #fireTimer} and {@link #runEnded}: the run watcher's hand-over of a detached run's end.</li>
 * </ul>
 * Calls, behaviour, waits and mocks are cleared before each test.
 */
public final class ProcessHarness implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        BeforeEachCallback, AfterEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback,
        ParameterResolver, TestWatcher {

    private static final int MAX_JOBS = 500;

    private final ProcessEngineCoverageExtension engineExtension;
    private final Supplier<ProcessEngine> engineSource;
    private ProcessEngine engine;
    private final List<String> recorded;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, JavaDelegate> behaviour = new HashMap<>();
    private final FakeRemoteRunWait runWait = new FakeRemoteRunWait();
    private int jobsExecuted;

    private ProcessHarness(Supplier<ProcessEngine> engineSource, List<String> recorded) {
        this.engineSource = engineSource;
        this.recorded = List.copyOf(recorded);
        // the builder would build an engine of its own: the shared one already has the coverage listeners
        this.engineExtension = new ProcessEngineCoverageExtension(false, false, List.of(), CoverageExceptions.REPORTS);
    }

    /** The H2 engine, recording mocks for {@code delegates}. */
    public static ProcessHarness recording(List<String> delegates) {
        return new ProcessHarness(TestDatabases::h2Engine, delegates);
    }

    /** The H2 engine, no recording mocks (the test registers its own beans). */
    public static ProcessHarness plain() {
        return new ProcessHarness(TestDatabases::h2Engine, List.of());
    }

    /**
     * The engine on the database this run selects ({@link BothDatabases}), no recording mocks; made when the class
     * starts, so that a class disabled for want of PostgreSQL connects to nothing.
     */
    public static ProcessHarness selectedDatabase() {
        return new ProcessHarness(
                () -> TestDatabases.postgresSelected() ? TestDatabases.postgresEngine() : TestDatabases.h2Engine(),
                List.of());
    }

    public ProcessEngine engine() {
        return engine;
    }

    /** The id of the running test's {@code @Deployment}. */
    public String deploymentId() {
        return engineExtension.getDeploymentId();
    }

    /** The recorded delegate calls of the running test, in order. */
    public List<String> calls() {
        return calls;
    }

    /** What a recorded delegate does after its call is recorded, by bean name. */
    public Map<String, JavaDelegate> behaviour() {
        return behaviour;
    }

    public FakeRemoteRunWait runWait() {
        return runWait;
    }

    /** Jobs run by {@link #drive}, {@link #driveAll} and {@link #fireTimer} in the running test. */
    public int jobsExecuted() {
        return jobsExecuted;
    }

    public void resetJobsExecuted() {
        jobsExecuted = 0;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = engineSource.get();
        engineExtension.useProcessEngine(engine);
        engineExtension.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        engineExtension.afterAll(context);
        CoverageExceptions.check(context.getRequiredTestClass());
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        engineExtension.postProcessTestInstance(testInstance, context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        init(engine);
        calls.clear();
        behaviour.clear();
        runWait.clear();
        jobsExecuted = 0;
        Mocks.register("remoteRunWait", runWait);
        for (String name : recorded) {
            Mocks.register(name, (JavaDelegate) execution -> {
                calls.add(name);
                JavaDelegate b = behaviour.get(name);
                if (b != null) {
                    b.execute(execution);
                }
            });
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        engineExtension.beforeTestExecution(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engineExtension.afterTestExecution(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return engineExtension.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return engineExtension.resolveParameter(parameter, context);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        engineExtension.testSuccessful(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        engineExtension.testFailed(context, cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        engineExtension.testAborted(context, cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        engineExtension.testDisabled(context, reason);
    }

    /**
     * Runs the instance's due non-timer jobs until it waits (user task, timer, message) or ends. A job that fails
     * fails the test with its exception.
     */
    public void drive(ProcessInstance instance) {
        run(() -> jobs().processInstanceId(instance.getId()), false);
    }

    /** {@link #drive} over the jobs of every instance: called processes and their children too. */
    public void driveAll() {
        run(this::jobs, false);
    }

    /**
     * {@link #drive} for a path that expects technical failures: each failing job loses a retry, as with the job
     * executor, until it succeeds or is left as an incident. Returns the failures, in order; at least one.
     */
    public List<RuntimeException> driveThroughFailures(ProcessInstance instance) {
        return run(() -> jobs().processInstanceId(instance.getId()), true);
    }

    /** {@link #driveThroughFailures} over the jobs of every instance. */
    public List<RuntimeException> driveAllThroughFailures() {
        return run(this::jobs, true);
    }

    private JobQuery jobs() {
        return engine.getManagementService().createJobQuery().messages();
    }

    private List<RuntimeException> run(Supplier<JobQuery> query, boolean failuresExpected) {
        ManagementService management = engine.getManagementService();
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < MAX_JOBS; i++) {
            List<Job> due = query.get().list().stream().filter(j -> j.getRetries() > 0).toList();
            if (due.isEmpty()) {
                if (failuresExpected) {
                    Assertions.assertThat(failures).as("technical failures while driving").isNotEmpty();
                }
                return failures;
            }
            try {
                jobsExecuted++;
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException failed) {
                if (!failuresExpected) {
                    throw failed;
                }
                failures.add(failed);
            }
        }
        throw new AssertionError("process does not settle within " + MAX_JOBS + " jobs");
    }

    /** Runs the instance's timer job at {@code activityId}, which must exist. */
    public void fireTimer(ProcessInstance instance, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activityId).singleResult();
        Assertions.assertThat(timer).as("timer at " + activityId).isNotNull();
        jobsExecuted++;
        engine.getManagementService().executeJob(timer.getId());
    }

    /**
     * What the run watcher does when a detached run ends, whatever its exit code (the check after the wait judges
     * it): the run is marked ended, the wait's timer becomes due and its job runs.
     */
    public void runEnded(ProcessInstance instance, String runId, String waitActivityId) {
        assertThat(instance).isWaitingAt(waitActivityId);
        Assertions.assertThat(runWait.begun).as("waits begun").contains(runId);
        runWait.end(runId);
        fireTimer(instance, waitActivityId);
    }
}
