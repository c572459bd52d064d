"""`kremlin-sim verify` (and `debrief`) on damaged, edited and foreign save logs.

Every case starts from a real log (two decisions with multi-byte reasons,
played in-process on tests/hardening/fixtures/porkkala.yaml) and damages it
the way a crash, a USB stick or a curious student would. Besides the exit
code and the message, `corpus.check` compares every file's bytes before and
after: checking a save must never change it.
"""

from __future__ import annotations

import json
from typing import Callable

import pytest

from hardening.corpus import Case, Workspace, check, edit, play_game


def log_bytes(ws: Workspace) -> bytes:
    return ws.shared.log("finished")


def cut(ws: Workspace, at) -> list[str]:
    raw = log_bytes(ws)
    return ["verify", ws.write("game.jsonl", raw[: at(raw)])]


def inside_second_step(raw: bytes) -> int:
    second = raw.index(b'"type":"step","n":2')
    return second + 40


def inside_rocket(raw: bytes) -> int:
    """Two bytes into the four-byte 🚀 of the second reason."""
    return raw.index("🚀".encode()) + 2


def edited(change: Callable[[list[dict]], list | None]) -> Callable[[Workspace], list[str]]:
    """The finished log with its records changed by `change(records)`."""
    def setup(ws: Workspace) -> list[str]:
        records = ws.records()
        changed = change(records)
        return ["verify", ws.write_records("game.jsonl", changed if changed is not None else records)]
    return setup


def _header(**fields):
    def change(records):
        records[0].update(fields)
    return change


def _scenario_field(**fields):
    def change(records):
        records[0]["scenario"].update(fields)
    return change


def _step(index: int, **fields):
    def change(records):
        records[index].update(fields)
    return change


def _meters_after(records):
    records[1]["meters_after"]["tension"] = 10


def _duplicate(records):
    return [records[0], records[1], records[1], *records[2:]]


def _reorder(records):
    return [records[0], records[2], records[1], records[3]]


def _after_end(records):
    return [*records, records[2]]


def _deep_line(records):
    return [records[0], "[" * 100_000 + "]" * 100_000, *records[1:]]


def played_then_changed(*edits: tuple[str, str]):
    """A game played on the case's own copy of the scenario, which is then edited."""
    def setup(ws: Workspace) -> list[str]:
        scenario = ws.folder / ws.scenario(name="lesson.yaml")
        log = play_game(scenario, ws.folder / "saves")
        scenario.write_text(edit(scenario.read_text(encoding="utf-8"), *edits), encoding="utf-8")
        return ["verify", str(log.relative_to(ws.folder))]
    return setup


def invalid_utf8_line(ws: Workspace) -> list[str]:
    lines = log_bytes(ws).split(b"\n")
    lines[1] = lines[1].replace("Мир".encode(), b"\xff\xfe\xfd")
    return ["verify", ws.write("game.jsonl", b"\n".join(lines))]


def other_scenario(ws: Workspace) -> list[str]:
    other = ws.scenario(("id: my-scenario", "id: another-lesson"), name="other.yaml")
    return ["verify", ws.log(), "--scenario", other]


def mixed_folder(ws: Workspace) -> list[str]:
    ws.log("class/anna.jsonl")
    ws.write("class/boris.jsonl", log_bytes(ws)[:-30] + b"\x00\x1b[2J garbage\n" + b"{}\n")
    return ["verify", "class"]


def folder_without_logs(ws: Workspace) -> str:
    ws.write("empty/notes.txt", "the saves are on the other computer")
    return "empty"


