"""`kremlin-sim graph`: the decision graph as Mermaid or Graphviz DOT.

Decision points are boxes, story endings rounded, threshold endings hexagons
drawn once in their own group (they are checked after every choice, so an
edge from every choice would hide the story). Conditional edges are dotted and
say their condition; the historical path is drawn thick and red. Every label
is untrusted text, escaped for the format, so no title can break the graph.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from ..engine.history import historical_path
from ..engine.rules import Rules
from ..scenario.model import Scenario

EDGE_LABEL_LIMIT = 48
NODE_LABEL_LIMIT = 80
HISTORY_COLOUR = "#b22222"
THRESHOLD_GROUP = "Threshold endings: checked after every choice"


@dataclass(frozen=True)
class Node:
    key: str                 # safe in both formats: letters, digits, _
    kind: str                # "start", "decision", "ending" or "threshold"
    label: str               # raw text; each format escapes it
    historical: bool = False


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    conditional: bool
    historical: bool


@dataclass(frozen=True)
class Graph:
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


_SAFE_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


def plain(text: str, limit: int) -> str:
    """One line: whitespace (newlines included) collapsed, control characters dropped, shortened."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def decision_graph(scenario: Scenario) -> Graph:
    keys: dict[str, str] = {}
    for prefix, items in (("d", scenario.decisions), ("e", scenario.endings)):
        for number, item in enumerate(items):
            keys[item.id] = f"{prefix}_{item.id}" if _SAFE_ID.fullmatch(item.id) else f"{prefix}{number}"
    points, final = historical_path(Rules(scenario))
    on_path = {p.node for p in points} | {final.node}
    taken = {(p.node, p.choice, p.next) for p in points}

    nodes = [Node("start", "start", "start")]
    for decision in scenario.decisions:
        label = f"{decision.date}: {decision.title}" if decision.date else decision.title
        nodes.append(Node(keys[decision.id], "decision", plain(label, NODE_LABEL_LIMIT), decision.id in on_path))
    for ending in scenario.endings:
        title = plain(ending.title, NODE_LABEL_LIMIT)
        if ending.when is not None:
            nodes.append(Node(keys[ending.id], "threshold", f"{title}: when {plain(ending.when.source, NODE_LABEL_LIMIT)}",
                              ending.id in on_path))
        else:
            nodes.append(Node(keys[ending.id], "ending", title, ending.id in on_path))

    edges = []
    if scenario.start in keys:
        edges.append(Edge("start", keys[scenario.start], "", False, True))
    for decision in scenario.decisions:
        for choice in decision.choices:
            label = plain(choice.label, EDGE_LABEL_LIMIT)
            if choice.condition is not None:
                label += f" [only if {plain(choice.condition.source, NODE_LABEL_LIMIT)}]"
            for branch in choice.next or decision.next:
                if branch.to not in keys:
                    continue
                text = label + (f" [if {plain(branch.condition.source, NODE_LABEL_LIMIT)}]" if branch.condition else "")
                conditional = choice.condition is not None or branch.condition is not None
                edges.append(Edge(keys[decision.id], keys[branch.to], text, conditional,
                                  (decision.id, choice.id, branch.to) in taken))
    # History that ends at a threshold gets the one edge drawn to it, so the path is complete.
    if points and scenario.ending(final.node) is not None and scenario.ending(final.node).when is not None:
        last = points[-1]
        choice = scenario.decision(last.node).choice(last.choice)
        edges.append(Edge(keys[last.node], keys[final.node], plain(choice.label, EDGE_LABEL_LIMIT) + " [threshold]",
                          True, True))
    return Graph(scenario.title, tuple(nodes), tuple(edges))


# -- Mermaid --------------------------------------------------------------------------------------

# `#` first, since the others are written with it. `%` could start a `%%{init}%%` directive,
# a backtick a Markdown string, `<` HTML; `"` would end the label.
_MERMAID_CODES = (("#", "#35;"), ('"', "#quot;"), ("%", "#37;"), ("`", "#96;"), ("<", "#lt;"), (">", "#gt;"),
                  ("&", "#amp;"), ("|", "#124;"))


