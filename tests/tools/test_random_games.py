"""`check --random`: seeded, repeatable, and a printed seed replays the same game with autoplay."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kremlin_sim.engine import SaveError, Session, autoplay
from kremlin_sim.engine.rules import Rules
from kremlin_sim.tools.check import check_scenario
from kremlin_sim.tools.plays import random_game
from tools.fixture_scenarios import fixture_path, load_fixture

TIMING = re.compile(r"[\d,.]+ (?:s|states/s|games/s)\b")


def without_timings(text: str) -> str:
    return TIMING.sub("<time>", text)


def test_same_seed_gives_the_same_report(run_cli):
    first = run_cli("check", fixture_path("diamond"), "--random", "300", "--seed", "7")
    second = run_cli("check", fixture_path("diamond"), "--random", "300", "--seed", "7")
    assert first[0] == second[0] == 0
    assert without_timings(first[1]) == without_timings(second[1])
    assert "300 games choosing uniformly among the available choices, seeds 7-306" in first[1]
    other = run_cli("check", fixture_path("diamond"), "--random", "300", "--seed", "8")
    assert without_timings(other[1]) != without_timings(first[1])


def test_shares_of_endings_and_meter_histograms():
    result = check_scenario(load_fixture("diamond"), random_count=400, seed=0)
    games = result.random.games
    assert len(games) == 400 and all(g.ended for g in games)
    from kremlin_sim.tools.report import random_section
    lines = random_section(result, "diamond.yaml")
    low = sum(1 for g in games if g.final.node == "low_end")
    assert any(re.fullmatch(rf"low_end\s+{low / 400:.1%}\s+{low}\s+#+", line) for line in lines), lines
    bins = [line for line in lines if re.match(r"\s+\d+(-\d+)? \|", line)]
    assert len(bins) == 11  # 0-9, ..., 90-99, 100 for the one meter
    assert sum(int(line.split()[-2].replace(",", "")) for line in bins) == 400
    assert any(line.strip().startswith("60-69 |") and line.split()[-2] != "0" for line in bins)


def test_printed_failing_seed_replays_the_same_dead_end_with_autoplay(run_cli, tmp_path):
    code, out, _ = run_cli("check", fixture_path("dead_end"), "--random", "30", "--seed", "100")
    assert code == 1
    line = next(line for line in out.splitlines() if "random game" in line and "dead end" in line)
    seeds = [int(s) for s in re.search(r"seeds? ([\d, ]+)", line)[1].split(",")]
    assert seeds and all(100 <= seed < 130 for seed in seeds)
    assert f"kremlin-sim play {fixture_path('dead_end')} --auto random --seed K" in out
    scenario = load_fixture("dead_end")
    for seed in seeds[:3]:
        session = Session.start(scenario, tmp_path / str(seed), "tester", seed=seed)
        with pytest.raises(SaveError, match='dead end'):
            autoplay(session, "random", seed)
        replayed = tuple(step.choice for step in session.game.steps)
        mine = random_game(Rules(scenario), seed)
        assert replayed == mine.choices and session.game.state == mine.final


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32))
def test_random_game_makes_the_choices_autoplay_makes(tmp_path_factory, seed):
    scenario = load_fixture("clean")
    session = Session.start(scenario, tmp_path_factory.mktemp("saves"), "tester", seed=seed)
    autoplay(session, "random", seed)
    game = random_game(Rules(scenario), seed)
    assert tuple(step.choice for step in session.game.steps) == game.choices
    assert session.game.state == game.final
