package dev.wparflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

import com.zaxxer.hikari.HikariDataSource;

import dev.wparflow.engine.database.RuntimeTableStatistics;
import dev.wparflow.engine.history.PerProcessHistoryLevel;
import dev.wparflow.engine.history.PerProcessHistoryPlugin;
import dev.wparflow.process.backup.host.HostBackupVariables;

/**
 * {@code bench engine-floor [--hosts N] [--wpars-per-host M] [--savewpar-seconds S] [--per-host C] [--threads T]
 * [--db-url URL]}: what Camunda alone costs per WPAR in a fleet backup's shape, on the same database and job executor
 * settings as {@code bench backup}, with nothing of ours in it: no SSH, no simulated hosts, no tables of ours, no
 * commands. Three skeleton models copy what the backup models make the engine do per WPAR: a host process whose lanes
 * (parallel multi-instance sub-process) loop over call activities, and a WPAR process with an asynchronous first
 * step, a sub-process with an error boundary (a scope), a timer that stands for savewpar (due after S seconds, where
 * the real one is made due by the run watcher), the same 11 runtime variables and lean history. Like the application it
 * has PostgreSQL ANALYZE the runtime tables 5 s into each run (RuntimeTableStatistics). The machine CPU per WPAR it
 * prints is the least any design with these models can cost here; {@code bench backup}'s figure minus this one is what
 * SSH, the simulated hosts and our own bookkeeping add. Last line {@code RESULT wpars=… makespan_s=… ideal_s=…
 * overhead_pct=… machine_ms_per_wpar=… jvm_ms_per_wpar=…}.
 */
public final class EngineFloorBench {

    private EngineFloorBench() {
    }

