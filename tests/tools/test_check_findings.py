"""Each planted defect is found and named; a clean scenario checks with exit 0."""

from __future__ import annotations

import pytest

from tools.fixture_scenarios import fixture_path, load_edited, load_fixture
from kremlin_sim.tools.check import check_scenario


def findings(result, kind):
    return [f for f in result.findings if f.kind == kind]


def only(result, kind):
    found = findings(result, kind)
    assert len(found) == 1, [f.format() for f in result.findings]
    return found[0]


def test_clean_fixture_has_no_finding_and_exits_0(run_cli):
    result = check_scenario(load_fixture("clean"))
    assert result.findings == []
    code, out, _ = run_cli("check", fixture_path("clean"))
    assert code == 0
    assert "0 errors, 0 warnings: no defects (exit 0)" in out


def test_dead_end_is_an_error_with_the_path_that_leads_there(run_cli):
    finding = only(check_scenario(load_fixture("dead_end")), "dead-end")
    assert finding.is_error and finding.subject == "talks"
    assert "after wait (tension=50)" in finding.message
    code, out, _ = run_cli("check", fixture_path("dead_end"))
    assert code == 1
    assert f"error: {finding.message}" in out.splitlines()


def test_choice_whose_condition_never_holds_is_an_error(run_cli):
    finding = only(check_scenario(load_fixture("unreachable_choice")), "unavailable-choice")
    assert finding.is_error and finding.subject == "talks.surrender"
    assert "`tension <= 10`" in finding.message
    code, out, _ = run_cli("check", fixture_path("unreachable_choice"))
    assert code == 1 and 'error: choice "surrender" of "talks" is never available' in out


def test_ending_behind_an_impossible_branch_is_an_error(run_cli):
    result = check_scenario(load_fixture("impossible_ending"))
    finding = only(result, "unreached-ending")
    assert finding.is_error and finding.subject == "triumph"
    assert "triumph" not in result.exploration.ending_paths()
    code, out, _ = run_cli("check", fixture_path("impossible_ending"))
    assert code == 1 and 'error: ending "triumph" is never reached' in out
    assert any(line.startswith("triumph") and "never reached" in line for line in out.splitlines())


def test_unreached_threshold_ending_names_its_threshold():
    scenario = load_edited("clean", 'when: "tension >= 80"', 'when: "tension >= 95"')
    finding = only(check_scenario(scenario), "unreached-ending")
    assert finding.subject == "war" and "`tension >= 95` never holds" in finding.message


def test_decision_point_behind_an_impossible_branch_is_an_error(run_cli):
    result = check_scenario(load_fixture("unreachable_decision"))
    finding = only(result, "unreached-decision")
    assert finding.is_error and finding.subject == "secret_talks"
    # Its choices are covered by this one finding, not repeated one by one.
    assert findings(result, "unavailable-choice") == []
    code, out, _ = run_cli("check", fixture_path("unreachable_decision"))
    assert code == 1 and 'error: decision point "secret_talks" is never reached' in out


def test_meter_that_never_moves_and_meter_pinned_at_a_bound_are_warnings(run_cli):
    result = check_scenario(load_fixture("frozen_meter"))
    constant = only(result, "meter-constant")
    assert constant.subject == "economy" and constant.message.startswith("economy never changes")
    pinned = only(result, "meter-pinned")
    assert pinned.subject == "standing" and "standing is at its maximum (100) in 67% of the states" in pinned.message
    assert not constant.is_error and not pinned.is_error
    code, out, _ = run_cli("check", fixture_path("frozen_meter"))
    assert code == 0, "balance warnings alone do not fail the check"
    assert "warning: economy never changes (it stays at 40 in every state)" in out


def test_loop_with_no_way_out_is_an_error(run_cli):
    result = check_scenario(load_fixture("loop_trap"))
    finding = only(result, "endless-loop")
    assert finding.is_error and finding.subject == "standoff"
    assert "a loop with no way out" in finding.message and "after wait → wait" in finding.message
    assert run_cli("check", fixture_path("loop_trap"))[0] == 1


