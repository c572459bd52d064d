"""Save logs: names, folders, reading damaged files, resume after edits, and `verify`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kremlin_sim.cli import main
from kremlin_sim.engine import ResumeError, SaveError, Session, autoplay, read_log, replay
from kremlin_sim.engine.names import save_name
from kremlin_sim.engine.savelog import saves_dir
from kremlin_sim.scenario import load_file, load_text


@pytest.fixture
def scenario_file(tmp_path, template_text):
    path = tmp_path / "porkkala.yaml"
    path.write_text(template_text, encoding="utf-8")
    return path


@pytest.fixture
def finished_log(tmp_path, scenario_file):
    scenario = load_file(scenario_file).scenario
    session = Session.start(scenario, tmp_path / "saves", "Ada", reveal="end", require_reasons=True)
    autoplay(session, "history")
    return session.path


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_save_names_are_safe_whatever_was_typed(name):
    file_name = save_name("peaceful-coexistence", name)
    assert "/" not in file_name and "\\" not in file_name and ".." not in file_name
    assert file_name.isascii() and len(file_name) < 120
    assert file_name.endswith(".jsonl") and file_name.startswith("peaceful-coexistence-")


@pytest.mark.parametrize("name", ["../../x", "CON", "😀😀", "x" * 300, "", "a/b\\c", "\x1b[2J"])
def test_hostile_player_names_stay_in_the_saves_folder(tmp_path, scenario_file, name):
    scenario = load_file(scenario_file).scenario
    session = Session.start(scenario, tmp_path / "saves", name)
    assert session.path.parent == tmp_path / "saves"
    assert "\x1b" not in read_log(session.path).player


def test_two_games_never_share_a_file(tmp_path, scenario_file):
    scenario = load_file(scenario_file).scenario
    paths = {Session.start(scenario, tmp_path / "saves", "Same Name").path for _ in range(30)}
    assert len(paths) == 30


def test_saves_folder_from_option_then_environment_then_default(monkeypatch):
    monkeypatch.setenv("KREMLIN_SIM_SAVES", "/from/env")
    assert saves_dir("/from/option") == Path("/from/option")
    assert saves_dir(None) == Path("/from/env")
    monkeypatch.delenv("KREMLIN_SIM_SAVES")
    assert saves_dir(None) == Path("saves")


def test_log_records_what_the_issue_lists(finished_log):
    log = read_log(finished_log)
    header = log.header
    assert header["format"] == 1 and header["program"].startswith("kremlin-sim ")
    assert header["scenario"]["id"] == "my-scenario" and len(header["scenario"]["hash"]) == 16
    assert header["settings"] == {"reveal": "end", "require_reasons": True, "mode": "play"}
    assert {"player", "seed", "started"} <= set(header)
    step = log.steps[0]
    assert {"node", "choice", "reason", "confidence", "meters_before", "meters_after", "historical_choice",
            "matches_history", "seconds", "at"} <= set(step)
    assert log.end == {"type": "end", "ending": "good_neighbour", "style": "The Conciliator", "at": log.end["at"]}


def test_every_prefix_of_a_log_reads_or_fails_cleanly(tmp_path, finished_log):
    raw = finished_log.read_bytes()
    header_end = raw.index(b"\n") + 1
    for cut in range(len(raw)):
        part = tmp_path / "part.jsonl"
        part.write_bytes(raw[:cut])
        if cut < header_end:
            with pytest.raises(SaveError):
                read_log(part)
            continue
        log = read_log(part)
        assert log.truncated == (raw[:cut][-1:] != b"\n")
        assert len(log.steps) == raw[:cut].count(b"\n") - 1 - (1 if raw[:cut].endswith(b"\n") and log.finished else 0)


@pytest.mark.parametrize("content, words", [
    (b"garbage\nmore garbage\n", "not a save log record"),
    (b"[1, 2]\n", "not a kremlin-sim save log"),
    (b'{"type": "header", "format": 99, "scenario": {}}\n', "not supported"),
    (b"", "not a kremlin-sim save log"),
])
def test_not_a_log(tmp_path, content, words):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(SaveError, match=words):
        read_log(path)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def write_lines(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_verify_accepts_an_untouched_log(finished_log, capsys):
    assert main(["verify", str(finished_log)]) == 0
    assert "verified (2 decisions, finished)" in capsys.readouterr().out


@pytest.mark.parametrize("edit, words", [
    (lambda r: r[1]["meters_after"].update(tension=0), "do not follow"),
    (lambda r: r[-1].update(ending="fortress"), "recorded ending"),
    (lambda r: r[1].update(choice="invented"), "not a choice"),
    (lambda r: r[1].update(node="elsewhere"), "recorded at"),
    (lambda r: r.insert(2, dict(r[1])), "out of order"),
    (lambda r: r.__setitem__(slice(1, 3), [r[2], r[1]]), "out of order"),
])
def test_verify_rejects_edited_logs(tmp_path, finished_log, capsys, edit, words):
    records = lines_of(finished_log)
    edit(records)
    edited = tmp_path / "edited.jsonl"
    write_lines(edited, records)
    assert main(["verify", str(edited)]) == 1
    assert words in capsys.readouterr().err


def test_verify_reports_a_changed_scenario(finished_log, scenario_file, capsys):
    scenario_file.write_text(scenario_file.read_text().replace("start: 55", "start: 54"), encoding="utf-8")
    assert main(["verify", str(finished_log)]) == 1
    assert "has changed" in capsys.readouterr().err


def test_verify_reports_an_unknown_scenario_and_a_folder(tmp_path, finished_log, scenario_file, capsys):
    scenario_file.unlink()
    assert main(["verify", str(finished_log.parent)]) == 1
    assert "cannot be found" in capsys.readouterr().err
    assert main(["verify", str(tmp_path / "empty")]) == 1


def test_resume_continues_a_game_after_quitting(tmp_path, scenario_file):
    scenario = load_file(scenario_file).scenario
    session = Session.start(scenario, tmp_path / "saves", "Ada")
    session.choose("return_base", reason="goodwill", confidence=3)
    resumed, messages = Session.resume(session.path, scenario)
    assert messages == [] and resumed.game.state == session.game.state
    assert resumed.game.steps[0].reason == "goodwill"
    resumed.choose("leave_quietly")
    assert read_log(session.path).finished


def test_resume_after_an_edit_that_keeps_the_decisions(tmp_path, scenario_file):
    scenario = load_file(scenario_file).scenario
    session = Session.start(scenario, tmp_path / "saves", "Ada")
    session.choose("return_base")
    edited = load_text(scenario_file.read_text().replace("Leave quietly", "Leave in peace").encode(), str(scenario_file)).scenario
    resumed, messages = Session.resume(session.path, edited)
    assert "edited" in messages[0] and resumed.game.state.node == "handover"


def test_resume_refuses_when_a_decision_is_gone(tmp_path, scenario_file):
    scenario = load_file(scenario_file).scenario
    session = Session.start(scenario, tmp_path / "saves", "Ada")
    session.choose("return_base")
    text = scenario_file.read_text().replace("return_base", "give_back")
    edited = load_text(text.encode(), str(scenario_file)).scenario
    with pytest.raises(ResumeError, match="has changed"):
        Session.resume(session.path, edited)


def test_resume_refuses_a_finished_game(finished_log, scenario_file):
    with pytest.raises(ResumeError, match="already finished"):
        Session.resume(finished_log, load_file(scenario_file).scenario)


def test_unwritable_saves_folder_is_one_clear_error(tmp_path, scenario_file, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["play", str(scenario_file), "--auto", "history", "--saves", str(blocker / "saves")]) == 1
    err = capsys.readouterr().err
    assert "saves folder" in err and "Traceback" not in err


def test_full_disk_while_saving_loses_nothing_already_saved(tmp_path, scenario_file, monkeypatch):
    scenario = load_file(scenario_file).scenario
    session = Session.start(scenario, tmp_path / "saves", "Ada")
    before = session.path.read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError, match="No space left"):
        session.choose("return_base")
    monkeypatch.undo()
    assert read_log(session.path).header == read_log_from_bytes(tmp_path, before).header


def read_log_from_bytes(tmp_path, raw):
    path = tmp_path / "copy.jsonl"
    path.write_bytes(raw)
    return read_log(path)


def test_auto_random_is_seeded(tmp_path, scenario_file):
    scenario = load_file(scenario_file).scenario
    runs = []
    for _ in range(2):
        session = Session.start(scenario, tmp_path / "saves", "Bot", seed=7)
        autoplay(session, "random", 7)
        runs.append([s.choice for s in session.game.steps])
    assert runs[0] == runs[1]


def test_replay_of_a_truncated_log_notes_the_recovery(tmp_path, finished_log, scenario_file):
    raw = finished_log.read_bytes()
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(raw[: len(raw) - 10])
    verdict = replay(read_log(cut), load_file(scenario_file).scenario)
    assert verdict.ok and "cut off" in verdict.notes[0]