def nine_megabytes(ws: Workspace) -> list[str]:
    return ["verify", ws.write("game.jsonl", log_bytes(ws) + b'{"type":"step"}' * (9 * 1024 * 1024 // 15))]


CASES = [
    Case("verify-intact-log", lambda ws: ["verify", ws.log()], 0, "game.jsonl: verified (2 decisions, finished)",
         stream="stdout"),
    Case("verify-cut-in-header", lambda ws: cut(ws, lambda raw: 50), 1,
         "game.jsonl: not a kremlin-sim save log (empty or damaged header)", lines=1),
    Case("verify-cut-in-a-step", lambda ws: cut(ws, inside_second_step), 0,
         "game.jsonl: note: the last line was cut off (the game was interrupted while saving); it was dropped",
         also=("game.jsonl: verified (1 decisions, unfinished)",), stream="both"),
    Case("verify-cut-inside-a-character", lambda ws: cut(ws, inside_rocket), 0, "note: the last line was cut off",
         also=("verified (1 decisions, unfinished)",), stream="both"),
    Case("verify-garbage", lambda ws: ["verify", ws.write("game.jsonl", "my homework\nis not a save\n")], 1,
         "game.jsonl:1: line 1 is not a save log record (edited or damaged)", lines=1),
    Case("verify-binary", lambda ws: ["verify", ws.write("game.jsonl", bytes(range(256)) * 4 + b"\n" + b"\x1b[2J\x07\n")], 1,
         "game.jsonl:1: line 1 is not a save log record", lines=1),
    Case("verify-format-2", edited(_header(format=2)), 1,
         "game.jsonl: save format 2 is not supported by this version (it reads format 1)"),
    Case("verify-unknown-scenario", edited(_scenario_field(id="no-such-lesson", source="")), 1,
         'game.jsonl: the scenario "no-such-lesson" cannot be found; name its file with --scenario'),
    Case("verify-scenario-changed", played_then_changed(('"Confrontation"', '"Open confrontation"')), 1,
         'the scenario "my-scenario" has changed since this game was played'),
    Case("verify-choice-removed-from-scenario",
         played_then_changed(("- id: return_base", "- id: give_back"), ("choice: return_base", "choice: give_back")), 1,
         'step 1: "return_base" is not a choice of'),
    Case("verify-edited-meters", edited(_meters_after), 1,
         "game.jsonl: step 1 (paasikivi_visit): the recorded meters after do not follow from the choices (edited?)"),
    Case("verify-edited-choice", edited(_step(1, choice="keep_base")), 1, "game.jsonl: step 2: the game had already ended"),
    Case("verify-edited-ending", edited(_step(3, ending="fortress")), 1,
         'the recorded ending "fortress" does not follow from the choices (the choices lead to "good_neighbour")'),
    Case("verify-duplicated-line", edited(_duplicate), 1, "game.jsonl:3: steps are out of order or repeated"),
    Case("verify-reordered-lines", edited(_reorder), 1, "game.jsonl:2: steps are out of order or repeated"),
    Case("verify-record-after-end", edited(_after_end), 1, "game.jsonl:5: a record after the end of the game"),
    Case("verify-header-names-no-scenario", edited(_header(scenario="my-scenario")), 1,
         "game.jsonl: not a kremlin-sim save log"),
    Case("verify-header-settings-damaged", edited(_header(settings="each")), 1,
         "game.jsonl:1: the header's settings are damaged (edited?)"),
    Case("verify-deeply-nested-line", edited(_deep_line), 1, "game.jsonl:2: line 2 is not a save log record"),
    Case("verify-escape-in-recorded-choice", edited(_step(1, choice="\x1b[2J\x1b]0;owned\x07")), 1,
         'step 1: "\\x1b[2J\\x1b]0;owned\\x07" is not a choice of'),
    Case("verify-invalid-utf8-line", invalid_utf8_line, 1, "game.jsonl:2: line 2 is not a save log record"),
    Case("verify-too-large", nine_megabytes, 1, "game.jsonl: too large to be a save log"),
    Case("verify-source-path-too-long", edited(_scenario_field(source="/" + "x" * 5000 + ".yaml")), 1,
         'game.jsonl: the scenario "my-scenario" cannot be found; name its file with --scenario'),
    Case("verify-wrong-scenario-file", other_scenario, 1,
         'game.jsonl: the log is a game of "my-scenario", but other.yaml is another-lesson'),
    Case("verify-missing-scenario-file", lambda ws: ["verify", ws.log(), "--scenario", "lesson-v2.yaml"], 1,
         "game.jsonl: the scenario file lesson-v2.yaml does not exist (or is not a file)"),
    Case("verify-folder-without-logs", lambda ws: ["verify", folder_without_logs(ws)], 1,
         "no save logs found in empty"),
    Case("verify-folder-good-and-damaged", mixed_folder, 1, "class/boris.jsonl:", also=("class/anna.jsonl: verified",),
         stream="both"),
    Case("debrief-damaged-log", lambda ws: ["debrief", ws.write("game.jsonl", b"\x00garbage\n")], 1,
         "game.jsonl: left out:", also=("no save log could be used, so no report was written",)),
    Case("debrief-good-and-damaged", lambda ws: ["debrief", mixed_folder(ws)[1], "-o", "report.md"], 0,
         "class/boris.jsonl: left out:", also=("wrote report.md",), creates=("report.md",)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_verify_reports_damaged_logs(case, corpus_results):
    check(case, corpus_results[case.id])


def test_the_log_the_cases_start_from_is_what_they_assume(shared):
    records = [json.loads(line) for line in shared.log("finished").decode().splitlines()]
    assert [r["type"] for r in records] == ["header", "step", "step", "end"]
    assert [r["choice"] for r in records[1:3]] == ["return_base", "leave_quietly"]
    assert records[3]["ending"] == "good_neighbour"
