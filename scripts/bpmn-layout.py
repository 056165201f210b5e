#!/usr/bin/env python3
"""Adds (or replaces) BPMN DI in a model written by hand, so Cockpit and the Modeler can draw it.

    python3 scripts/bpmn-layout.py processes/WparStaticRelocationProcess.bpmn

Layered left-to-right layout: each flow node goes one column right of its furthest predecessor (back edges,
found by depth-first search, do not count), rows in the order the search meets the nodes. Expanded sub-processes
are laid out inside and drawn as one big node; boundary events sit on the bottom edge of their host. Good enough
to read; move things in the Modeler when you want it pretty.
"""
import sys
import xml.etree.ElementTree as ET

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
DI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DDI = "http://www.omg.org/spec/DD/20100524/DI"
NS = {"bpmn": BPMN, "camunda": "http://camunda.org/schema/1.0/bpmn", "bpmndi": DI, "dc": DC, "di": DDI,
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
for p, u in NS.items():
    ET.register_namespace(p, u)

SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}
COL, ROW, PAD = 160, 120, 40


def kind(el):
    t = el.tag.split("}")[1]
    if t.endswith("Event"):
        return "event"
    if t.endswith("Gateway"):
        return "gateway"
    return "task"


def layout(container, origin_x, origin_y, shapes):
    """Lays out the flow nodes directly in container; returns (width, height)."""
    nodes, boundaries = {}, []
    for el in container:
        t = el.tag.split("}")[1]
        if t == "boundaryEvent":
            boundaries.append(el)
        elif t not in ("sequenceFlow", "documentation", "extensionElements", "laneSet", "textAnnotation",
                       "association", "incoming", "outgoing") and el.get("id"):
            nodes[el.get("id")] = el
    attached = {b.get("id"): b.get("attachedToRef") for b in boundaries}
    succ = {n: [] for n in list(nodes) + list(attached)}
    for f in container.findall("bpmn:sequenceFlow", NS):
        succ.setdefault(f.get("sourceRef"), []).append(f.get("targetRef"))
    # boundary events count as their host for layering
    eff = {n: [] for n in nodes}
    for s, ts in succ.items():
        src = attached.get(s, s)
        for t in ts:
            if t in nodes and src in nodes:
                eff[src].append(t)
    starts = [n for n in nodes if not any(n in ts for ts in eff.values())] or list(nodes)[:1]
    order, back, state = [], set(), {}

    def dfs(n):
        state[n] = 1
        order.append(n)
        for t in eff[n]:
            if state.get(t) == 1:
                back.add((n, t))
            elif t not in state:
                dfs(t)
        state[n] = 2

    for s in starts:
        if s not in state:
            dfs(s)
    for n in nodes:
        if n not in state:
            dfs(n)
    layer = {n: 0 for n in nodes}
    for _ in range(len(nodes)):
        changed = False
        for s in nodes:
            for t in eff[s]:
                if (s, t) not in back and layer[t] < layer[s] + 1:
                    layer[t] = layer[s] + 1
                    changed = True
        if not changed:
            break
    # sizes (sub-processes laid out first)
    size = {}
    for n, el in nodes.items():
        if el.tag == "{%s}subProcess" % BPMN:
            size[n] = None
        else:
            size[n] = SIZES[kind(el)]
    cols = {}
    for n in order:
        cols.setdefault(layer[n], []).append(n)
    x = origin_x
    width_of_col = {}
    for c in sorted(cols):
        w = 0
        for n in cols[c]:
            if size[n] is None:
                sw, sh = layout(nodes[n], 0, 0, {})  # measure
                size[n] = (sw, sh)
            w = max(w, size[n][0])
        width_of_col[c] = w
    pos = {}
    for c in sorted(cols):
        y = origin_y
        for n in cols[c]:
            w, h = size[n]
            cx = x + (width_of_col[c] - w) / 2
            pos[n] = (cx, y + max(0, (80 - h) / 2) if h <= 80 else y)
            y += max(h, 80) + ROW - 80 + (20 if any(attached.get(b) == n for b in attached) else 0)
        x += width_of_col[c] + COL - 100
    for n, (px, py) in pos.items():
        w, h = size[n]
        shapes[n] = (px, py, w, h)
        if nodes[n].tag == "{%s}subProcess" % BPMN:
            layout(nodes[n], px + PAD, py + PAD, shapes)
    # boundary events on the bottom edge of their host
    per_host = {}
    for b, host in attached.items():
        hx, hy, hw, hh = shapes[host]
        i = per_host.get(host, 0)
        per_host[host] = i + 1
        shapes[b] = (hx + 10 + i * 44 if hw > 60 else hx, hy + hh - 18, 36, 36)
    maxx = max((s[0] + s[2] for k, s in shapes.items() if k in pos), default=origin_x) - origin_x
    maxy = max((s[1] + s[3] for k, s in shapes.items() if k in pos or k in attached), default=origin_y) - origin_y
    return maxx + 2 * PAD, maxy + 2 * PAD + 20