def test_loop_that_can_be_left_is_a_warning_with_infinitely_many_paths(run_cli):
    result = check_scenario(load_fixture("loop_with_exit"))
    assert only(result, "loop").subject == "standoff"
    assert result.ok
    code, out, _ = run_cli("check", fixture_path("loop_with_exit"))
    assert code == 0
    assert any(line.startswith("deal") and "∞" in line for line in out.splitlines())


def test_history_that_ends_at_a_threshold_is_a_warning():
    scenario = load_edited("clean", "      choice: talk\n", "      choice: threaten\n")
    result = check_scenario(scenario)
    assert result.history.final.node == "war"
    finding = only(result, "history-ends-early")
    assert finding.subject == "war" and not finding.is_error and "after 2 decisions" in finding.message


def test_history_that_stops_says_why():
    result = check_scenario(load_fixture("dead_end"))
    finding = only(result, "history-stops")
    assert finding.subject == "opening" and "no `history`" in finding.message


def test_simple_strategies_follow_the_tension_effects():
    result = check_scenario(load_fixture("clean"))
    reached = {name: (game.choices, game.final.node) for name, game in result.strategies.items()}
    assert reached == {
        "always the lowest-tension choice": (("talk", "back_down"), "ousted"),
        "always the highest-tension choice": (("threaten", "escalate"), "war"),
        "always the first available choice": (("talk", "back_down"), "ousted"),
    }


def test_strategy_ties_go_by_file_order():
    result = check_scenario(load_fixture("diamond"))
    assert result.strategies["always the lowest-tension choice"].choices == ("steady", "wait")
    assert result.strategies["always the highest-tension choice"].choices == ("jump", "push")


def test_strategies_use_the_first_meter_when_there_is_no_tension():
    result = check_scenario(load_edited("diamond", "tension", "pressure"))
    assert result.strategies["always the highest-pressure choice"].choices == ("jump", "push")


def test_one_ending_for_every_strategy_is_a_warning():
    finding = only(check_scenario(load_fixture("unreachable_choice")), "one-ending")
    assert finding.subject == "calm"


def test_playing_time_counts_the_words_of_the_historical_path():
    # summit 16 words (title 2, briefing 5, labels 2, reasons of "talk" 5, history 2),
    # crisis 17 (2, 4, 3, 6, 2), the ending "standoff" 3.
    time = check_scenario(load_fixture("clean")).playing_time
    assert (time.words, time.decisions) == (36, 2)
    assert time.minutes == pytest.approx(36 / 150 + 2 * 20 / 60)


def test_report_has_sections_state_count_and_speed(run_cli):
    code, out, _ = run_cli("check", fixture_path("diamond"))
    for section in ("States", "Endings (distinct paths to each)", "Problems", "History", "Simple strategies",
                    "Playing time", "Summary"):
        assert any(line.startswith(section) for line in out.splitlines()), section
    assert "7 distinct reachable states" in out and "states/s)" in out


def test_state_cap_stops_with_a_clear_error_and_no_false_absences():
    result = check_scenario(load_fixture("diamond"), max_states=4)
    assert not result.exploration.complete and result.exploration.state_count == 4
    assert [f.kind for f in result.errors] == ["too-many-states"]
    assert "stopped after 4 states (the limit is 4)" in result.errors[0].message
    assert "followed for its first 1 decision," in result.errors[0].message
    from kremlin_sim.tools.report import endings_section
    lines = endings_section(result)
    assert any(line.startswith("low_end") and "at least 2" in line for line in lines), lines
    assert any(line.startswith("high_end") and "not reached yet" in line for line in lines), lines


def test_invalid_or_missing_scenario_exits_1_with_its_diagnostics(run_cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    code, out, err = run_cli("check", broken)
    assert code == 1 and out == "" and "KS101" in err
    code, _, err = run_cli("check", tmp_path / "missing.yaml")
    assert code == 1 and "no such file" in err


def test_negative_random_count_is_a_usage_error(run_cli):
    code, _, err = run_cli("check", fixture_path("clean"), "--random", "-3")
    assert code == 2 and "--random" in err


def test_hostile_ids_and_titles_reach_the_terminal_escaped(run_cli, tmp_path):
    text = fixture_path("dead_end").read_text(encoding="utf-8").replace('title: "Dead end"', 'title: "Dead\\u001b[31m end"')
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("check", path)
    assert code == 1 and "\x1b" not in out and "Dead\\x1b[31m end" in out
