"""What the exhaustive exploration proves about a scenario: defects (errors) and balance (warnings).

Each finding is one line about one thing. Ids and titles come from the
scenario file, so they pass through `safe_text` before they reach a message.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..scenario.diagnostics import safe_text
from .explore import Exploration

ERROR = "error"
WARNING = "warning"
PINNED_SHARE = 0.5   # a meter at a bound in at least this share of decision states is worth a warning


@dataclass(frozen=True)
class Finding:
    severity: str        # ERROR: a defect, `check` exits 1; WARNING: balance, worth a look
    kind: str            # stable, for programs: "dead-end", "unreached-ending", ...
    subject: str         # the id the finding is about (raw; the message holds the printable form)
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        return f"{self.severity}: {self.message}"


def quoted(value: object) -> str:
    return f'"{safe_text(value, 80)}"'


def describe_path(choices: list[str] | tuple[str, ...]) -> str:
    """An example path as the choice ids the author wrote, e.g. `after return_base → demand_more`."""
    if not choices:
        return "at the start"
    return "after " + " → ".join(safe_text(choice, 60) for choice in choices)


def state_findings(found: Exploration) -> list[Finding]:
    """Defects and balance problems that need every reachable state to be known."""
    findings: list[Finding] = []
    if not found.complete:
        depth = found.complete_depth()
        findings.append(Finding(ERROR, "too-many-states", found.scenario.id,
                                f"stopped after {found.state_count:,} states (the limit is {found.max_states:,}): the scenario "
                                "has too many distinct combinations of meter values to explore them all; every game was "
                                f"followed for its first {depth} decision{'' if depth == 1 else 's'}, and only the problems below "
                                "are certain (effects in steps of 5 make far fewer combinations)"))
    findings += dead_end_findings(found)
    if found.complete:
        findings += reach_findings(found)
        findings += loop_findings(found)
    findings += meter_findings(found)
    return findings


def _first_by_node(found: Exploration, indices: list[int]) -> dict[str, tuple[int, int]]:
    """node -> (first state index, how many states), in the order first met."""
    by_node: dict[str, tuple[int, int]] = {}
    for i in indices:
        node = found.states[i].node
        first, count = by_node.get(node, (i, 0))
        by_node[node] = (first, count + 1)
    return by_node


def _meters_text(found: Exploration, i: int) -> str:
    return ", ".join(f"{safe_text(m, 40)}={v}" for m, v in zip(found.rules.meter_ids, found.states[i].meters))


def dead_end_findings(found: Exploration) -> list[Finding]:
    findings = []
    for node, (first, count) in _first_by_node(found, found.dead_ends()).items():
        states = f"in {count} states" if count > 1 else "in 1 state"
        findings.append(Finding(ERROR, "dead-end", node,
                                f"dead end at {quoted(node)}: no choice is available {states}, e.g. "
                                f"{describe_path(found.path_to(first))} ({_meters_text(found, first)})"))
    return findings


def reach_findings(found: Exploration) -> list[Finding]:
    scenario = found.scenario
    reached = found.reached_nodes()
    available = found.available_choices()
    findings = []
    for decision in scenario.decisions:
        if decision.id not in reached:
            findings.append(Finding(ERROR, "unreached-decision", decision.id,
                                    f"decision point {quoted(decision.id)} is never reached in any game "
                                    "(every way to it needs a condition that never holds)"))
            continue
        for choice in decision.choices:
            if choice.id not in available.get(decision.id, set()):
                condition = f" (`{safe_text(choice.condition.source, 120)}`)" if choice.condition else ""
                findings.append(Finding(ERROR, "unavailable-choice", f"{decision.id}.{choice.id}",
                                        f"choice {quoted(choice.id)} of {quoted(decision.id)} is never available: "
                                        f"its condition{condition} fails in every state in which the decision point is reached"))
    for ending in scenario.endings:
        if ending.id not in reached:
            how = (f"its threshold `{safe_text(ending.when.source, 120)}` never holds after a choice" if ending.when
                   else "no choice that leads to it can be made with a condition that holds")
            findings.append(Finding(ERROR, "unreached-ending", ending.id,
                                    f"ending {quoted(ending.id)} is never reached: {how}"))
    return findings


def loop_findings(found: Exploration) -> list[Finding]:
    trapped = [i for i in range(found.state_count) if found.on_loop[i] and not found.can_finish[i]]
    repeating = [i for i in range(found.state_count) if found.on_loop[i] and found.can_finish[i]]
    findings = []
    for node, (first, _) in _first_by_node(found, trapped).items():
        findings.append(Finding(ERROR, "endless-loop", node,
                                f"a loop with no way out at {quoted(node)}: once there, no ending can be reached, "
                                f"e.g. {describe_path(found.path_to(first))}"))
    for node, (first, _) in _first_by_node(found, repeating).items():
        findings.append(Finding(WARNING, "loop", node,
                                f"{quoted(node)} can come back in exactly the same state (a loop), so there are "
                                f"infinitely many paths (∞), e.g. {describe_path(found.path_to(first))}"))
    return findings


def meter_findings(found: Exploration) -> list[Finding]:
    findings = []
    scenario = found.scenario
    deciding = [found.states[i].meters for i in range(found.state_count) if not found.is_ending(i)]
    for position, meter in enumerate(scenario.meters):
        values = {state.meters[position] for state in found.states}
        if len(values) == 1:
            findings.append(Finding(WARNING, "meter-constant", meter.id,
                                    f"{safe_text(meter.id, 40)} never changes (it stays at {meter.start} in every state)"))
            continue
        if not deciding:
            continue
        for bound, word in ((meter.max, "maximum"), (meter.min, "minimum")):
            share = sum(1 for meters in deciding if meters[position] == bound) / len(deciding)
            if share >= PINNED_SHARE:
                findings.append(Finding(WARNING, "meter-pinned", meter.id,
                                        f"{safe_text(meter.id, 40)} is at its {word} ({bound}) in {share:.0%} of the "
                                        "states where a decision is taken, so changes to it are mostly lost"))
    return findings
