"""The game's answers on a small known scenario: effects, clamping, branches, thresholds, history."""

from __future__ import annotations

import pytest

from kremlin_sim.engine import Game, RuleError, Rules, historical_path
from kremlin_sim.scenario import load_text


def scenario_from(text: str):
    result = load_text(text.encode(), "s.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.scenario


@pytest.fixture
def contract(contract_text):
    return scenario_from(contract_text)


def test_a_choice_applies_effects_sets_flags_and_moves_on(contract):
    game = Game(contract)
    step = game.choose("neutral_austria", reason="peace", confidence=4)
    assert step.meters_before == {"tension": 60, "standing": 50}
    assert step.meters_after == {"tension": 52, "standing": 45}
    assert step.flags_after == ("austria_neutral",)
    assert game.state.node == "signing" and step.next == "signing"
    assert step.historical_choice == "neutral_austria" and step.matches_history is True


def test_unavailable_choice_is_shown_with_its_reason_and_refused(contract):
    game = Game(contract)
    game.choose("neutral_austria")
    assert game.state.node == "signing"
    fresh = Game(contract)
    options = {o.choice.id: o for o in fresh.options()}
    assert options["link_germany"].available  # standing 50, no flag yet
    rules = Rules(contract)
    state = rules.apply(rules.initial(), "neutral_austria").after
    # jump back to the first decision point with the flag set: the condition now fails
    from kremlin_sim.engine import State
    back = State("moscow_talks", state.meters, state.flags)
    shown = {o.choice.id: o for o in rules.options(back)}
    assert not shown["link_germany"].available
    assert shown["link_germany"].reason.startswith("Only a leader")
    with pytest.raises(RuleError):
        rules.apply(back, "link_germany")


def test_branches_route_on_meters(contract):
    rules = Rules(contract)
    low = rules.apply(rules.initial(), "link_germany")
    assert low.after.node == "signing"  # tension 62 < 70
    from kremlin_sim.engine import State
    high = rules.apply(State("moscow_talks", (75, 50), frozenset()), "link_germany")
    assert high.after.node == "zone_kept" and high.ending is not None


def test_meters_are_clamped_and_thresholds_end_the_game(contract):
    from kremlin_sim.engine import State
    rules = Rules(contract)
    outcome = rules.apply(State("moscow_talks", (98, 50), frozenset()), "keep_zone")
    assert outcome.after.meters[0] == 100
    change = outcome.changes[0]
    assert (change.before, change.after, change.by) == (98, 100, 5)
    assert outcome.ending is not None and outcome.ending.id == "war"  # threshold before `next`


def test_historical_path_follows_history_to_its_end(contract):
    points, final = historical_path(Rules(contract))
    assert [(p.node, p.choice) for p in points] == [("moscow_talks", "neutral_austria"), ("signing", "sign")]
    assert final.node == "treaty_signed"
    assert points[0].meters_after["tension"] == 52 and points[1].meters_after["tension"] == 47


def test_same_choices_same_game(contract):
    first, second = Game(contract), Game(contract)
    for game in (first, second):
        game.choose("link_germany")
        game.choose("sign")
    assert first.state == second.state and first.steps[0].meters_after == second.steps[0].meters_after


def test_game_over_refuses_more_choices(contract):
    game = Game(contract)
    game.choose("keep_zone")
    assert game.is_over and game.ending.id == "zone_kept"
    with pytest.raises(RuleError):
        game.choose("sign")


def test_unknown_choice_is_refused(contract):
    with pytest.raises(RuleError):
        Game(contract).choose("no_such_choice")
