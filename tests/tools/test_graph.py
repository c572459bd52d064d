"""The decision graph: shapes, the historical path, conditions, and labels that cannot break out."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest

from kremlin_sim.tools.graph import decision_graph, render
from tools.fixture_scenarios import fixture_path, load_fixture

LABEL = r'"[^"\n]*"'
MERMAID_LINES = [
    re.compile(rf"^ {{4}}(?:    )?(?P<node>[A-Za-z][A-Za-z0-9_]*)(?:\(\({LABEL}\)\)|\[{LABEL}\]|\(\[{LABEL}\]\)|\{{\{{{LABEL}\}}\}})$"),
    re.compile(rf"^ {{4}}(?P<source>\w+) (?:-->|-\.->)(?:\|{LABEL}\|)? (?P<target>\w+)$"),
    re.compile(rf"^ {{4}}subgraph \w+ \[{LABEL}\]$"),
    re.compile(r"^ {4}end$"),
    re.compile(r"^ {4}classDef \w+ [\w:#,.-]+$"),
    re.compile(r"^ {4}class [\w,]+ \w+$"),
    re.compile(r"^ {4}linkStyle (?P<links>[\d,]+) [\w:#,.-]+$"),
]
ENTITIES = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}


def mermaid_structure(text: str) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """Check every line against the statements graph.py writes; return nodes, edges and labels."""
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    nodes, edges, links = [], [], []
    for line in lines[1:]:
        match = next((m for m in (p.match(line) for p in MERMAID_LINES) if m), None)
        assert match, f"not a well-formed statement: {line!r}"
        found = match.groupdict()
        if found.get("node"):
            nodes.append(found["node"])
        if found.get("source"):
            edges.append((found["source"], found["target"]))
        if found.get("links"):
            links += [int(n) for n in found["links"].split(",")]
    assert len(nodes) == len(set(nodes)) and all(n not in ("end", "graph", "subgraph") for n in nodes)
    assert all(a in nodes and b in nodes for a, b in edges)
    assert all(0 <= link < len(edges) for link in links)
    labels = re.findall(LABEL, text)
    for label in labels:
        assert not set(label[1:-1]) & set('%<>`|\n\r'), label
    return nodes, edges, labels


def mermaid_decode(label: str) -> str:
    return re.sub(r"#(\w+);", lambda m: chr(int(m[1])) if m[1].isdigit() else ENTITIES[m[1]], label[1:-1])


DOT_TOKEN = re.compile(r'\s*(?:"(?P<string>(?:[^"\\\n]|\\.)*)"|(?P<id>[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?)|(?P<punct>->|[{}\[\];=,]))')


def dot_strings(text: str) -> list[str]:
    """Tokenise the whole file as DOT: any stray quote or unbalanced brace fails; return the strings, unescaped."""
    position, depth, strings = 0, 0, []
    while text[position:].strip():
        match = DOT_TOKEN.match(text, position)
        assert match, f"cannot tokenise DOT at {text[position:position + 40]!r}"
        position = match.end()
        if match["string"] is not None:
            strings.append(re.sub(r"\\(.)", r"\1", match["string"]))
        depth += {"{": 1, "}": -1}.get(match["punct"] or "", 0)
        assert depth >= 0
    assert depth == 0
    return strings


def test_mermaid_of_the_contract_shows_shapes_history_and_conditions():
    text = render(load_fixture("diamond"), "mermaid")
    nodes, edges, labels = mermaid_structure(text)
    assert '    e_low_end(["Low"])' in text.splitlines()
    assert ("d_talks", "e_high_end") in edges
    assert '    d_talks -.->|"Wait [if tension #gt;= 70]"| e_high_end' in text.splitlines()


def test_threshold_endings_are_drawn_once_without_edges():
    scenario = load_fixture("clean")
    text = render(scenario, "mermaid")
    nodes, edges, _ = mermaid_structure(text)
    assert '        e_war{{"War: when tension #gt;= 80"}}' in text.splitlines()
    assert "checked after every choice" in text
    assert all(target not in ("e_war", "e_ousted") for _, target in edges)


def test_historical_path_is_highlighted_in_both_formats():
    scenario = load_fixture("clean")
    graph = decision_graph(scenario)
    assert [(e.source, e.target, e.label) for e in graph.edges if e.historical] == [
        ("start", "d_summit", ""), ("d_summit", "d_crisis", "Talk"), ("d_crisis", "e_standoff", "Escalate")]
    assert {n.key for n in graph.nodes if n.historical} == {"d_summit", "d_crisis", "e_standoff"}
    mermaid = render(scenario, "mermaid")
    historical = [i for i, e in enumerate(graph.edges) if e.historical]
    assert f"    linkStyle {','.join(map(str, historical))} stroke:#b22222,stroke-width:3px" in mermaid
    assert "    class d_summit,d_crisis,e_standoff history" in mermaid
    dot = render(scenario, "dot")
    assert '    d_crisis -> e_standoff [label="Escalate", color="#b22222", penwidth=3];' in dot.splitlines()


def test_history_that_ends_at_a_threshold_gets_an_edge_to_it():
    from tools.fixture_scenarios import load_edited
    scenario = load_edited("clean", "      choice: talk\n", "      choice: threaten\n")
    graph = decision_graph(scenario)
    assert ("d_crisis", "e_war", True) in {(e.source, e.target, e.historical) for e in graph.edges}


def test_hostile_labels_stay_inside_their_quotes_in_mermaid():
    scenario = load_fixture("hostile_labels")
    text = render(scenario, "mermaid")
    nodes, edges, labels = mermaid_structure(text)
    assert set(nodes) == {"start", "d_end", "d_digraph", "e_node", "e_subgraph", "e_graph"}
    assert len(edges) == 6
    decoded = {mermaid_decode(label) for label in labels}
    assert 'Say "yes" --> |pipe| [bracket]' in decoded
    assert r'Back\slash \" and \n and #35; and `code` [only if tension < 60]' in decoded
    assert 'x"];evil[" <img src=x onerror=alert(1)>' in decoded


def test_hostile_labels_stay_inside_their_quotes_in_dot():
    scenario = load_fixture("hostile_labels")
    text = render(scenario, "dot")
    strings = dot_strings(text)
    assert scenario.title in strings
    assert r'Back\slash \" and \n and #35; and `code` [only if tension < 60]' in strings
    assert 'War -.-> {{"hexagon"}} \\" \\\\: when tension >= 90' in strings


def test_newlines_and_control_characters_are_removed_from_labels():
    scenario = load_fixture("clean")
    first = scenario.decisions[0]
    evil = dataclasses.replace(first, title="Line one\nLine two -->\r\x1b[31m\u2028end", choices=(
        dataclasses.replace(first.choices[0], label='a"\nb'), *first.choices[1:]))
    scenario = dataclasses.replace(scenario, title="T\n}\ndigraph {", decisions=(evil, *scenario.decisions[1:]))
    mermaid = render(scenario, "mermaid")
    mermaid_structure(mermaid)
    assert '    d_summit["1955-07: Line one Line two --#gt; [31m end"]' in mermaid.splitlines()
    dot = render(scenario, "dot")
    assert "a\\\" b" in dot and "\x1b" not in dot
    assert dot_strings(dot)[0] == "T } digraph {"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed; the tokeniser test covers DOT syntax")
@pytest.mark.parametrize("name", ["hostile_labels", "clean", "loop_with_exit"])
def test_graphviz_accepts_the_dot_output(name, tmp_path):
    source = tmp_path / "graph.dot"
    source.write_text(render(load_fixture(name), "dot"), encoding="utf-8")
    done = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "onerror=alert" not in done.stdout.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_graph_command_writes_a_file_and_reports_bad_input(run_cli, tmp_path):
    target = tmp_path / "graph.mmd"
    code, out, err = run_cli("graph", fixture_path("clean"), "-o", target)
    assert code == 0 and out == "" and "wrote" in err
    mermaid_structure(target.read_text(encoding="utf-8"))
    code, out, _ = run_cli("graph", fixture_path("clean"), "--format", "dot")
    assert code == 0 and out.startswith('digraph "Clean: a summit and a crisis" {')
    code, out, err = run_cli("graph", tmp_path / "missing.yaml")
    assert code == 1 and out == "" and "no such file" in err
