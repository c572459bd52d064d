"""Checks of the whole story graph: reachability, endings, order, unused flags.

These look at where choices *can* lead, ignoring conditions; `kremlin-sim
check` goes further and explores every state with real meter values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .diagnostics import WARNING, Diagnostic
from .model import Decision, Scenario

if TYPE_CHECKING:  # the engine imports this module; PyYAML is needed only to load a file
    from .yaml_source import Pos


def destinations(scenario: Scenario, decision: Decision) -> set[str]:
    """Every node a choice of this decision point can lead to, threshold endings included."""
    targets = {e.id for e in scenario.threshold_endings}
    for choice in decision.choices:
        for branch in choice.next or decision.next:
            targets.add(branch.to)
    return targets


def check_graph(scenario: Scenario, positions: dict[str, Pos]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []

    def report(code: str, message: str, node_id: str, severity: str = "error") -> None:
        line, column = positions.get(node_id, (0, 0))
        problems.append(Diagnostic(code, message, scenario.path, line, column, severity))

    edges = {d.id: destinations(scenario, d) for d in scenario.decisions}
    reachable: set[str] = set()
    frontier = [scenario.start] if scenario.start in edges else []
    while frontier:
        node = frontier.pop()
        if node in reachable:
            continue
        reachable.add(node)
        frontier.extend(edges.get(node, ()))

    ending_ids = {e.id for e in scenario.endings}
    # Walk backwards from the endings to find decision points that can finish.
    can_finish = set(ending_ids)
    changed = True
    while changed:
        changed = False
        for node, targets in edges.items():
            if node not in can_finish and targets & can_finish:
                can_finish.add(node)
                changed = True

    for decision in scenario.decisions:
        if decision.id not in reachable:
            report("KS230", f'decision point "{decision.id}" cannot be reached from the start "{scenario.start}"', decision.id)
        elif decision.id not in can_finish:
            report("KS231", f'no ending can be reached from decision point "{decision.id}": every path from it loops', decision.id)
        if decision.choices and all(c.condition is not None for c in decision.choices):
            report("KS235", f'every choice at "{decision.id}" has a condition: if none holds, the player is stuck; '
                   "give one choice no condition, or run `kremlin-sim check` to prove one always holds", decision.id, WARNING)
        if decision.history is None:
            report("KS234", f'decision point "{decision.id}" has no `history`: students will not see what actually happened',
                   decision.id, WARNING)

    led_to = set().union(*edges.values()) if edges else set()
    for ending in scenario.endings:
        if ending.when is None and ending.id not in led_to:
            report("KS232", f'ending "{ending.id}" has no `when` and no choice leads to it, so no game can end there',
                   ending.id, WARNING)

    previous = None
    for decision in scenario.decisions:
        if previous is not None and decision.date and previous.date and decision.date < previous.date:
            report("KS240", f'decision point "{decision.id}" ({decision.date}) comes after "{previous.id}" '
                   f"({previous.date}) in the file but is earlier in time", decision.id, WARNING)
        previous = decision

    flags_set = {flag for d in scenario.decisions for c in d.choices for flag in c.sets}
    for flag in scenario.flags:
        if flag.id not in flags_set:
            report("KS241", f'flag "{flag.id}" is declared but no choice sets it, so conditions on it never hold',
                   f"flag:{flag.id}", WARNING)
    return problems
