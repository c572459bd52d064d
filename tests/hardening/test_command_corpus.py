"""The command line misused: unknown flags, bad values, missing files, folders where files belong,
places that cannot be written, for every subcommand (validate, verify, play --auto, new, schema,
check, graph, debrief).

Usage mistakes exit 2 in one line; problems with the user's files exit 1.
Tests run as root here, so an unwritable place is a path *under a regular
file* (no permission bit stops root) or one in /proc.
"""

from __future__ import annotations

import pytest

from hardening.corpus import Case, Workspace, check, play_game

LONG_NAME = "x" * 5000
BROKEN = ("        next: handover", "        next: handovr")
ESCAPED_TITLE = ('"A good neighbour"', '"\\e[2J\\e]0;owned\\a\\e[31mA good neighbour\\u202e"')


def auto(*options: str, scenario_edits: tuple[tuple[str, str], ...] = ()):
    """`play s.yaml --auto ...` on the case's own copy of the scenario."""
    def setup(ws: Workspace) -> list[str]:
        return ["play", ws.scenario(*scenario_edits), "--auto", *options]
    return setup


def usage(case_id: str, setup, message: str) -> Case:
    return Case(case_id, setup, 2, message, lines=1)


def with_saves_env(value: str):
    def setup(ws: Workspace) -> list[str]:
        ws.env["KREMLIN_SIM_SAVES"] = value
        return ["play", ws.scenario(), "--auto", "history"]
    return setup


def folder(ws: Workspace, name: str = "lessons") -> str:
    (ws.folder / name).mkdir()
    return name


def debrief_escaped_game(ws: Workspace) -> list[str]:
    """A game played on a scenario whose texts carry escape sequences, reported to the terminal."""
    log = play_game(ws.folder / ws.scenario(ESCAPED_TITLE), ws.folder / "saves")
    return ["debrief", str(log.relative_to(ws.folder))]


SAVES = ("saves/*.jsonl",)

