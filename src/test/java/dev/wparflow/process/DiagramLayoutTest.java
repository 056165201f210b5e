package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The diagrams Cockpit draws stay readable: every flow node and sequence flow is drawn, and no sequence flow passes
 * through a shape it neither leaves nor enters (the sub-processes around its ends excepted). A flow from a boundary
 * event starts on its host's border, which does not count as crossing the host; running through the host's inside
 * does.
 */
class DiagramLayoutTest {

    /** a segment that only grazes a shape's border does not cross it */
    static final double TOLERANCE = 1.0;

    @TestFactory
    Stream<DynamicTest> everyModelIsDrawnWithoutFlowsThroughShapes() throws IOException {
        return ProcessModelConventionsTest.models().stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                    assertThat(undrawn(model)).as("flow nodes and flows without a DI element in " + file).isEmpty();
                    assertThat(crossings(model)).as("flows drawn through a shape in " + file).isEmpty();
                }));
    }

    @Test
    void aFlowDrawnThroughAnotherShapeIsFound() {
        BpmnModelInstance model = readModel(PLANTED);
        assertThat(crossings(model)).containsExactly("Flow_Through");
        assertThat(undrawn(model)).isEmpty();
    }

    @Test
    void aFlowFromABoundaryEventMayLeaveItsHostButNotRunThroughIt() {
        String attached = PLANTED.replace("<bpmn:endEvent id=\"EndEvent_Planted\" />",
                "<bpmn:endEvent id=\"EndEvent_Planted\" /><bpmn:boundaryEvent id=\"BoundaryEvent_Planted\" "
                        + "attachedToRef=\"Task_Middle\" /><bpmn:sequenceFlow id=\"Flow_Out\" "
                        + "sourceRef=\"BoundaryEvent_Planted\" targetRef=\"EndEvent_Planted\" />")
                .replace("</bpmndi:BPMNPlane>", """
                        <bpmndi:BPMNShape id="BoundaryEvent_Planted_di" bpmnElement="BoundaryEvent_Planted">
                          <dc:Bounds x="232" y="140" width="36" height="36" />
                        </bpmndi:BPMNShape>
                        <bpmndi:BPMNEdge id="Flow_Out_di" bpmnElement="Flow_Out">
                          <di:waypoint x="250" y="176" />
                          <di:waypoint x="250" y="200" />
                          <di:waypoint x="418" y="200" />
                          <di:waypoint x="418" y="136" />
                        </bpmndi:BPMNEdge>
                        </bpmndi:BPMNPlane>""");
        assertThat(crossings(readModel(attached))).containsExactly("Flow_Through");
        String throughHost = attached
                .replace("<di:waypoint x=\"250\" y=\"200\" />", "<di:waypoint x=\"250\" y=\"100\" />")
                .replace("<di:waypoint x=\"418\" y=\"200\" />", "<di:waypoint x=\"418\" y=\"100\" />");
        assertThat(crossings(readModel(throughHost))).containsExactlyInAnyOrder("Flow_Through", "Flow_Out");
    }

    static BpmnModelInstance readModel(String xml) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFlowNodeWithoutShapeIsFound() {
        BpmnModelInstance model = readModel(
                PLANTED.replaceAll("(?s)<bpmndi:BPMNShape id=\"Task_Middle_di\".*?</bpmndi:BPMNShape>", ""));
        assertThat(undrawn(model)).containsExactly("Task_Middle");
    }

    /** ids of flow nodes and sequence flows that have no BPMNShape/BPMNEdge */
    static List<String> undrawn(BpmnModelInstance model) {
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
        List<String> missing = new ArrayList<>();
        model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .filter(id -> !drawn.contains(id)).forEach(missing::add);
        model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
                .filter(id -> !drawn.contains(id)).forEach(missing::add);
        return missing;
    }

    /** ids of sequence flows whose polyline crosses the interior of a flow node's shape it may not cross */
    static List<String> crossings(BpmnModelInstance model) {
        List<String> offending = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            Set<FlowNode> allowed = new HashSet<>();
            allowed.add(flow.getSource());
            allowed.add(flow.getTarget());
            allowed.addAll(subProcessesAround(flow.getSource()));
            allowed.addAll(subProcessesAround(flow.getTarget()));
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            boolean crosses = false;
            for (Map.Entry<FlowNode, Bounds> shape : shapesOnPlane(plane(edge)).entrySet()) {
                if (allowed.contains(shape.getKey())) {
                    continue;
                }
                for (int i = 1; i < points.size() && !crosses; i++) {
                    crosses = segmentCrosses(points.get(i - 1), points.get(i), shape.getValue());
                }
            }
            if (crosses) {
                offending.add(flow.getId());
            }
        }
        return offending;
    }

    static List<SubProcess> subProcessesAround(FlowNode node) {
        List<SubProcess> around = new ArrayList<>();
        for (ModelElementInstance parent = node.getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent instanceof SubProcess subProcess) {
                around.add(subProcess);
            }
        }
        return around;
    }

    static ModelElementInstance plane(BpmnEdge edge) {
        ModelElementInstance parent = edge.getParentElement();
        while (parent != null && !(parent instanceof BpmnPlane)) {
            parent = parent.getParentElement();
        }
        return parent;
    }

    static Map<FlowNode, Bounds> shapesOnPlane(ModelElementInstance plane) {
        Map<FlowNode, Bounds> shapes = new HashMap<>();
        for (BpmnShape shape : plane.getChildElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node) {
                shapes.put(node, shape.getBounds());
            }
        }
        return shapes;
    }

    /** Liang–Barsky clipping of segment a→b against the shape shrunk by {@link #TOLERANCE} */
    static boolean segmentCrosses(Waypoint a, Waypoint b, Bounds bounds) {
        double xmin = bounds.getX() + TOLERANCE;
        double ymin = bounds.getY() + TOLERANCE;
        double xmax = bounds.getX() + bounds.getWidth() - TOLERANCE;
        double ymax = bounds.getY() + bounds.getHeight() - TOLERANCE;
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.getX() - xmin, xmax - a.getX(), a.getY() - ymin, ymax - a.getY()};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter < leave;
    }

    static final String PLANTED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                id="Definitions_Planted" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="Planted" isExecutable="false">
                <bpmn:startEvent id="StartEvent_Planted" />
                <bpmn:task id="Task_Middle" />
                <bpmn:endEvent id="EndEvent_Planted" />
                <bpmn:sequenceFlow id="Flow_Around" sourceRef="StartEvent_Planted" targetRef="Task_Middle" />
                <bpmn:sequenceFlow id="Flow_Through" sourceRef="StartEvent_Planted" targetRef="EndEvent_Planted" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_Planted">
                <bpmndi:BPMNPlane id="BPMNPlane_Planted" bpmnElement="Planted">
                  <bpmndi:BPMNShape id="StartEvent_Planted_di" bpmnElement="StartEvent_Planted">
                    <dc:Bounds x="100" y="100" width="36" height="36" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Task_Middle_di" bpmnElement="Task_Middle">
                    <dc:Bounds x="200" y="78" width="100" height="80" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="EndEvent_Planted_di" bpmnElement="EndEvent_Planted">
                    <dc:Bounds x="400" y="100" width="36" height="36" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="Flow_Around_di" bpmnElement="Flow_Around">
                    <di:waypoint x="136" y="118" />
                    <di:waypoint x="200" y="118" />
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_Through_di" bpmnElement="Flow_Through">
                    <di:waypoint x="118" y="136" />
                    <di:waypoint x="118" y="118" />
                    <di:waypoint x="400" y="118" />
                  </bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
}
