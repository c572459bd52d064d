"""`Session.resume` on logs that cannot, or can only just, be continued.

A refusal is a SaveError (ResumeError) whose message names the file, and
leaves the file exactly as it was; a resume that succeeds changes the file
only to cut off a torn last line or to add a missing end line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hardening.corpus import edit, play_game
from kremlin_sim.engine import ResumeError, SaveError, Session, read_log, replay
from kremlin_sim.engine import savelog
from kremlin_sim.scenario import load_file, load_text


@pytest.fixture
def lesson(shared, tmp_path) -> Path:
    path = tmp_path / "lesson.yaml"
    path.write_text(shared.template, encoding="utf-8")
    return path


@pytest.fixture
def half_played(lesson, tmp_path) -> Path:
    """A game stopped after its first decision."""
    return play_game(lesson, tmp_path / "saves", decisions=1)


def scenario_from(path: Path, *edits: tuple[str, str]):
    result = load_text(edit(path.read_text(encoding="utf-8"), *edits).encode(), str(path))
    assert result.ok, [d.format() for d in result.errors]
    return result.scenario


def refused(path: Path, scenario, expected: type[SaveError] = ResumeError) -> str:
    before = path.read_bytes()
    with pytest.raises(expected) as caught:
        Session.resume(path, scenario)
    assert path.read_bytes() == before, "a refused resume must not touch the file"
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def rewrite(path: Path, change) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    change(records)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_a_finished_game_is_not_continued(lesson, tmp_path):
    finished = play_game(lesson, tmp_path / "saves")
    assert "already finished" in refused(finished, load_file(lesson).scenario)


def test_garbage_is_refused(lesson, tmp_path):
    garbage = tmp_path / "game.jsonl"
    garbage.write_bytes(b"\x00\x1b[2J not a save\n")
    assert "not a kremlin-sim save log" in refused(garbage, load_file(lesson).scenario, SaveError)


def test_a_damaged_header_is_refused(half_played, lesson):
    rewrite(half_played, lambda records: records[0].update(scenario="my-scenario"))
    assert "not a kremlin-sim save log" in refused(half_played, load_file(lesson).scenario, SaveError)


def test_a_game_of_another_scenario_is_refused(half_played, lesson):
    other = scenario_from(lesson, ("id: my-scenario", "id: another-lesson"))
    assert 'a game of "my-scenario", not of "another-lesson"' in refused(half_played, other)


def test_an_edit_that_removes_a_recorded_choice_stops_the_game(half_played, lesson):
    changed = scenario_from(lesson, ("- id: return_base", "- id: give_back"), ("choice: return_base", "choice: give_back"))
    message = refused(half_played, changed)
    assert "the scenario has changed since this game began and the game cannot continue" in message


def test_an_edit_that_keeps_every_recorded_choice_lets_the_game_continue(half_played, lesson):
    before = half_played.read_bytes()
    changed = scenario_from(lesson, ('"Confrontation"', '"Open confrontation"'))
    session, messages = Session.resume(half_played, changed)
    assert half_played.read_bytes() == before
    assert any("edited since this game began" in m for m in messages)
    session.choose("leave_quietly")
    assert read_log(half_played).finished


def test_edited_meters_do_not_carry_into_the_resumed_game(half_played, lesson):
    """Resume recomputes the meters from the choices: editing the numbers gains nothing."""
    rewrite(half_played, lambda records: records[1]["meters_after"].update(standing=100))
    scenario = load_file(lesson).scenario
    session, _ = Session.resume(half_played, scenario)
    assert session.game.meters == {"tension": 50, "standing": 45}
    assert not replay(read_log(half_played), scenario).ok  # and verify still reports the edit


def test_a_torn_last_line_is_cut_off_and_the_game_continues(half_played, lesson):
    whole = half_played.read_bytes()
    with open(half_played, "ab") as handle:
        handle.write(b'{"type":"step","n":2,"node":"hando')
    session, messages = Session.resume(half_played, load_file(lesson).scenario)
    assert any("cut off" in m for m in messages)
    assert half_played.read_bytes() == whole
    session.choose("leave_quietly")
    log = read_log(half_played)
    assert log.finished and not log.truncated and len(log.steps) == 2


def test_a_torn_tail_that_cannot_be_cut_is_reported_and_left(half_played, lesson, monkeypatch):
    with open(half_played, "ab") as handle:
        handle.write(b'{"type":"st')
    before = half_played.read_bytes()

    def read_only(path, mode="r", *args, **kwargs):
        if "+" in mode or "w" in mode or "a" in mode:
            raise PermissionError(13, "Permission denied")
        return open(path, mode, *args, **kwargs)
    monkeypatch.setattr(savelog, "open", read_only, raising=False)
    with pytest.raises(SaveError, match="could not repair .*: Permission denied"):
        Session.resume(half_played, load_file(lesson).scenario)
    assert half_played.read_bytes() == before


def test_a_game_killed_before_its_end_line_is_finished_on_resume(lesson, tmp_path):
    finished = play_game(lesson, tmp_path / "saves")
    lines = finished.read_bytes().splitlines(keepends=True)
    finished.write_bytes(b"".join(lines[:-1]))  # every decision saved, the end line not yet
    session, _ = Session.resume(finished, load_file(lesson).scenario)
    assert session.game.is_over
    log = read_log(finished)
    assert log.finished and log.end["ending"] == "good_neighbour" and replay(log, load_file(lesson).scenario).ok
