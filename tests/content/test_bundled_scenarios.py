"""The bundled scenarios as a history teacher needs them: complete, calibrated, with no dominant strategy."""

from __future__ import annotations

import re

import pytest

from kremlin_sim.engine import Rules, historical_path
from kremlin_sim.scenario import bundled_paths, load_file
from kremlin_sim.tools.plays import play, strategies

BUNDLED = ["peaceful-coexistence", "hungary-1956", "austria-1955"]


def scenario(name: str):
    result = load_file(bundled_paths()[name])
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.scenario


@pytest.mark.parametrize("name", BUNDLED)
def test_validates_with_no_warnings(name):
    result = load_file(bundled_paths()[name])
    assert result.ok and result.diagnostics == (), [d.format() for d in result.diagnostics]


@pytest.mark.parametrize("name", BUNDLED)
def test_every_decision_point_is_complete(name):
    for decision in scenario(name).decisions:
        where = decision.id
        assert 2 <= len(decision.advisers) <= 4, where
        assert 3 <= len(decision.choices) <= 4, where
        assert len(decision.briefing.split()) >= 40, where
        history = decision.history
        assert history is not None and history.what_happened and history.consequences, where
        assert history.sources and all(s.author and s.title and s.year for s in history.sources), where
        assert "?" in history.question, where
        for choice in decision.choices:
            assert choice.effects and all(e.why for e in choice.effects), (where, choice.id)


@pytest.mark.parametrize("name", BUNDLED)
def test_historical_path_reaches_a_story_ending(name):
    s = scenario(name)
    points, final = historical_path(Rules(s))
    ending = s.ending(final.node)
    assert ending is not None and ending.when is None, f"history ends early at {final.node}"
    assert ending.style, "a story ending names how the student played"


@pytest.mark.parametrize("name", BUNDLED)
def test_no_dominant_strategy(name):
    """Always the lowest tension must cost something else; always the highest must risk war."""
    s = scenario(name)
    rules = Rules(s)
    picks = strategies(s)
    lowest = s.ending(play(rules, picks["always the lowest-tension choice"]).final.node)
    highest = s.ending(play(rules, picks["always the highest-tension choice"]).final.node)
    tension_ending = next(e for e in s.threshold_endings if "tension" in e.when.meters)
    assert lowest.when is not None and "tension" not in lowest.when.meters, lowest.id
    assert highest.id == tension_ending.id


def campaign_tension_along_history() -> dict[str, tuple[int, int]]:
    points, _ = historical_path(Rules(scenario("peaceful-coexistence")))
    return {p.node: (p.meters_before["tension"], p.meters_after["tension"]) for p in points}


@pytest.mark.parametrize("node, direction", [
    ("korea", "down"), ("austria", "down"), ("geneva", "down"), ("berlin_ultimatum", "up"),
    ("camp_david", "down"), ("u2_paris", "up"), ("vienna", "up"), ("wall", "up"),
])
def test_campaign_tension_moves_as_historians_describe(node, direction):
    before, after = campaign_tension_along_history()[node]
    assert (after < before) if direction == "down" else (after > before), (node, before, after)


def test_hungary_raises_tension_sharply():
    tension = campaign_tension_along_history()
    before, after = tension["hungary_reversal"]
    rises = [a - b for b, a in tension.values() if a > b]
    assert after - before == max(rises) and after - before >= 10


def test_campaign_spans_1953_to_1961_in_date_order_with_the_required_events():
    s = scenario("peaceful-coexistence")
    assert len(s.decisions) >= 14
    path_dates = [s.decision(p.node).date for p in historical_path(Rules(s))[0]]
    assert path_dates == sorted(path_dates) and path_dates[0].startswith("1953") and path_dates[-1].startswith("1961")
    text = " ".join(f"{d.title} {d.briefing}" for d in s.decisions).lower()
    for event in ["korea", "east german", "beria", "austria", "porkkala", "geneva", "open skies", "hungary",
                  "sputnik", "ultimatum", "camp david", "u-2", "vienna", "seal"]:
        assert event in text, event
    hungary = [d for d in s.decisions if "hungar" in d.title.lower()]
    assert len(hungary) >= 2


def test_campaign_branches_change_what_comes_later():
    """At least two non-historical choices lead somewhere history never goes."""
    s = scenario("peaceful-coexistence")
    on_path = {p.node for p in historical_path(Rules(s))[0]}
    off_path = [d.id for d in s.decisions if d.id not in on_path]
    assert len(off_path) >= 2
    conditional = [c for d in s.decisions for c in d.choices if c.condition is not None]
    assert conditional


SEED_ERRORS = [r"new course.{0,40}(eisenhower|dulles)", r"(eisenhower|dulles).{0,60}new course",
               r"malenkov'?s? resist", r"recogni[sz]ed israel.{0,20}1953", r"kennedy.{0,40}president in 1960",
               r"1\.95\s*%"]


@pytest.mark.parametrize("name", BUNDLED)
def test_none_of_the_seed_notes_errors_is_repeated(name):
    text = bundled_paths()[name].read_text(encoding="utf-8").lower()
    for pattern in SEED_ERRORS:
        assert not re.search(pattern, text), pattern