CASES = [
    # -- usage mistakes: exit 2, one line, nothing written ------------------------------------
    usage("cli-unknown-flag", lambda ws: ["--bogus"], "kremlin-sim: unrecognized arguments: --bogus (see kremlin-sim --help)"),
    usage("cli-unknown-flag-after-command", lambda ws: ["validate", ws.scenario(), "--strict"], "unrecognized arguments: --strict"),
    usage("cli-unknown-command", lambda ws: ["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
    usage("cli-validate-without-paths", lambda ws: ["validate"], "the following arguments are required: PATH"),
    usage("cli-auto-unknown-strategy", auto("sometimes"),
          "argument --auto: invalid choice: 'sometimes' (choose from 'history', 'random')"),
    usage("cli-seed-word", auto("random", "--seed", "abc"), "argument --seed: invalid int value: 'abc'"),
    usage("cli-seed-fraction", auto("random", "--seed", "1.5"), "argument --seed: invalid int value: '1.5'"),
    usage("cli-seed-empty", auto("random", "--seed", ""), "argument --seed: invalid int value: ''"),
    usage("cli-seed-missing", auto("random", "--seed"), "argument --seed: expected one argument"),
    usage("cli-seed-escape-sequence", auto("random", "--seed", "\x1b[2J"), "argument --seed: invalid int value: '\\x1b[2J'"),
    usage("cli-reveal-unknown", auto("history", "--reveal", "sometimes"),
          "argument --reveal: invalid choice: 'sometimes' (choose from 'each', 'end', 'never')"),
    usage("cli-reveal-empty", auto("history", "--reveal", ""), "argument --reveal: invalid choice: ''"),
    usage("cli-check-negative-random", lambda ws: ["check", ws.scenario(), "--random", "-1"],
          "kremlin-sim check: --random needs a number of games of 0 or more"),
    usage("cli-graph-unknown-format", lambda ws: ["graph", ws.scenario(), "--format", "png"],
          "argument --format: invalid choice: 'png' (choose from 'mermaid', 'dot')"),
    usage("cli-debrief-unknown-format", lambda ws: ["debrief", ws.log(), "--format", "pdf"],
          "argument --format: invalid choice: 'pdf'"),

    # -- a seed that is valid, however large ---------------------------------------------------------
    Case("cli-seed-huge", auto("random", "--seed", str(10 ** 40)), 0, ".jsonl", stream="stdout", creates=SAVES),

    # -- play --auto: scenario and saves folder problems ------------------------------------------
    Case("cli-play-missing-scenario", lambda ws: ["play", "lesson.yaml", "--auto", "history"], 1,
         "lesson.yaml: error KS001: no such file", also=("(bundled scenarios:",)),
    Case("cli-play-folder", lambda ws: ["play", folder(ws), "--auto", "history"], 1,
         "lessons: error KS001: this is a folder, not a scenario file"),
    Case("cli-play-invalid-scenario", auto("history", scenario_edits=(BROKEN,)), 1,
         'error KS201: choice "return_base" names "handovr"'),
    Case("cli-saves-under-a-file", lambda ws: ["play", ws.scenario(), "--auto", "history", "--saves", "s.yaml/saves"], 1,
         "cannot create the saves folder s.yaml/saves: Not a directory", lines=1),
    Case("cli-saves-is-a-file", lambda ws: ["play", ws.scenario(), "--auto", "history", "--saves", ws.write("notes.txt", "x")], 1,
         "the saves folder notes.txt is a file, not a folder", lines=1),
    Case("cli-saves-in-proc", lambda ws: ["play", ws.scenario(), "--auto", "history", "--saves", "/proc/kremlin-saves"], 1,
         "cannot create the saves folder /proc/kremlin-saves", lines=1),
    Case("cli-saves-from-environment-under-a-file", with_saves_env("s.yaml/saves"), 1,
         "cannot create the saves folder s.yaml/saves: Not a directory", lines=1),
    Case("cli-play-escapes-in-ending-title", auto("history", scenario_edits=(ESCAPED_TITLE,)), 0,
         "ended: \\x1b[2J\\x1b]0;owned\\x07\\x1b[31mA good neighbour\\u202e after 2 decisions", creates=SAVES),

    # -- files that are missing, folders, devices, names the OS refuses ----------------------------
    Case("cli-validate-folder", lambda ws: ["validate", folder(ws)], 1, "lessons: error KS001: this is a folder, not a scenario file"),
    Case("cli-validate-under-a-file", lambda ws: ["validate", ws.scenario() + "/x.yaml"], 1,
         "s.yaml/x.yaml: error KS001: cannot read the file: Not a directory"),
    Case("cli-validate-dev-null", lambda ws: ["validate", "/dev/null"], 1, "/dev/null: error KS004: the file is empty"),
    Case("cli-validate-name-too-long", lambda ws: ["validate", LONG_NAME], 1, "error KS001: cannot read the file: File name too long"),
    Case("cli-verify-missing", lambda ws: ["verify", "game.jsonl"], 1, "game.jsonl: no such file", lines=1),
    Case("cli-verify-under-a-file", lambda ws: ["verify", ws.log() + "/x.jsonl"], 1,
         "game.jsonl/x.jsonl: cannot read the file: Not a directory"),
    # 300 characters: one name longer than any file system allows, and short enough for the
    # whole message to fit the 400 characters verify prints of it.
    Case("cli-verify-name-too-long", lambda ws: ["verify", LONG_NAME[:300]], 1, "cannot read the file: File name too long"),
    Case("cli-new-over-existing", lambda ws: ["new", ws.scenario()], 1,
         "s.yaml: already exists; choose another name (nothing was overwritten)"),
    Case("cli-new-under-a-file", lambda ws: ["new", ws.scenario() + "/lesson.yaml"], 1, "s.yaml/lesson.yaml: cannot write"),
    Case("cli-schema-into-a-folder", lambda ws: ["schema", "-o", folder(ws, "out")], 1, "out: cannot write: Is a directory"),
    Case("cli-check-missing", lambda ws: ["check", "lesson.yaml"], 1, "lesson.yaml: error KS001: no such file"),
    Case("cli-check-invalid", lambda ws: ["check", ws.scenario(BROKEN)], 1, "error KS201"),
    Case("cli-graph-missing", lambda ws: ["graph", "lesson.yaml"], 1, "lesson.yaml: error KS001: no such file"),
    Case("cli-graph-output-under-a-file", lambda ws: ["graph", ws.scenario(), "-o", "s.yaml/graph.md"], 1,
         "s.yaml/graph.md: cannot write: Not a directory"),
    Case("cli-debrief-missing", lambda ws: ["debrief", "game.jsonl"], 1, "game.jsonl: left out: no such file"),
    Case("cli-debrief-empty-folder", lambda ws: ["debrief", folder(ws, "class")], 1, "class: left out: no save logs"),
    Case("cli-debrief-output-under-a-file", lambda ws: ["debrief", ws.log(), "-o", "game.jsonl/report.md"], 1,
         "game.jsonl/report.md: cannot write: Not a directory"),
    Case("cli-debrief-escapes-in-scenario-text", debrief_escaped_game, 0, "A good neighbour", stream="stdout"),
    Case("cli-debrief-name-too-long", lambda ws: ["debrief", LONG_NAME], 1, "left out"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_command_line_mistakes(case, corpus_results):
    check(case, corpus_results[case.id])

