"""The teacher's monitor, on real save logs written by the engine: no server needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kremlin_sim.engine import Session, autoplay
from kremlin_sim.scenario import load_file
from kremlin_sim.serve.command import EndingTitles
from kremlin_sim.serve.monitor import SavesMonitor
from serve.harness import TEMPLATE

SCENARIO = load_file(TEMPLATE).scenario
TO_THE_END = ["return_base", "leave_quietly"]      # two decisions, then "A good neighbour"


def start(folder: Path, player: str) -> Session:
    return Session.start(SCENARIO, folder, player)


def monitor_of(folder: Path) -> SavesMonitor:
    monitor = SavesMonitor(folder, EndingTitles(SCENARIO))
    monitor.baseline()
    return monitor


def test_start_progress_and_finish_each_reported_once(tmp_path):
    monitor = monitor_of(tmp_path)
    assert monitor.poll() == [] and monitor.summary() == "0 playing, 0 finished"
    anna = start(tmp_path, "Anna")
    assert monitor.poll() == ['Anna started "Porkkala, 1955: keep the base or give it back?"']
    anna.choose(TO_THE_END[0])
    assert monitor.poll() == []                     # progress is kept quiet
    assert monitor.summary() == "1 playing, 0 finished"
    anna.choose(TO_THE_END[1])
    assert monitor.poll() == ['Anna finished "Porkkala, 1955: keep the base or give it back?": '
                              'A good neighbour after 2 decisions']
    assert monitor.poll() == []
    assert monitor.summary() == "0 playing, 1 finished"


def test_a_game_from_an_earlier_lesson_is_news_only_when_it_continues(tmp_path):
    boris = start(tmp_path, "Boris")
    boris.choose(TO_THE_END[0])
    start(tmp_path, "Vera")                         # also left unfinished last time
    monitor = monitor_of(tmp_path)
    assert monitor.poll() == [] and monitor.summary() == "0 playing, 0 finished"
    resumed, _ = Session.resume(boris.path, SCENARIO)
    resumed.choose(TO_THE_END[1])
    assert monitor.poll() == [
        'Boris finished "Porkkala, 1955: keep the base or give it back?": A good neighbour after 2 decisions']
    assert monitor.summary() == "0 playing, 1 finished"


def test_a_continued_game_is_announced(tmp_path):
    path = start(tmp_path, "Boris").path
    monitor = monitor_of(tmp_path)
    resumed, _ = Session.resume(path, SCENARIO)
    resumed.choose(TO_THE_END[0])
    assert monitor.poll() == ['Boris continued "Porkkala, 1955: keep the base or give it back?" after 1 decision']


def test_torn_and_foreign_files_are_tolerated(tmp_path):
    monitor = monitor_of(tmp_path)
    anna = start(tmp_path, "Anna")
    anna.choose(TO_THE_END[0])
    with open(anna.path, "ab") as handle:           # a write cut short mid-line
        handle.write(b'{"type":"step","n":2,"no')
    (tmp_path / "notes.jsonl").write_text("not a save log\n")
    lines = monitor.poll()
    assert lines[0].startswith("Anna started")
    assert len(lines) == 2 and lines[1].startswith("cannot read ") and "notes.jsonl" in lines[1]
    assert monitor.poll() == []                     # an unreadable file is reported once
    assert monitor.summary() == "1 playing, 0 finished"
    (tmp_path / "notes.jsonl").unlink()
    anna.path.unlink()
    assert monitor.poll() == [] and monitor.summary() == "0 playing, 0 finished"


def test_a_missing_folder_is_empty_not_an_error(tmp_path):
    monitor = monitor_of(tmp_path / "not yet")
    assert monitor.poll() == []
    start(tmp_path / "not yet", "Anna")
    assert monitor.poll()[0].startswith("Anna started")


def test_teacher_autoplay_games_are_not_students(tmp_path):
    monitor = monitor_of(tmp_path)
    autoplay(Session.start(SCENARIO, tmp_path, "auto", mode="auto-history"), "history", None)
    assert monitor.poll() == [] and monitor.summary() == "0 playing, 0 finished"


def test_untrusted_names_and_titles_reach_the_terminal_escaped(tmp_path):
    monitor = monitor_of(tmp_path)
    session = start(tmp_path, "Anna")
    lines = session.path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["player"] = "Eve\x1b]0;owned\x07\u202e"   # a hand-edited log: escape sequences, bidi override
    header["scenario"]["title"] = "T\x1b[2J"
    session.path.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n", encoding="utf-8")
    [line] = monitor.poll()
    assert line == 'Eve\\x1b]0;owned\\x07\\u202e started "T\\x1b[2J"'


def test_an_ending_of_an_unknown_scenario_falls_back_to_its_id(tmp_path):
    session = start(tmp_path, "Anna")
    for choice in TO_THE_END:
        session.choose(choice)
    monitor = SavesMonitor(tmp_path, EndingTitles(None))    # served without a scenario: found from the log
    assert "A good neighbour" in monitor.poll()[-1]
    lines = session.path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["scenario"]["source"], header["scenario"]["id"] = "/nowhere.yaml", "lost-scenario"
    session.path.write_text("\n".join([json.dumps(header), *lines[1:]]) + "\n", encoding="utf-8")
    assert SavesMonitor(tmp_path, EndingTitles(None)).poll()[-1].endswith(": good_neighbour after 2 decisions")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["start", "choose", "poll"])), max_size=25))
def test_counts_match_the_folder_whatever_the_order(tmp_path_factory, plan):
    """Whatever the order of starts, decisions and polls, after a last poll the counts are
    the games in the folder, each started once and finished at most once."""
    folder = tmp_path_factory.mktemp("class")
    monitor = monitor_of(folder)
    games: dict[int, Session] = {}
    said: list[str] = []
    for student, action in plan:
        if action == "start" and student not in games:
            games[student] = start(folder, f"S{student}")
        elif action == "choose" and student in games and not games[student].game.is_over:
            games[student].choose(TO_THE_END[len(games[student].game.steps)])
        elif action == "poll":
            said += monitor.poll()
    said += monitor.poll()
    finished = sum(session.game.is_over for session in games.values())
    assert monitor.summary() == f"{len(games) - finished} playing, {finished} finished"
    for student, session in games.items():
        assert sum(line.startswith(f"S{student} started") for line in said) == 1
        assert sum(line.startswith(f"S{student} finished") for line in said) == session.game.is_over


def test_the_monitor_imports_no_ui_or_server_library():
    code = ("import sys, kremlin_sim.serve.monitor\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich', 'aiohttp', 'textual_serve'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