def edges(container, shapes, plane):
    for f in container.iter("{%s}sequenceFlow" % BPMN):
        s, t = shapes[f.get("sourceRef")], shapes[f.get("targetRef")]
        e = ET.SubElement(plane, "{%s}BPMNEdge" % DI, id=f.get("id") + "_di", bpmnElement=f.get("id"))
        if s[3] == 36 and s[1] + 18 > 0 and any(b.get("id") == f.get("sourceRef")
                                                 for b in container.iter("{%s}boundaryEvent" % BPMN)):
            sx, sy = s[0] + 18, s[1] + 36
            tx, ty = t[0], t[1] + t[3] / 2
            pts = [(sx, sy), (sx, ty), (tx, ty)] if tx > sx else [(sx, sy), (sx, t[1] + t[3] + 20),
                                                                 (t[0] + t[2] / 2, t[1] + t[3] + 20),
                                                                 (t[0] + t[2] / 2, t[1] + t[3])]
        else:
            sx, sy = s[0] + s[2], s[1] + s[3] / 2
            tx, ty = t[0], t[1] + t[3] / 2
            if tx >= sx:
                mx = (sx + tx) / 2
                pts = [(sx, sy), (mx, sy), (mx, ty), (tx, ty)] if abs(sy - ty) > 1 else [(sx, sy), (tx, ty)]
            else:  # back edge: under both
                low = max(s[1] + s[3], t[1] + t[3]) + 30
                pts = [(s[0] + s[2] / 2, s[1] + s[3]), (s[0] + s[2] / 2, low), (t[0] + t[2] / 2, low),
                       (t[0] + t[2] / 2, t[1] + t[3])]
        for px, py in pts:
            ET.SubElement(e, "{%s}waypoint" % DDI, x=str(int(px)), y=str(int(py)))


def main(path):
    tree = ET.parse(path)
    root = tree.getroot()
    for d in root.findall("bpmndi:BPMNDiagram", NS):
        root.remove(d)
    for process in root.findall("bpmn:process", NS):
        shapes = {}
        layout(process, 150, 80, shapes)
        diagram = ET.SubElement(root, "{%s}BPMNDiagram" % DI, id="BPMNDiagram_" + process.get("id"))
        plane = ET.SubElement(diagram, "{%s}BPMNPlane" % DI, id="BPMNPlane_" + process.get("id"),
                              bpmnElement=process.get("id"))
        for el in process.iter():
            i = el.get("id")
            if i in shapes:
                x, y, w, h = shapes[i]
                attrs = {"id": i + "_di", "bpmnElement": i}
                if el.tag == "{%s}subProcess" % BPMN:
                    attrs["isExpanded"] = "true"
                if el.tag.endswith("Gateway"):
                    attrs["isMarkerVisible"] = "true"
                sh = ET.SubElement(plane, "{%s}BPMNShape" % DI, attrs)
                ET.SubElement(sh, "{%s}Bounds" % DC, x=str(int(x)), y=str(int(y)), width=str(int(w)),
                              height=str(int(h)))
        edges(process, shapes, plane)
    ET.indent(tree, "  ")
    tree.write(path, xml_declaration=True, encoding="UTF-8")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)