    /** Per host, the WPARs its lanes have not claimed yet. */
    static final Map<String, Queue<String>> PENDING = new ConcurrentHashMap<>();
    static final AtomicInteger BACKED_UP = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        dev.wparflow.simulator.QuietLogging.apply();
        FleetBenchOptions o = new FleetBenchOptions();
        boolean minimal = false;
        for (int i = 0; i < args.length; i++) {
            int used = o.read(args, i);
            if (used >= 0) {
                i = used;
            } else if (args[i].equals("--minimal")) {
                minimal = true;
            } else {
                System.err.println("usage: bench engine-floor " + FleetBenchOptions.USAGE + " [--minimal]");
                System.exit(2);
            }
        }
        System.setProperty("javax.xml.datatype.DatatypeFactory",
                "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl"); // as WparflowApplication
        double ideal = o.ideal();
        System.out.printf(Locale.ROOT, "engine floor (%s models): %d hosts x %d WPARs, wait %.1f s, %d per host: ideal %.1f s;"
                + " %d cores, database %s%n", minimal ? "minimal" : "backup-shaped", o.hosts, o.wpars, o.saveSeconds, o.perHost, ideal,
                Runtime.getRuntime().availableProcessors(), o.dbUrl == null ? "H2 (memory)" : o.dbUrl);

        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(o.dbUrl != null ? o.dbUrl : "jdbc:h2:mem:floor;DB_CLOSE_DELAY=-1;MODE=LEGACY");
        dataSource.setUsername(o.dbUrl != null ? o.dbUser : "sa");
        dataSource.setPassword(o.dbUrl != null ? o.dbPassword : "");
        dataSource.setMaximumPoolSize(o.threads + 8);
        if (o.postgres()) {
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true"); // as the postgres profile
        }
        ProcessEngine engine = engine(dataSource, o.threads);
        engine.getRepositoryService().createDeployment().name("engine floor")
                .addString("FloorFleet.bpmn", FLEET).addString("FloorHost.bpmn", host(!minimal))
                .addString("FloorWpar.bpmn", (minimal ? MINIMAL_WPAR : WPAR)
                        .replace("SAVE_SECONDS", String.format(Locale.ROOT, "%.3f", o.saveSeconds)))
                .deploy();
        RuntimeService runtime = engine.getRuntimeService();
        List<String> hostNames = new ArrayList<>();
        for (int h = 0; h < o.hosts; h++) {
            hostNames.add(String.format("lpar%03d", h));
        }
        DatabaseUpkeep upkeep = DatabaseUpkeep.forBench(dataSource);
        // what the application's fleet backup asks for when it starts (FleetBackupService.plan)
        org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler =
                new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.initialize();
        RuntimeTableStatistics statistics = new RuntimeTableStatistics(
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                scheduler, java.time.Clock.systemUTC(), Duration.ofSeconds(5));
        String result;
        int exit = 0;
        try {
            for (int round = 1; round <= 10; round++) {
                long jit = MachineCpu.jitMillis();
                long w = System.nanoTime();
                String id = startFleet(runtime, hostNames, o.wpars, o.perHost);
                statistics.refreshSoon();
                upkeep.duringRun();
                if (!finished(engine, id)) {
                    System.out.println("FAILED: a warm-up run did not finish");
                    System.exit(1);
                }
                double seconds = (System.nanoTime() - w) / 1e9;
                double compiling = (MachineCpu.jitMillis() - jit) / 1e3;
                System.out.printf(Locale.ROOT, "warm-up %d: %d hosts in %.2f s, JIT compiling %.1f s%n", round, o.hosts,
                        seconds, compiling);
                upkeep.afterRun();
                if (compiling < seconds / 20) {
                    break;
                }
            }
            BACKED_UP.set(0);
            long[] cpuBefore = MachineCpu.read();
            long jvmBefore = MachineCpu.thisJvm();
            long start = System.nanoTime();
            String id = startFleet(runtime, hostNames, o.wpars, o.perHost);
            statistics.refreshSoon();
            if (!finished(engine, id)) {
                exit = 1;
            }
            double makespan = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = MachineCpu.read();
            long jvmAfter = MachineCpu.thisJvm();
            int items = o.hosts * o.wpars;
            double machineMs = MachineCpu.busyMillis(cpuBefore, cpuAfter) / items;
            double jvmMs = (jvmAfter - jvmBefore) / 1e6 / items;
            MachineCpu.describe(cpuBefore, cpuAfter, items).ifPresent(System.out::println);
            System.out.printf(Locale.ROOT, "of which this JVM: %.1f ms per WPAR (the rest is mostly PostgreSQL)%n", jvmMs);
            if (BACKED_UP.get() != items) {
                System.out.println("FAILED: " + BACKED_UP.get() + " of " + items + " WPAR instances ran");
                exit = 1;
            }
            result = String.format(Locale.ROOT,
                    "RESULT wpars=%d makespan_s=%.2f ideal_s=%.2f overhead_pct=%.1f machine_ms_per_wpar=%.1f jvm_ms_per_wpar=%.1f",
                    BACKED_UP.get(), makespan, ideal, (makespan - ideal) / ideal * 100, machineMs, jvmMs);
        } finally {
            scheduler.shutdown();
            engine.close();
            dataSource.close();
        }
        System.out.println(result);
        System.exit(exit);
    }

    private static String startFleet(RuntimeService runtime, List<String> hosts, int wpars, int perHost) {
        for (String host : hosts) {
            Queue<String> queue = new ConcurrentLinkedQueue<>();
            for (int w = 0; w < wpars; w++) {
                queue.add(String.format("wpr%02d", w));
            }
            PENDING.put(host, queue);
        }
        return runtime.startProcessInstanceByKey("FloorFleet", Map.of("fleetHosts", String.join(",", hosts),
                "perHost", perHost, "backupRunId", "run-" + System.nanoTime())).getId();
    }

    private static ProcessEngine engine(HikariDataSource dataSource, int threads) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("engine-floor");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(PerProcessHistoryLevel.NAME);
        configuration.getProcessEnginePlugins().add(new PerProcessHistoryPlugin());
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setJobExecutorActivate(true);
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(threads);
        jobExecutor.setMaxPoolSize(threads);
        jobExecutor.setQueueSize(threads * 4);
        jobExecutor.setMaxJobsPerAcquisition(threads * 2);
        jobExecutor.setWaitTimeInMillis(100);
        jobExecutor.setMaxWait(500);
        configuration.setJobExecutor(jobExecutor);
        configuration.setBeans(Map.of("claim", (Object) CLAIM, "lock", LOCK, "plan", PLAN, "startSave", START_SAVE,
                "verify", VERIFY, "release", RELEASE, "listHost", LIST_HOST, "slotStep", SLOT, "hosts", new Hosts(),
                "noop", NOOP));
        return configuration.buildProcessEngine();
    }

    /** The fleet's hosts as a collection for the multi-instance (kept in a string variable, as ours). */
    public static final class Hosts {
        public List<String> split(String hosts) {
            return List.of(hosts.split(","));
        }
    }

    /** List the host's WPARs: our step stores the host's oslevel for its backups. */
    static final JavaDelegate LIST_HOST = e -> e.setVariable("oslevel", "7200-03-01-1838");

    /** Take a global slot, give it back: a variable set and cleared per WPAR, as ours. */
    static final JavaDelegate SLOT = e -> e.setVariable("slot", e.getVariable("slot") == null ? "lane" : null);

    /** A lane claims the host's next WPAR (our claimNextWparDelegate does it in the database). */
    static final JavaDelegate CLAIM = e -> {
        String wpar = PENDING.get(HostBackupVariables.HOST.get(e)).poll();
        e.setVariable("wpar", wpar);
        e.setVariable("itemId", wpar == null ? null : e.getVariable("host") + "/" + wpar);
    };

    /** Lock WPAR: the attempt count, and the outcome as a transient variable, as ours. */
    static final JavaDelegate LOCK = e -> {
        e.setVariable("lockAttempts", 1);
        e.setVariable("wparLocked", org.camunda.bpm.engine.variable.Variables.booleanValue(true, true));
    };

    /** Plan backup: for a Defined WPAR without stop or quiesce ours writes only the image path. */
    static final JavaDelegate PLAN = e -> e.setVariable("imagePath",
            "/images/" + e.getVariable("host") + "_" + e.getVariable("wpar") + ".save");

    static final JavaDelegate START_SAVE = e -> e.setVariable("saveRunId", "wf-" + e.getProcessInstanceId() + ".Task_StartSave");

    static final JavaDelegate VERIFY = e -> {
        if (e.getVariable("saveRunId") == null || e.getVariable("imagePath") == null) {
            throw new IllegalStateException("variables lost");
        }
        e.setVariable("imageId", e.getProcessInstanceId());
    };

    static final JavaDelegate RELEASE = e -> BACKED_UP.incrementAndGet();

    static final JavaDelegate NOOP = e -> {
    };

    private static boolean finished(ProcessEngine engine, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
            if (engine.getManagementService().createJobQuery().withException().noRetriesLeft().count() > 0
                    || System.nanoTime() > deadline) {
                System.out.println("FAILED: a job failed or over 20 minutes: " + engine.getManagementService()
                        .createJobQuery().withException().list().stream().limit(3).map(j -> j.getExceptionMessage()).toList());
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://wparflow.dev/bench">
            """;

    /**
     * FleetBackupProcess's shape: one host instance per host, all at once; each host's end is a job of the fleet
     * instance (asyncAfter), so hosts ending together do not collide on the multi-instance counters.
     */
    static final String FLEET = HEADER + """
              <bpmn:process id="FloorFleet" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Plan" />
                <bpmn:serviceTask id="Plan" camunda:delegateExpression="${noop}" />
                <bpmn:sequenceFlow id="f2" sourceRef="Plan" targetRef="Hosts" />
                <bpmn:callActivity id="Hosts" calledElement="FloorHost" camunda:asyncBefore="true">
                  <bpmn:extensionElements>
                    <camunda:in source="host" target="host" />
                    <camunda:in source="perHost" target="laneCount" />
                    <camunda:in source="backupRunId" target="backupRunId" />
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics camunda:asyncAfter="true" camunda:collection="${hosts.split(fleetHosts)}"
                      camunda:elementVariable="host" />
                </bpmn:callActivity>
                <bpmn:sequenceFlow id="f3" sourceRef="Hosts" targetRef="End" />
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    /**
     * HostBackupProcess's shape: lanes (a parallel multi-instance sub-process) that claim and call, in a loop; with
     * {@code slotSteps} as ours (take and give back a global slot around each call, pass consistency and oslevel),
     * without them the least a lane can do.
     */
    static String host(boolean slotSteps) {
        String call = slotSteps ? "TakeSlot" : "Backup";
        String afterCall = slotSteps ? "GiveSlot" : "Claim";
        return HEADER + """
                  <bpmn:process id="FloorHost" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:extensionElements>
                      <camunda:properties><camunda:property name="historyLevel" value="lean" /></camunda:properties>
                    </bpmn:extensionElements>
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="List" />
                    <bpmn:serviceTask id="List" camunda:asyncBefore="true" camunda:delegateExpression="${listHost}" />
                    <bpmn:sequenceFlow id="f2" sourceRef="List" targetRef="Lane" />
                    <bpmn:subProcess id="Lane">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="itemId">${null}</camunda:inputParameter>
                          <camunda:inputParameter name="wpar">${null}</camunda:inputParameter>
                """ + (slotSteps ? """
                          <camunda:inputParameter name="slot">${null}</camunda:inputParameter>
                """ : "") + """
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                      <bpmn:multiInstanceLoopCharacteristics>
                        <bpmn:loopCardinality>${laneCount}</bpmn:loopCardinality>
                      </bpmn:multiInstanceLoopCharacteristics>
                      <bpmn:startEvent id="LaneStart" />
                      <bpmn:sequenceFlow id="l1" sourceRef="LaneStart" targetRef="Claim" />
                      <bpmn:serviceTask id="Claim" camunda:delegateExpression="${claim}" />
                      <bpmn:sequenceFlow id="l2" sourceRef="Claim" targetRef="Claimed" />
                      <bpmn:exclusiveGateway id="Claimed" default="l4" />
                      <bpmn:sequenceFlow id="l3" sourceRef="Claimed" targetRef="CALL">
                        <bpmn:conditionExpression>${wpar != null}</bpmn:conditionExpression>
                      </bpmn:sequenceFlow>
                      <bpmn:sequenceFlow id="l4" sourceRef="Claimed" targetRef="LaneDone" />
                      <bpmn:endEvent id="LaneDone" camunda:asyncBefore="true" />
                      <bpmn:callActivity id="Backup" calledElement="FloorWpar">
                        <bpmn:extensionElements>
                          <camunda:in source="host" target="host" />
                          <camunda:in source="wpar" target="wpar" />
                          <camunda:in source="itemId" target="itemId" />
                          <camunda:in source="backupRunId" target="backupRunId" />
                """.replace("CALL", call) + (slotSteps ? """
                          <camunda:in sourceExpression="${'none'}" target="consistency" />
                          <camunda:in source="oslevel" target="oslevel" />
                """ : "") + """
                        </bpmn:extensionElements>
                      </bpmn:callActivity>
                      <bpmn:sequenceFlow id="l5" sourceRef="Backup" targetRef="AFTER_CALL" />
                """.replace("AFTER_CALL", afterCall) + (slotSteps ? """
                      <bpmn:serviceTask id="TakeSlot" camunda:delegateExpression="${slotStep}" />
                      <bpmn:sequenceFlow id="l6" sourceRef="TakeSlot" targetRef="Backup" />
                      <bpmn:serviceTask id="GiveSlot" camunda:delegateExpression="${slotStep}" />
                      <bpmn:sequenceFlow id="l7" sourceRef="GiveSlot" targetRef="Claim" />
                """ : "") + """
                    </bpmn:subProcess>
                    <bpmn:sequenceFlow id="f3" sourceRef="Lane" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
    }

    /**
     * WparBackupProcess's shape for a Defined WPAR without stop or quiesce: lock (asynchronous), a sub-process with an
     * error boundary (plan, start, the wait's timer), verify, release; lean history keeping five variables.
     */
    static final String WPAR = wparProcess("host,wpar,imageId,failureCode,failureReason", """
                <bpmn:startEvent id="Start">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start" expression="${execution.setVariable('requestedAt', 1)}" />
                  </bpmn:extensionElements>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Lock" />
                <bpmn:serviceTask id="Lock" camunda:asyncBefore="true" camunda:delegateExpression="${lock}" />
                <bpmn:sequenceFlow id="f2" sourceRef="Lock" targetRef="Save" />
                <bpmn:subProcess id="Save">
                  <bpmn:startEvent id="SaveStart" />
                  <bpmn:sequenceFlow id="s1" sourceRef="SaveStart" targetRef="PlanBackup" />
                  <bpmn:serviceTask id="PlanBackup" camunda:delegateExpression="${plan}" />
                  <bpmn:sequenceFlow id="s2" sourceRef="PlanBackup" targetRef="StartSave" />
                  <bpmn:serviceTask id="StartSave" camunda:delegateExpression="${startSave}" />
                  <bpmn:sequenceFlow id="s3" sourceRef="StartSave" targetRef="SaveFinished" />
                  <bpmn:intermediateCatchEvent id="SaveFinished">
                    <bpmn:timerEventDefinition><bpmn:timeDuration>PTSAVE_SECONDSS</bpmn:timeDuration></bpmn:timerEventDefinition>
                  </bpmn:intermediateCatchEvent>
                  <bpmn:sequenceFlow id="s4" sourceRef="SaveFinished" targetRef="SaveEnd" />
                  <bpmn:endEvent id="SaveEnd" />
                </bpmn:subProcess>
                <bpmn:boundaryEvent id="Failed" attachedToRef="Save">
                  <bpmn:errorEventDefinition errorRef="BackupFailed" />
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="f3" sourceRef="Save" targetRef="Verify" />
                <bpmn:sequenceFlow id="f4" sourceRef="Failed" targetRef="Release" />
                <bpmn:serviceTask id="Verify" camunda:delegateExpression="${verify}" />
                <bpmn:sequenceFlow id="f5" sourceRef="Verify" targetRef="Release" />
                <bpmn:serviceTask id="Release" camunda:delegateExpression="${release}" />
                <bpmn:sequenceFlow id="f6" sourceRef="Release" targetRef="End" />
                <bpmn:endEvent id="End" />
            """);

    /**
     * {@code --minimal}: the least a WPAR process with a detached wait can be: an asynchronous step, the wait's timer
     * and an end; the four variables the call passes in; no sub-process.
     */
    static final String MINIMAL_WPAR = wparProcess("host,wpar", """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="StartSave" />
                <bpmn:serviceTask id="StartSave" camunda:asyncBefore="true" camunda:delegateExpression="${noop}" />
                <bpmn:sequenceFlow id="f2" sourceRef="StartSave" targetRef="SaveFinished" />
                <bpmn:intermediateCatchEvent id="SaveFinished">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PTSAVE_SECONDSS</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f3" sourceRef="SaveFinished" targetRef="Release" />
                <bpmn:serviceTask id="Release" camunda:delegateExpression="${release}" />
                <bpmn:sequenceFlow id="f4" sourceRef="Release" targetRef="End" />
                <bpmn:endEvent id="End" />
            """);

    /** A FloorWpar process with lean history keeping {@code historyVariables}; its error for boundary events. */
    private static String wparProcess(String historyVariables, String body) {
        return HEADER + """
                  <bpmn:error id="BackupFailed" errorCode="BACKUP_FAILED" />
                  <bpmn:process id="FloorWpar" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:extensionElements>
                      <camunda:properties>
                        <camunda:property name="historyLevel" value="lean" />
                        <camunda:property name="historyVariables" value="VARIABLES" />
                      </camunda:properties>
                    </bpmn:extensionElements>
                """.replace("VARIABLES", historyVariables) + body + """
                  </bpmn:process>
                </bpmn:definitions>
                """;
    }
}
