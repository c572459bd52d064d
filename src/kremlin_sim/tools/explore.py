"""Every reachable state of a scenario, with real meter values, and the shape of the state graph.

A state is a decision point (or ending) plus meter values plus flags; two ways
of arriving at the same values are the same state, so the work grows with the
number of distinct states, not with the number of paths. Every transition is
computed by `Rules.apply`, the engine's one rule function. Nothing here prints:
the check report, the benchmark and the teacher preview all read the result.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

from ..engine.rules import Rules, State
from ..scenario.model import Scenario

DEFAULT_MAX_STATES = 2_000_000
INFINITE = math.inf  # the number of paths through a loop that can be repeated


@dataclass
class Exploration:
    """The state graph: state i is `states[i]`; `edges[i]` holds (choice id, target index) pairs."""

    scenario: Scenario
    rules: Rules
    states: list[State]
    edges: list[tuple[tuple[str, int], ...]]
    parent: list[int]                # the state first seen to lead here (-1 for the start)
    via: list[str]                   # the choice that led here from `parent`
    complete: bool                   # False: stopped at max_states, so absences prove nothing
    expanded: int                    # states[:expanded] have all their edges
    max_states: int
    seconds: float
    # Filled by the analysis of a complete graph:
    paths: list[int] = field(default_factory=list)        # distinct paths from the start, when finite
    endless: list[bool] = field(default_factory=list)     # infinitely many paths (reached through a loop)
    can_finish: list[bool] = field(default_factory=list)  # some ending is reachable from here
    on_loop: list[bool] = field(default_factory=list)     # the state can repeat

    @property
    def state_count(self) -> int:
        return len(self.states)

    @property
    def states_per_second(self) -> float:
        return self.state_count / self.seconds if self.seconds > 0 else float(self.state_count)

    def is_ending(self, i: int) -> bool:
        return self.states[i].node in self.scenario.ending_by_id

    def complete_depth(self) -> int | None:
        """When stopped early: how many first choices of every game were followed (None when complete).
        Breadth-first order expands every state of one depth before the next depth."""
        if self.complete:
            return None
        return len(self.path_to(self.expanded))

    def path_to(self, i: int) -> list[str]:
        """The choice ids of one shortest way from the start to state i."""
        choices = []
        while self.parent[i] >= 0:
            choices.append(self.via[i])
            i = self.parent[i]
        return choices[::-1]

    def path_count(self, i: int) -> int | float:
        return INFINITE if self.endless[i] else self.paths[i]

    def ending_paths(self) -> dict[str, int | float]:
        """For each ending reached: how many distinct choice sequences lead to it."""
        totals: dict[str, int | float] = {}
        for i, state in enumerate(self.states):
            if state.node in self.scenario.ending_by_id:
                count = self.path_count(i)
                previous = totals.get(state.node, 0)
                totals[state.node] = INFINITE if INFINITE in (count, previous) else previous + count
        return totals

    def reached_nodes(self) -> set[str]:
        return {state.node for state in self.states}

    def available_choices(self) -> dict[str, set[str]]:
        """For each decision point reached: the choices available in at least one of its states."""
        found: dict[str, set[str]] = {}
        for state, edges in zip(self.states, self.edges):
            if state.node in self.scenario.decision_by_id:
                found.setdefault(state.node, set()).update(choice for choice, _ in edges)
        return found

    def dead_ends(self) -> list[int]:
        """Reachable states that are not endings and offer no available choice."""
        return [i for i in range(self.expanded) if not self.edges[i] and not self.is_ending(i)]


def explore(scenario: Scenario, max_states: int = DEFAULT_MAX_STATES, rules: Rules | None = None) -> Exploration:
    """Breadth-first over every reachable state (so example paths are shortest), then analyse the graph."""
    rules = rules or Rules(scenario)
    began = time.perf_counter()
    start = rules.initial()
    index = {start: 0}
    states, parent, via = [start], [-1], [""]
    edges: list[tuple[tuple[str, int], ...]] = []
    complete = True
    # States are numbered in the order they are found and expanded in that order: a breadth-first queue.
    while complete and len(edges) < len(states):
        i = len(edges)
        state = states[i]
        out = []
        for choice in rules.available(state):
            after = rules.advance(state, choice.id)[0]
            j = index.get(after)
            if j is None:
                if len(states) >= max_states:
                    complete = False
                    break
                j = index[after] = len(states)
                states.append(after)
                parent.append(i)
                via.append(choice.id)
            out.append((choice.id, j))
        edges.append(tuple(out))
    expanded = len(edges) if complete else len(edges) - 1
    edges.extend(() for _ in range(len(states) - len(edges)))
    result = Exploration(scenario, rules, states, edges, parent, via, complete, expanded, max_states, 0.0)
    analyse(result)
    result.seconds = time.perf_counter() - began
    return result


def analyse(result: Exploration) -> None:
    """Path counts, which states can still finish, and loops.

    Most scenarios have no loop: then one pass in topological order (Kahn's algorithm)
    counts the paths and a pass back finds what can finish. Only a graph with a loop
    needs its strongly connected components."""
    edges = result.edges
    count = len(edges)
    waiting = [0] * count
    for out in edges:
        for _, target in out:
            waiting[target] += 1
    paths = [0] * count
    if count:
        paths[0] = 1
    order = [i for i in range(count) if waiting[i] == 0]
    for node in order:  # the list grows as states become ready
        for _, target in edges[node]:
            paths[target] += paths[node]
            waiting[target] -= 1
            if waiting[target] == 0:
                order.append(target)
    if len(order) < count:
        _analyse_loops(result)
        return
    can_finish = [False] * count
    for node in reversed(order):
        can_finish[node] = result.is_ending(node) or any(can_finish[t] for _, t in edges[node])
    result.paths, result.can_finish = paths, can_finish
    result.endless = result.on_loop = [False] * count


def _analyse_loops(result: Exploration) -> None:
    components = strongly_connected(result.edges)
    count = len(result.states)
    component_of = [0] * count
    for number, members in enumerate(components):
        for member in members:
            component_of[member] = number
    edges = result.edges
    on_loop = [False] * count
    for number, members in enumerate(components):
        if len(members) > 1 or any(target == members[0] for _, target in edges[members[0]]):
            for member in members:
                on_loop[member] = True
    # Components come sinks first: whether an ending is reachable is known for every successor.
    can_finish = [False] * count
    for number, members in enumerate(components):
        finishes = any(result.is_ending(m) or any(component_of[t] != number and can_finish[t] for _, t in edges[m])
                       for m in members)
        for member in members:
            can_finish[member] = finishes
    # Sources first for the path counts: each state has all its incoming paths before it passes them on.
    paths = [0] * count
    endless = list(on_loop)
    if count:
        paths[0] = 1
    for number in range(len(components) - 1, -1, -1):
        for member in components[number]:
            for _, target in edges[member]:
                if component_of[target] != number:
                    paths[target] += paths[member]
                    endless[target] = endless[target] or endless[member]
    result.paths, result.endless, result.can_finish, result.on_loop = paths, endless, can_finish, on_loop


def strongly_connected(edges: list[tuple[tuple[str, int], ...]]) -> list[list[int]]:
    """Tarjan's algorithm without recursion (paths can be thousands of states deep).
    Returns the components in reverse topological order: a component comes after all it leads to."""
    count = len(edges)
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] >= 0:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            node, position = work[-1]
            successors = edges[node]
            if position < len(successors):
                work[-1] = (node, position + 1)
                target = successors[position][1]
                if order[target] < 0:
                    order[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack[target] = True
                    work.append((target, 0))
                elif on_stack[target] and order[target] < low[node]:
                    low[node] = order[target]
                continue
            work.pop()
            if work:
                caller = work[-1][0]
                if low[node] < low[caller]:
                    low[caller] = low[node]
            if low[node] == order[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    members.append(member)
                    if member == node:
                        break
                components.append(members)
    return components
