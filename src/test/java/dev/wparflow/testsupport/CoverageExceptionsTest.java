package dev.wparflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The coverage threshold reads a report as the coverage extension writes it, and names what no test took. */
class CoverageExceptionsTest {

    @TempDir
    Path dir;

    @Test
    void namesEveryFlowNodeAndSequenceFlowNoRunTook() throws Exception {
        String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("Planted").startEvent("StartEvent_Planted")
                .sequenceFlowId("Flow_StartToGateway").exclusiveGateway("Gateway_Which")
                .sequenceFlowId("Flow_Taken").endEvent("EndEvent_Taken")
                .moveToNode("Gateway_Which").sequenceFlowId("Flow_NotTaken").condition("never", "${false}")
                .endEvent("EndEvent_NotTaken").done());
        Map<String, Object> report = Map.of(
                "models", List.of(Map.of("key", "Planted", "totalElementCount", 7, "version", "1", "xml", xml)),
                "suites", List.of(Map.of("runs", List.of(Map.of("events", List.of(
                        event("StartEvent_Planted"), event("Flow_StartToGateway"), event("Gateway_Which"),
                        event("Flow_Taken"), event("EndEvent_Taken")))))));
        Path json = dir.resolve("report.json");
        Files.writeString(json, new ObjectMapper().writeValueAsString(report));

        assertThat(CoverageExceptions.uncovered(json, Set.of("Planted")))
                .containsExactly(Map.entry("Planted", new java.util.TreeSet<>(Set.of("EndEvent_NotTaken", "Flow_NotTaken"))));
    }

    @Test
    void everyListedExceptionHasAReason() {
        CoverageExceptions.allowed().forEach((model, elements) -> elements.forEach((id, reason) ->
                assertThat(reason).as(model + " " + id).isNotBlank()));
    }

    private static Map<String, Object> event(String element) {
        return Map.of("modelKey", "Planted", "definitionKey", element, "type", "END", "source", "FLOW_NODE");
    }
}
