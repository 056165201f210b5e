package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.engine.InputType;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshEndpointResolver;

/**
 * The forms in forms/ against the models and the input contracts: every process Tasklist may start has a start form
 * on the start event the engine starts it at, every user task has a form, a start form's fields are exactly declared inputs with the
 * server's types, required flags, lengths, choices and ranges, and its patterns accept and refuse what the server
 * accepts and refuses (on the samples below). Every form parses.
 */
class FormsTest {

    static final Path FORMS = Path.of("forms");
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Set<String> KEYED = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
            "checklist", "taglist", "datetime");
    /** What a task's completion may write: the variables its listeners read. */
    static final Map<String, Set<String>> TASK_FORM_KEYS = Map.of("ChangeApprovalForm", Set.of("decision", "reason"));
    static final Set<String> KNOWN_HOSTS = Set.of("lpar00", "lpar01", "nim00");

    /** Per input name: values both the form and the server accept, values both refuse, values only the server refuses. */
    record Samples(List<String> good, List<String> bad, List<String> serverOnly) {
    }

    static final Map<String, Samples> SAMPLES = new LinkedHashMap<>();

    static {
        Samples wpar = new Samples(List.of("wpr00", "a", "db_prod-1", "X#$%?@", "1abc", "abcdefghijklmnopqrstuvwxy"),
                List.of("0wpr", "-wpr", "wp r", "wp.r", "a/b", "a;b", "a=b", "abcdefghijklmnopqrstuvwxyz", "wpär"),
                List.of());
        SAMPLES.put("wpar", wpar);
        SAMPLES.put("renameTo", wpar);
        Samples lpar = new Samples(List.of("lpar00", "LPAR_1.a+b*c-d", "_x", "9"),
                List.of("-lpar", ".lpar", "lp ar", "lp/ar", "lpar;rm", "lp=ar"), List.of());
        // the relocation's LPARs must be known to the inventory, and differ (the departing sample is lpar00)
        List<String> notAnLparName = List.of("-lpar", ".lpar", "lp ar", "lp/ar", "lpar;rm", "lp=ar");
        SAMPLES.put("departingLpar", new Samples(List.of("lpar00", "lpar01"), notAnLparName,
                List.of("lpar99", "LPAR_1.a+b*c-d")));
        SAMPLES.put("arrivingLpar", new Samples(List.of("lpar01", "nim00"), notAnLparName, List.of("lpar99", "lpar00")));
        SAMPLES.put("lpar", new Samples(List.of("lpar00", "lpar01"), notAnLparName, List.of("lpar99", "LPAR_1.a+b*c-d")));
        SAMPLES.put("sourceLpar", lpar);
        Samples host = new Samples(List.of("lpar00", "nim00"), List.of(), List.of("nohost", "lpar99"));
        SAMPLES.put("host", host);
        SAMPLES.put("drillLpar", host);
        SAMPLES.put("imageId", new Samples(List.of("42", "img-2026.11.22_a", "a".repeat(64)),
                List.of(".x", "-x", "a b", "a/b", "a".repeat(65)), List.of()));
        SAMPLES.put("hostname", new Samples(List.of("wpr10", "wpr10.example.com", "a-b.c.", "x1", "9a"),
                List.of("-a", "a-", "a..b", "a_b", "a b", "."), List.of()));
        SAMPLES.put("address", new Samples(List.of("10.0.0.50", "0.0.0.0", "255.255.255.255", "fe80::1", "::1",
                "2001:db8::10"), List.of("10.0.0.256", "10.0.0", "010.0.0.1", "10.0.0.1.2", "abc", "10.0.0.1/24"),
                List.of("1:2", "fe80::1::2")));
        SAMPLES.put("baseDirectory", new Samples(List.of("/wpars/wpr10", "/", "/a/b..c/d", "/a@b%c+d:e,f.g-h"),
                List.of("wpars", "/a/../b", "/a/..", "/a b", "/a;b", "/a=b", "/" + "a".repeat(1023)), List.of()));
        SAMPLES.put("softwareSource", new Samples(List.of("/images/updates/6100-02-03", "/export/lpp_source", "/a@b%c+d:e,f.g-h"),
                List.of("images", "/a/../b", "/a b", "/a;b", "/a=b", "/" + "a".repeat(255)), List.of()));
        SAMPLES.put("volumeGroup", new Samples(List.of("rootvg", "datavg_1", ".vg", "vg-1"),
                List.of("-vg", "vg 1", "abcdefghijklmnop", "vg/1"), List.of()));
        SAMPLES.put("disks", new Samples(List.of("hdisk2", "hdisk2,hdisk3"),
                List.of("hdisk2,", ",hdisk2", "hdisk 2", "hdisk2;rm"), List.of()));
        SAMPLES.put("scope", new Samples(List.of("all", " all ", "host:lpar00", "host:lpar00,lpar01", "group:prod"),
                List.of("everything", "host:", "host: , ", "group:", "hosts:lpar00"),
                List.of("host:nohost", "group:nogroup")));
        Samples duration = new Samples(List.of("PT24H", "P1D", "PT30M", "pt2h", "P1DT12H", "PT0.5S"),
                List.of("24h", "-PT1H", "PT24", "1D"), List.of("P", "PT", "PT0S"));
        SAMPLES.put("approvalTimeout", duration);
        // a text field is one line: the form cannot send what the server refuses here
        SAMPLES.put("summary", new Samples(List.of("NIM master upgrade to 6.1 TL3"), List.of(), List.of("two\nlines")));
        SAMPLES.put("escalationTimeout", duration);
        Samples knownLpar = new Samples(List.of("lpar00", "lpar01"), notAnLparName, List.of("lpar99"));
        SAMPLES.put("lpar", knownLpar);
        SAMPLES.put("copyFromLpar", knownLpar);
        SAMPLES.put("copyFromWpar", wpar);
        SAMPLES.put("interface", new Samples(List.of("en0", "gordon_if1"), List.of("0en", "en 0", "en;0", "e-n0",
                "a".repeat(16)), List.of()));
        SAMPLES.put("netmask", new Samples(List.of("255.255.254.0", "255.255.255.0"), List.of("255.255.256.0", "abc",
                "255.255.0"), List.of()));
        SAMPLES.put("managedSystem", new Samples(List.of("sys570a"), List.of("-sys", "sys 1", "sys/1"),
                List.of("sys999")));
        SAMPLES.put("template", new Samples(List.of("small"), List.of(".x", "a b", "a/b", "a".repeat(41)),
                List.of("nosuch")));
        Samples shares = new Samples(List.of("1", "30", "65535"), List.of("0", "-1", "a", "1.5"), List.of("65536"));
        SAMPLES.put("cpuShares", shares);
        SAMPLES.put("memoryShares", shares);
        Samples limits = new Samples(List.of("0%-100%,100%", "6%-30%,45%", "5.25%-30%,45%"),
                List.of("6-30,45", "6%-30%", "abc", "5.255%-30%,45%"),
                List.of("40%-30%,45%", "10%-50%,45%", "101%-101%,101%"));
        SAMPLES.put("cpuLimits", limits);
        SAMPLES.put("memoryLimits", limits);
        SAMPLES.put("procVirtMem", new Samples(List.of("512MB", "2GB", "1TB", "1tb"), List.of("512", "1PB", "MB"),
                List.of()));
        Samples count = new Samples(List.of("1", "128", "2147483647"), List.of("0", "-1", "a", "1.5"),
                List.of("2147483648"));
        SAMPLES.put("totalProcesses", count);
        SAMPLES.put("totalThreads", count);
        SAMPLES.put("maxBackupAge", duration);
        SAMPLES.put("hosts", new Samples(List.of("lpar00", "lpar00,lpar01", "lpar00 nim00", " lpar01 , lpar00 "),
                List.of(), List.of("nohost", "lpar00,lpar99")));
        SAMPLES.put("wpars", new Samples(List.of("wpr00", "wpr00,wpr01", "wpr00, wpr01", "X#$%?@"),
                List.of("a;b", "wp.r", "a/b", "a|b"), List.of("0wpr", "-wpr", "wp r", "abcdefghijklmnopqrstuvwxyz")));
        SAMPLES.put("drainCommand", new Samples(List.of("/usr/bin/stopsrc -g myapp", "true"),
                List.of("a;b", "x|y", "a`b`", "$(id)"), List.of()));
        SAMPLES.put("group", new Samples(List.of("sydney-web", "canberra-apps"), List.of("a;b", "a/b", "-web",
                "a".repeat(41)), List.of("perth-db")));
        SAMPLES.put("returnFrom", new Samples(List.of("e-1"), List.of("a".repeat(65)), List.of("e-2")));
        SAMPLES.put("lpars", new Samples(List.of("lpar00", "lpar00,lpar01", "lpar01, lpar00"),
                List.of("-lpar", "lp ar", "lpar00;rm", "lpar00,lp/ar"), List.of("lpar99", "lpar00,lpar00")));
        SAMPLES.put("filesets", new Samples(List.of("bos.rte.libc", "bos.rte.libc,bos.wpars", "bos.rte, bos.wpars"),
                List.of("a;b", "a b", "-bos", "bos.rte|x"), List.of()));
        SAMPLES.put("fixPackage", new Samples(List.of("IJ12345s5a.230101.epkg.Z"), List.of("a/b", "a b", "-x", ".x",
                "a;b"), List.of()));
        SAMPLES.put("changeReason", new Samples(List.of("application retired (CHG-1234)"), List.of(),
                List.of("two\nlines")));
        SAMPLES.put("reason", new Samples(List.of("before the 6100-03 update (CHG-2001)"), List.of(),
                List.of("two\nlines")));
    }

    /**
     * Samples of an input whose rule differs between processes, by process: a maintenance's software source must be a
     * configured source directory (or below one), a sync's any absolute directory.
     */
    static final Map<String, Map<String, Samples>> PROCESS_SAMPLES = Map.of("LparMaintenanceProcess",
            Map.of("softwareSource", new Samples(List.of("/images/updates", "/images/updates/7300-02"),
                    List.of("images", "/a b", "/a;b", "/images/updates/../x"),
                    List.of("/tmp", "/images/updatesX", "/", "/export/lpp_source"))));

    /** Inputs given with every sample of a process, so that its cross rules judge only the input under test. */
    static final Map<String, Map<String, String>> BASE = Map.of("WparProvisioningProcess", Map.of("template", "small",
            "imageId", "42", "copyFromLpar", "lpar00", "copyFromWpar", "wpr00"),
            // a resource change names at least one control
            "WparResourceChangeProcess", Map.of("cpuShares", "10"),
            "WparCheckpointProcess", Map.of("action", "restart", "checkpointId", "7"),
            "WparLifecycleProcess", Map.of("lpar", "lpar00", "action", "stop", "wpars", "wpr00"),
            "EvacuationProcess", Map.of("lpar", "lpar00"),
            "LparMaintenanceProcess", Map.of("lpars", "lpar00", "updateKind", "installp", "softwareSource",
                    "/images/updates", "filesets", "bos.rte.libc", "fixPackage", "IJ1.epkg.Z"));

    /** Inputs of a process of which exactly one is given: the one under test replaces the base's. */
    static final Map<String, Set<String>> ALTERNATIVES = Map.of("EvacuationProcess",
            Set.of("lpar", "managedSystem", "returnFrom"), "LparMaintenanceProcess", Set.of("lpars", "managedSystem"));

    /** Base inputs a sample of this input replaces: a lifecycle group names no LPAR and no list. */
    static final Map<String, Map<String, Set<String>>> REPLACES = Map.of("WparLifecycleProcess",
            Map.of("group", Set.of("lpar", "wpars")));

    static AnnotationConfigApplicationContext contractBeans;
    static Map<String, InputContract> contracts;

    /** The contract beans of the process packages, with an inventory that knows {@link #KNOWN_HOSTS}. */
    @BeforeAll
    static void declareContracts() throws ClassNotFoundException {
        contractBeans = new AnnotationConfigApplicationContext();
        contractBeans.registerBean(InputRules.class);
        contractBeans.registerBean(dev.wparflow.aix.KnownHosts.class);
        contractBeans.registerBean(SshEndpointResolver.class, () -> new SshEndpointResolver() {
            @Override
            public Optional<SshEndpoint> find(String name) {
                return KNOWN_HOSTS.contains(name) ? Optional.of(new SshEndpoint(name, "127.0.0.1", 22, "root"))
                        : Optional.empty();
            }

            @Override
            public Collection<String> names() {
                return KNOWN_HOSTS;
            }
        });
        ProvisioningContractBeans.register(contractBeans);
        contractBeans.registerBean(dev.wparflow.process.evacuation.EvacuationScopes.class,
                () -> new dev.wparflow.process.evacuation.EvacuationScopes() {
                    @Override
                    public boolean managedSystemKnown(String name) {
                        return name.equals("sys570a");
                    }

                    @Override
                    public boolean evacuationRecorded(String id) {
                        return id.equals("e-1");
                    }
                });
        contractBeans.registerBean(dev.wparflow.catalog.RelocationGroups.class,
                () -> new dev.wparflow.catalog.RelocationGroups(null, java.time.Clock.systemUTC()) {
                    @Override
                    public Optional<dev.wparflow.catalog.RelocationGroup> find(String name) {
                        return list().stream().filter(g -> g.name().equals(name)).findFirst();
                    }

                    @Override
                    public List<dev.wparflow.catalog.RelocationGroup> list() {
                        return java.util.stream.Stream.of("canberra-apps", "sydney-web").map(n ->
                                new dev.wparflow.catalog.RelocationGroup(n, null, List.of("wpr00"), List.of(),
                                        List.of(), null, null, 1, "admin", java.time.Instant.EPOCH)).toList();
                    }
                });
        contractBeans.registerBean(dev.wparflow.process.maintenance.MaintenanceScopes.class,
                () -> name -> name.equals("sys570a"));
        contractBeans.registerBean(dev.wparflow.process.maintenance.MaintenanceSettings.class,
                dev.wparflow.process.maintenance.MaintenanceSettings::defaults);
        contractBeans.registerBean(BackupSettings.class, () -> new BackupSettings(null, null, null, null, null,
                Map.of("prod", List.of("lpar00")), null, null, null, null, Duration.ofHours(1), null, null, null, null));
        for (String inputs : List.of("approval.ChangeApprovalInputs", "backup.BackupInputs",
                "discovery.FleetDiscoveryInputs", "relocation.RelocationInputs", "restore.RestoreInputs",
                "provisioning.ProvisioningInputs", "decommission.WparDecommissionInputs", "lifecycle.WparLifecycleInputs",
                "resources.WparResourceChangeInputs",
                "preflight.PreflightInputs", "checkpoint.WparCheckpointInputs",
                "checkpoint.schedule.CheckpointScheduleInputs", "evacuation.EvacuationInputs",
                "maintenance.LparMaintenanceInputs", "backup.global.GlobalBackupInputs",
                "software.sync.WparSyncInputs")) {
            contractBeans.register(Class.forName("dev.wparflow.process." + inputs));
        }
        contractBeans.refresh();
        contracts = new LinkedHashMap<>();
        contractBeans.getBeansOfType(InputContract.class).values().forEach(c -> contracts.put(c.processKey(), c));
    }

    @AfterAll
    static void close() {
        contractBeans.close();
    }

    static Map<String, JsonNode> forms() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = json.readTree(file.toFile());
                byId.put(form.path("id").asText(), form);
            }
        }
        return byId;
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void everyFormParsesAndIsWellFormed() throws IOException {
        Map<String, JsonNode> forms = forms();
        assertThat(forms).containsKeys("RelocationRequestForm", "ChangeApprovalForm");
        List<String> problems = new ArrayList<>();
        forms.forEach((id, form) -> problems.addAll(formProblems(id, form)));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStartableProcessAndEveryUserTaskHasAForm() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> problems = new ArrayList<>();
        int startForms = 0;
        for (Path file : ProcessModelConventionsTest.models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            problems.addAll(modelProblems(model, forms, contracts));
            startForms += startForms(model).size();
        }
        assertThat(problems).isEmpty();
        // relocation, backup, fleet backup, restore, clone, drill, discovery, provisioning, decommission, preflight,
        // resource change, checkpoint/restart, lifecycle, evacuation, software sync, global backup, maintenance, and a
        // directly filed change
        assertThat(startForms).isEqualTo(18);
    }

    @Test
    void startFormFieldsAreTheDeclaredInputsWithTheServersRules() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> problems = new ArrayList<>();
        for (Path file : ProcessModelConventionsTest.models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                String formId = startForm(process);
                InputContract contract = contracts.get(process.getId());
                if (formId != null && contract != null && forms.containsKey(formId)) {
                    problems.addAll(fieldProblems(formId, forms.get(formId), contract));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksFindWhatIsWrong() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode broken = json.readTree("""
                {"id": "BrokenForm", "components": [
                  {"type": "textfield", "id": "Field_A", "label": "no key"},
                  {"type": "textfield", "id": "Field_A", "key": "a", "validate": {"pattern": "^[a-$"}}]}""");
        assertThat(String.join("\n", formProblems("BrokenForm", broken)))
                .contains("Field_A: a textfield without a key", "duplicate component id Field_A",
                        "pattern of a does not compile");

        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Bad" targetNamespace="t">
                  <bpmn:process id="WparBackupProcess" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_Requested" />
                    <bpmn:startEvent id="StartEvent_Message" camunda:formRef="WparBackupRequestForm"
                        camunda:formRefBinding="deployment">
                      <bpmn:messageEventDefinition id="MessageEventDefinition_Requested" />
                    </bpmn:startEvent>
                    <bpmn:userTask id="Task_Review" name="Review" />
                  </bpmn:process>
                  <bpmn:process id="HostBackupProcess" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_HostRequested" camunda:formRef="WparBackupRequestForm"
                        camunda:formRefBinding="deployment" />
                  </bpmn:process>
                </bpmn:definitions>
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(String.join("\n", modelProblems(model, forms(), contracts)))
                .contains("WparBackupProcess: startable in Tasklist but its start event",
                        "StartEvent_Message: a form on a start event the engine never starts at",
                        "Task_Review: user task without a form",
                        "HostBackupProcess: a sub-process must say camunda:isStartableInTasklist=\"false\"");

        JsonNode wrongFields = json.readTree("""
                {"id": "WrongForm", "components": [
                  {"type": "textfield", "id": "Field_Wpar", "key": "wpar", "validate": {"maxLength": 30}},
                  {"type": "textfield", "id": "Field_Oslevel", "key": "oslevel"},
                  {"type": "select", "id": "Field_Consistency", "key": "consistency",
                   "values": [{"label": "none", "value": "none"}, {"label": "snapshot", "value": "snapshot"}]}]}""");
        assertThat(String.join("\n", fieldProblems("WrongForm", wrongFields, contracts.get("WparBackupProcess"))))
                .contains("WrongForm: oslevel is not an input of WparBackupProcess",
                        "WrongForm: required input host has no field",
                        "WrongForm: wpar is required by the server but not by the form",
                        "WrongForm: wpar maxLength 30, the server's 25",
                        "WrongForm: choice snapshot of consistency is refused by the server",
                        "WrongForm: consistency offers [none, snapshot], the server also takes [stop, quiesce]",
                        "WrongForm: wpar has no pattern although the server refuses 0wpr");
    }

    // ------------------------------------------------------------------ the checks

    static List<String> formProblems(String id, JsonNode form) {
        List<String> problems = new ArrayList<>();
        if (!id.endsWith("Form") || !form.path("components").isArray()) {
            problems.add(id + ": a form needs an id ending in Form and components");
        }
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components(form)) {
            String componentId = component.path("id").asText();
            String type = component.path("type").asText();
            if (!ids.add(componentId)) {
                problems.add(id + ": duplicate component id " + componentId);
            }
            if (KEYED.contains(type) && component.path("key").asText().isEmpty()) {
                problems.add(id + ": " + componentId + ": a " + type + " without a key");
            }
            if (component.has("key") && !keys.add(component.path("key").asText())) {
                problems.add(id + ": two fields for " + component.path("key").asText());
            }
            String pattern = component.path("validate").path("pattern").asText(null);
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(id + ": pattern of " + component.path("key").asText() + " does not compile");
                }
            }
        }
        return problems;
    }

    static List<String> modelProblems(BpmnModelInstance model, Map<String, JsonNode> forms,
            Map<String, InputContract> contracts) {
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            String key = process.getId();
            InputContract contract = contracts.get(key);
            boolean startable = process.isCamundaStartableInTasklist();
            if (startable && (contract == null || !contract.operation())) {
                problems.add(key + ": a sub-process must say camunda:isStartableInTasklist=\"false\"");
            }
            if (!startable && contract != null && contract.operation()) {
                problems.add(key + ": an operation must be startable in Tasklist");
            }
            Optional<StartEvent> initial = initialStart(process);
            String formRef = initial.map(e -> e.getAttributeValueNs(CAMUNDA, "formRef")).orElse(null);
            if (startable && formRef == null) {
                problems.add(key + ": startable in Tasklist but its start event (the none or timer start event the "
                        + "engine starts at) has no form");
            }
            if (formRef != null) {
                problems.addAll(formRefProblems(initial.get().getId(), formRef,
                        initial.get().getAttributeValueNs(CAMUNDA, "formRefBinding"), forms, false));
            }
            for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                if (start.getAttributeValueNs(CAMUNDA, "formRef") != null && !initial.equals(Optional.of(start))) {
                    problems.add(start.getId() + ": a form on a start event the engine never starts at");
                }
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getAttributeValueNs(CAMUNDA, "formRef");
            problems.addAll(formRefProblems(task.getId(), formRef, task.getAttributeValueNs(CAMUNDA, "formRefBinding"),
                    forms, true).stream().map(p -> p.replace("without a form", "user task without a form")).toList());
            if (formRef != null && forms.containsKey(formRef)) {
                Set<String> allowed = TASK_FORM_KEYS.getOrDefault(formRef, Set.of());
                for (JsonNode field : components(forms.get(formRef))) {
                    if (field.has("key") && !allowed.contains(field.path("key").asText())) {
                        problems.add(task.getId() + ": form " + formRef + " would write "
                                + field.path("key").asText() + ", which no listener of the task reads");
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> formRefProblems(String elementId, String formRef, String binding,
            Map<String, JsonNode> forms, boolean needed) {
        if (formRef == null) {
            return needed ? List.of(elementId + ": without a form") : List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!forms.containsKey(formRef)) {
            problems.add(elementId + ": formRef " + formRef + " resolves to no form in forms/");
        }
        if (!"deployment".equals(binding)) {
            problems.add(elementId + ": formRefBinding must be deployment");
        }
        return problems;
    }

    static List<String> startForms(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().map(FormsTest::startForm)
                .filter(f -> f != null).toList();
    }

    static String startForm(Process process) {
        return initialStart(process).map(e -> e.getAttributeValueNs(CAMUNDA, "formRef")).orElse(null);
    }

    /**
     * The start event Tasklist, REST and a call activity start at, chosen as the engine's parser does: the none or
     * timer start event (a process has at most one), else the only start event. Its form is the start form.
     */
    static Optional<StartEvent> initialStart(Process process) {
        List<StartEvent> starts = List.copyOf(process.getChildElementsByType(StartEvent.class));
        Optional<StartEvent> noneOrTimer = starts.stream().filter(e -> e.getEventDefinitions().isEmpty()
                || e.getEventDefinitions().stream().allMatch(d -> d instanceof TimerEventDefinition)).findFirst();
        return noneOrTimer.or(() -> starts.size() == 1 ? Optional.of(starts.get(0)) : Optional.empty());
    }

    static List<String> fieldProblems(String formId, JsonNode form, InputContract contract) {
        List<String> problems = new ArrayList<>();
        Map<String, InputField> inputs = contract.byName();
        Set<String> fieldKeys = new HashSet<>();
        for (JsonNode component : components(form)) {
            if (!component.has("key")) {
                continue;
            }
            String key = component.path("key").asText();
            fieldKeys.add(key);
            InputField input = inputs.get(key);
            if (input == null) {
                problems.add(formId + ": " + key + " is not an input of " + contract.processKey());
                continue;
            }
            problems.addAll(ruleProblems(formId, component, input, contract));
        }
        for (InputField input : contract.fields()) {
            if (input.required() && !fieldKeys.contains(input.name())) {
                problems.add(formId + ": required input " + input.name() + " has no field");
            }
        }
        return problems;
    }

    private static List<String> ruleProblems(String formId, JsonNode field, InputField input, InputContract contract) {
        List<String> problems = new ArrayList<>();
        String key = input.name();
        String type = field.path("type").asText();
        JsonNode validate = field.path("validate");
        InputType expected = switch (type) {
            case "checkbox" -> InputType.BOOLEAN;
            case "number" -> InputType.INTEGER;
            case "datetime" -> InputType.DATE_TIME;
            default -> InputType.TEXT;
        };
        if (input.type() != expected) {
            problems.add(formId + ": " + key + " is a " + type + ", the server takes " + input.type().description());
        }
        if (validate.path("required").asBoolean(false) != input.required()) {
            problems.add(formId + ": " + key + " is required by " + (input.required() ? "the server but not by the form"
                    : "the form but not by the server"));
        }
        if ((type.equals("textfield") || type.equals("textarea"))
                && validate.path("maxLength").asInt(InputField.MAX_LENGTH) != input.maxLength()) {
            problems.add(formId + ": " + key + " maxLength " + validate.path("maxLength").asInt(InputField.MAX_LENGTH)
                    + ", the server's " + input.maxLength());
        }
        if (type.equals("number")) {
            long min = validate.path("min").asLong(Long.MIN_VALUE);
            long max = validate.path("max").asLong(Long.MAX_VALUE);
            if (!accepts(contract, input, Long.toString(min)) || !accepts(contract, input, Long.toString(max))
                    || accepts(contract, input, Long.toString(min - 1))
                    || accepts(contract, input, Long.toString(max + 1))) {
                problems.add(formId + ": " + key + " range " + min + ".." + max + " is not the server's ("
                        + input.rule() + ")");
            }
        }
        if (field.has("values")) {
            List<String> offered = new ArrayList<>();
            field.path("values").forEach(v -> offered.add(v.path("value").asText()));
            offered.stream().filter(v -> !accepts(contract, input, v)).forEach(v -> problems.add(
                    formId + ": choice " + v + " of " + key + " is refused by the server"));
            List<String> missing = choices(input).stream().filter(c -> !offered.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(formId + ": " + key + " offers " + offered + ", the server also takes " + missing);
            }
        }
        Samples samples = PROCESS_SAMPLES.getOrDefault(contract.processKey(), Map.of()).getOrDefault(key,
                SAMPLES.get(key));
        String pattern = validate.path("pattern").asText(null);
        if (type.equals("textfield") && samples == null && (pattern != null || input.rule() != null)) {
            problems.add(formId + ": " + key + " has a rule but no samples in FormsTest.SAMPLES");
        }
        if (samples != null) {
            Pattern compiled = pattern == null ? null : Pattern.compile(pattern);
            int maxLength = validate.path("maxLength").asInt(Integer.MAX_VALUE);
            for (String good : samples.good()) {
                if (!accepts(contract, input, good)) {
                    problems.add(formId + ": sample " + good + " of " + key + " is refused by the server");
                }
                if (compiled != null && !compiled.matcher(good).find() || good.strip().length() > maxLength) {
                    problems.add(formId + ": " + key + " refuses " + good + ", which the server accepts");
                }
            }
            for (String bad : samples.bad()) {
                if (accepts(contract, input, bad)) {
                    problems.add(formId + ": sample " + bad + " of " + key + " is accepted by the server");
                }
                boolean formRefuses = compiled != null && !compiled.matcher(bad).find()
                        || bad.strip().length() > maxLength;
                if (!formRefuses) {
                    problems.add(formId + ": " + key + (compiled == null ? " has no pattern although" : " accepts "
                            + bad + ", which") + " the server refuses " + bad);
                }
            }
            samples.serverOnly().stream().filter(v -> accepts(contract, input, v)).forEach(v -> problems.add(
                    formId + ": sample " + v + " of " + key + " is accepted by the server"));
        }
        return problems;
    }

    /** The choices of a oneOf rule ("one of none, stop, quiesce (any case)"), else none. */
    private static List<String> choices(InputField input) {
        if (input.rule() == null || !input.rule().startsWith("one of ")) {
            return List.of();
        }
        return List.of(input.rule().substring(7).replace(" (any case)", "").split(", "));
    }

    private static boolean accepts(InputContract contract, InputField input, String value) {
        try {
            Map<String, InputContract.Given> given = new LinkedHashMap<>();
            contract.fields().stream().filter(InputField::required).forEach(f -> given.put(f.name(),
                    new InputContract.Given("string", sampleValue(f))));
            BASE.getOrDefault(contract.processKey(), Map.of())
                    .forEach((k, v) -> given.put(k, new InputContract.Given("string", v)));
            Set<String> alternatives = ALTERNATIVES.getOrDefault(contract.processKey(), Set.of());
            if (alternatives.contains(input.name())) {
                alternatives.forEach(given::remove);
            }
            REPLACES.getOrDefault(contract.processKey(), Map.of()).getOrDefault(input.name(), Set.of())
                    .forEach(given::remove);
            given.put(input.name(), new InputContract.Given("string", value));
            contract.check(given);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** A valid value for each required input, so that a check judges only the input under test. */
    private static String sampleValue(InputField field) {
        return switch (field.name()) {
            case "summary" -> "a change";
            case "plan" -> "the plan";
            case "riskLevel" -> "low";
            case "imageId" -> "42";
            case "departingLpar" -> "lpar00";
            case "host", "lpar" -> "lpar00";
            default -> "wpr00";
        };
    }

    private static List<JsonNode> components(JsonNode form) {
        List<JsonNode> all = new ArrayList<>();
        form.path("components").forEach(c -> {
            all.add(c);
            all.addAll(components(c));
        });
        return all;
    }
}
