"""The exploration: distinct states, path counts, loops; checked against brute force."""

from __future__ import annotations

import dataclasses
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kremlin_sim.engine.rules import Rules
from kremlin_sim.scenario.model import Branch, Choice, Decision, Effect, Ending
from kremlin_sim.tools.explore import INFINITE, explore, strongly_connected
from kremlin_sim.tools.report import count_text
from tools.fixture_scenarios import build, condition, load_fixture


def test_diamond_has_fewer_states_than_paths_and_hand_computed_counts():
    found = explore(load_fixture("diamond"))
    assert found.state_count == 7
    assert found.ending_paths() == {"low_end": 5, "high_end": 4}
    assert sum(found.ending_paths().values()) == 9 > found.state_count


def test_each_state_is_explored_once_and_edges_point_at_the_applied_state():
    found = explore(load_fixture("diamond"))
    assert len(set(found.states)) == found.state_count
    rules = Rules(found.scenario)
    for i, state in enumerate(found.states):
        for choice_id, target in found.edges[i]:
            assert rules.apply(state, choice_id).after == found.states[target]


def test_example_paths_replay_to_their_state():
    found = explore(load_fixture("clean"))
    rules = Rules(found.scenario)
    for i, state in enumerate(found.states):
        replayed = rules.initial()
        for choice_id in found.path_to(i):
            replayed = rules.apply(replayed, choice_id).after
        assert replayed == state


def _chain(length: int):
    """`length` decision points in a row, each with two choices that change nothing."""
    decisions = [Decision(f"d{i}", "1955", f"D{i}", "", (Choice("a", "A"), Choice("b", "B")),
                          next=(Branch(f"d{i + 1}" if i + 1 < length else "done"),)) for i in range(length)]
    return build(decisions, [Ending("done", "Done", "")])


def test_astronomically_many_paths_are_counted_exactly_with_few_states():
    found = explore(_chain(300))
    assert found.state_count == 301
    assert found.ending_paths() == {"done": 2**300}
    assert count_text(2**300) == "about 2.03×10^90"
    assert count_text(12345) == "12,345"


def test_loop_makes_only_the_endings_after_it_infinite():
    decisions = [
        Decision("a", "1955", "A", "", (Choice("direct", "Direct", next=(Branch("first"),)),
                                         Choice("into", "Into the loop", next=(Branch("b"),)))),
        Decision("b", "1956", "B", "", (Choice("wait", "Wait", next=(Branch("b"),)),
                                         Choice("out", "Out", next=(Branch("second"),)))),
    ]
    found = explore(build(decisions, [Ending("first", "First", ""), Ending("second", "Second", "")]))
    assert found.ending_paths() == {"first": 1, "second": INFINITE}
    assert count_text(INFINITE) == "∞"


def test_strongly_connected_components_come_sinks_first():
    edges = [(("x", 1),), (("x", 2),), (("x", 1), ("y", 3)), (), (("x", 4),)]
    components = [sorted(c) for c in strongly_connected(edges)]
    assert sorted(map(tuple, components)) == [(0,), (1, 2), (3,), (4,)]
    assert components.index([3]) < components.index([1, 2]) < components.index([0])


# -- property: exploration equals brute force over every path ----------------------------------------

CONDITIONS = ["m0 >= 2", "m0 < 2", "not f", "f or m1 > 1", "m1 == 0", "m0 != m1"]


@st.composite
def small_scenarios(draw):
    tops = [draw(st.integers(1, 4)), draw(st.integers(1, 4))]
    meters = [(f"m{i}", 0, top, draw(st.integers(0, top))) for i, top in enumerate(tops)]
    maybe_condition = st.none() | st.sampled_from(CONDITIONS).map(condition)
    endings = [Ending("e0", "E0", ""), Ending("e1", "E1", "")]
    if draw(st.booleans()):
        endings.append(Ending("t", "T", "", when=condition(draw(st.sampled_from(CONDITIONS)))))
    count = draw(st.integers(1, 4))
    decisions = []
    for k in range(count):
        targets = st.sampled_from([f"d{j}" for j in range(k + 1, count)] + ["e0", "e1"])
        choices = []
        for c in range(draw(st.integers(1, 3))):
            changed = draw(st.lists(st.sampled_from(["m0", "m1"]), unique=True, max_size=2))
            effects = tuple(Effect(m, draw(st.integers(-3, 3).filter(bool)), "") for m in changed)
            if draw(st.booleans()):
                branches = (Branch(draw(targets), condition(draw(st.sampled_from(CONDITIONS)))), Branch(draw(targets)))
            else:
                branches = (Branch(draw(targets)),)
            choices.append(Choice(f"c{c}", f"C{c}", effects=effects, sets=("f",) if draw(st.booleans()) else (),
                                  next=branches, condition=draw(maybe_condition)))
        decisions.append(Decision(f"d{k}", "1955", f"D{k}", "", tuple(choices)))
    return build(decisions, endings, meters)


def brute_force(scenario):
    """Every path, one by one (the generated graphs have no loops): the states seen and paths per ending."""
    rules = Rules(scenario)
    states, paths = set(), Counter()

    def walk(state):
        states.add(state)
        if rules.ending(state) is not None:
            paths[state.node] += 1
        for choice in rules.available(state):
            walk(rules.apply(state, choice.id).after)
    walk(rules.initial())
    return states, dict(paths)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_scenarios())
def test_distinct_states_and_path_counts_equal_brute_force(scenario):
    found = explore(scenario)
    states, paths = brute_force(scenario)
    assert found.complete
    assert found.state_count == len(states)
    assert set(found.states) == states
    assert found.ending_paths() == paths
    rules = Rules(scenario)
    stuck = {s for s in states if rules.ending(s) is None and not any(rules.available(s))}
    assert {found.states[i] for i in found.dead_ends()} == stuck


@st.composite
def scenarios_with_loops(draw):
    """Like small_scenarios, but a choice may lead back to any decision point, itself included."""
    scenario = draw(small_scenarios())
    ids = [d.id for d in scenario.decisions]
    decisions = []
    for decision in scenario.decisions:
        choices = tuple(Choice(c.id, c.label, effects=c.effects, sets=c.sets, condition=c.condition,
                               next=(Branch(draw(st.sampled_from(ids + ["e0"]))),) if draw(st.booleans()) else c.next)
                        for c in decision.choices)
        decisions.append(Decision(decision.id, decision.date, decision.title, "", choices))
    return dataclasses.replace(scenario, decisions=tuple(decisions))


def reachable_from(found, i):
    seen, todo = set(), [t for _, t in found.edges[i]]
    while todo:
        j = todo.pop()
        if j not in seen:
            seen.add(j)
            todo += [t for _, t in found.edges[j]]
    return seen


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios_with_loops())
def test_loops_and_ways_out_match_plain_reachability(scenario):
    found = explore(scenario)
    later = [reachable_from(found, i) for i in range(found.state_count)]
    for i in range(found.state_count):
        assert found.on_loop[i] == (i in later[i])
        assert found.can_finish[i] == (found.is_ending(i) or any(found.is_ending(j) for j in later[i]))
        through_loop = any(found.on_loop[j] and (i in later[j] or i == j) for j in range(found.state_count))
        assert found.endless[i] == through_loop