def mermaid_label(text: str) -> str:
    text = plain(text, 10_000)
    for char, code in _MERMAID_CODES:
        text = text.replace(char, code)
    return f'"{text}"'


_MERMAID_SHAPES = {"start": ('((', '))'), "decision": ("[", "]"), "ending": ("([", "])"), "threshold": ("{{", "}}")}


def to_mermaid(graph: Graph) -> str:
    lines = ["flowchart TD"]

    def node_line(node: Node) -> str:
        opening, closing = _MERMAID_SHAPES[node.kind]
        return f"    {node.key}{opening}{mermaid_label(node.label)}{closing}"

    lines += [node_line(n) for n in graph.nodes if n.kind != "threshold"]
    thresholds = [n for n in graph.nodes if n.kind == "threshold"]
    if thresholds:
        lines.append(f"    subgraph thresholds [{mermaid_label(THRESHOLD_GROUP)}]")
        lines += ["    " + node_line(n) for n in thresholds]
        lines.append("    end")
    for edge in graph.edges:
        arrow = "-.->" if edge.conditional else "-->"
        label = f"|{mermaid_label(edge.label)}|" if edge.label else ""
        lines.append(f"    {edge.source} {arrow}{label} {edge.target}")
    lines.append(f"    classDef history stroke:{HISTORY_COLOUR},stroke-width:3px")
    lines.append("    classDef ending fill:#eef3ff")
    lines.append("    classDef threshold fill:#fff0e0")
    for kind in ("ending", "threshold"):
        members = [n.key for n in graph.nodes if n.kind == kind]
        if members:
            lines.append(f"    class {','.join(members)} {kind}")
    historical = [n.key for n in graph.nodes if n.historical]
    if historical:
        lines.append(f"    class {','.join(historical)} history")
    links = [str(i) for i, edge in enumerate(graph.edges) if edge.historical]
    if links:
        lines.append(f"    linkStyle {','.join(links)} stroke:{HISTORY_COLOUR},stroke-width:3px")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT ---------------------------------------------------------------------------------

def dot_string(text: str) -> str:
    text = plain(text, 10_000).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


_DOT_SHAPES = {"start": "shape=circle", "decision": 'shape=box, style="rounded"',
               "ending": 'shape=box, style="rounded,filled,bold", fillcolor="#eef3ff"',
               "threshold": 'shape=hexagon, style=filled, fillcolor="#fff0e0"'}


def to_dot(graph: Graph) -> str:
    lines = [f"digraph {dot_string(graph.title)} {{", "    rankdir=TB;", '    node [fontname="Helvetica"];',
             '    edge [fontname="Helvetica", fontsize=10];']

    def node_line(node: Node) -> str:
        history = f', color="{HISTORY_COLOUR}", penwidth=3' if node.historical else ""
        return f"    {node.key} [label={dot_string(node.label)}, {_DOT_SHAPES[node.kind]}{history}];"

    lines += [node_line(n) for n in graph.nodes if n.kind != "threshold"]
    thresholds = [n for n in graph.nodes if n.kind == "threshold"]
    if thresholds:
        lines.append("    subgraph cluster_thresholds {")
        lines.append(f"        label={dot_string(THRESHOLD_GROUP)};")
        lines += ["    " + node_line(n) for n in thresholds]
        lines.append("    }")
    for edge in graph.edges:
        attributes = [f"label={dot_string(edge.label)}"] if edge.label else []
        if edge.conditional:
            attributes.append("style=dashed")
        if edge.historical:
            attributes.append(f'color="{HISTORY_COLOUR}", penwidth=3')
        attribute_text = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"    {edge.source} -> {edge.target}{attribute_text};")
    lines.append("}")
    return "\n".join(lines) + "\n"


FORMATS = {"mermaid": to_mermaid, "dot": to_dot}


def render(scenario: Scenario, format: str = "mermaid") -> str:
    return FORMATS[format](decision_graph(scenario))


def run(args: argparse.Namespace) -> int:
    from ..cli import require_scenario, write_output
    scenario = require_scenario(args.path)
    if scenario is None:
        return 1
    return write_output(render(scenario, args.format), args.output)
