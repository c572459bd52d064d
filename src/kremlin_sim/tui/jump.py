"""Teacher preview: a state at any decision point, so a scenario's author can test it."""

from __future__ import annotations

from collections import deque

from ..engine import RuleError, Rules, State


def state_for(rules: Rules, node: str, limit: int = 5000) -> tuple[State, str]:
    """A state at `node` and how it was found.

    The historical path first (the meters a class would most likely have), then
    the nearest route through any available choices; if neither reaches the
    point within `limit` states, the starting meters with no flags."""
    state = rules.initial()
    seen: set[State] = set()
    while state.node != node and state not in seen:
        seen.add(state)
        decision = rules.decision(state)
        wanted = decision.history.path_choice if decision and decision.history else None
        if wanted is None:
            break
        try:
            state = rules.apply(state, wanted).after
        except RuleError:
            break
    if state.node == node:
        return state, "the meters of the historical path"
    queue, seen = deque([rules.initial()]), set()
    while queue and len(seen) < limit:
        state = queue.popleft()
        if state.node == node:
            return state, "the meters of the shortest route to this point"
        if state in seen:
            continue
        seen.add(state)
        for choice in rules.available(state):
            queue.append(rules.apply(state, choice.id).after)
    start = rules.initial()
    return State(node, start.meters, frozenset()), "the starting meters (no route to this point was found)"
