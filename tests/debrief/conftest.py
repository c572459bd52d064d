"""Classes of real save logs, made by the engine, for the debrief tests.

Scenarios: the template and the format contract always; the bundled campaign
when it loads, otherwise a long generated scenario of the same shape (16
decision points) so the class tests still run until the campaign is ready.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import time
from pathlib import Path
from typing import Callable

import pytest

from kremlin_sim.cli import main
from kremlin_sim.engine import Session, autoplay, find_logs
from kremlin_sim.scenario import CAMPAIGN, bundled_paths, load_file
from kremlin_sim.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "src" / "kremlin_sim" / "scenario" / "template.yaml"
CONTRACT = ROOT / "docs" / "format-contract.yaml"
CLASS_SIZE = 30

# Reasons that try to break every format: markup, quotes, separators, newlines, formulas.
HOSTILE_REASONS = (
    "<script>alert(1)</script>",
    'He said "no", then \'yes\', and left, quickly',
    "first line\nsecond line\r\nthird | column | break",
    "[b]x[/b] **bold** _it_ `code` [link](javascript:alert(1)) <img src=x onerror=alert(2)>",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "-1+2",
    "# not a heading\n- not a list\n1. not a list either",
)


def real_name(number: int) -> str:
    """Distinctive names, so a test can tell whether any of them leaked into a report."""
    return f"Yevgenia Kuznetsova{number:02d}"


def long_scenario_yaml(decisions: int = 16, choices: int = 4) -> str:
    """A valid scenario shaped like the campaign: many decision points, a tension meter, styled endings."""
    lines = [
        "format: 1", "id: long-fixture", 'title: "Long fixture, 1953–61"', "start: d1",
        "meters:",
        '  - {id: tension, label: "US–Soviet tension", min: 0, max: 100, start: 50}',
        '  - {id: standing, label: "Standing", min: 0, max: 100, start: 50}',
        "endings:",
        '  - {id: war, title: War, when: "tension >= 100", text: "War."}',
        '  - {id: ousted, title: Ousted, when: "standing <= 0", text: "Out."}',
        '  - {id: thaw, title: "A thaw", style: "The Conciliator", text: "Calmer."}',
        '  - {id: freeze, title: "A freeze", style: "The Hardliner", text: "Colder."}',
        "decisions:",
    ]
    for i in range(1, decisions + 1):
        lines += [f"  - id: d{i}", f'    date: "{1953 + (i - 1) * 8 // decisions}-{(i - 1) % 12 + 1:02d}-01"',
                  f'    title: "Decision {i}"', f'    briefing: "Briefing {i}."',
                  f"    next: {f'd{i + 1}' if i < decisions else 'thaw'}", "    choices:"]
        for c in range(choices):
            by = (c - 1) * 3 + 1
            lines += [f"      - id: c{c}", f'        label: "Option {c} of {i}"', "        effects:",
                      f'          tension: {{by: {by}, why: "w"}}', f'          standing: {{by: {2 - c}, why: "w"}}']
            if i == decisions and c == choices - 1:
                lines.append("        next: freeze")
        lines += ["    history:", "      choice: c0", f'      date: "{1953 + (i - 1) * 8 // decisions}"',
                  f'      what_happened: "What happened at {i}."', "      sources: [{author: A, title: T, year: 2000}]",
                  f'      question: "Question {i}?"']
    return "\n".join(lines) + "\n"


def broken_tables(markdown: str) -> list[str]:
    """Table lines whose number of cell separators differs from their table's header line."""
    broken, width = [], None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        separators = re.findall(r"\\.|\|", line).count("|")  # a backslash escapes the character after it
        width = separators if width is None else width
        if separators != width:
            broken.append(line)
    return broken


def load(path: Path) -> Scenario:
    result = load_file(path)
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.scenario


# -- timing: a class report against only parsing the same files as JSON -----------------------------

DISTINCT = 40


def make_logs(scenario_path: Path, count: int, folder: Path) -> list[Path]:
    """`count` save logs: some real games, the rest copies under other names (they cost the same to check)."""
    scenario = load_file(scenario_path).scenario
    made = []
    for seed in range(min(count, DISTINCT)):
        session = Session.start(scenario, folder, f"Player {seed}", seed=seed)
        autoplay(session, "random", seed)
        made.append(session.path)
    for number in range(len(made), count):
        source = made[number % len(made)]
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        header = json.loads(lines[0])
        header["player"] = f"Player {number}"
        lines[0] = json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n"
        (folder / f"copy-{number:05d}.jsonl").write_text("".join(lines), encoding="utf-8")
    return find_logs([str(folder)])


def parse_only(paths: list[Path]) -> None:
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                json.loads(line)


def html_report(folder: Path) -> None:
    """The class HTML report as a teacher makes it: the command, writing the file (its messages muted)."""
    with contextlib.redirect_stderr(io.StringIO()):
        assert main(["debrief", str(folder), "--format", "html", "-o", str(folder.parent / "class.html")]) == 0


def best(function, *args, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def measure(folder: Path, paths: list[Path], repeat: int = 3) -> tuple[float, float]:
    parse_only(paths)  # warm the file cache for both
    return best(parse_only, paths, repeat=repeat), best(html_report, folder, repeat=repeat)



@pytest.fixture(scope="session")
def long_scenario_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scenario") / "long-fixture.yaml"
    path.write_text(long_scenario_yaml(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def campaign_path(long_scenario_path) -> Path:
    """The bundled campaign once it loads; until then the long fixture stands in."""
    path = bundled_paths().get(CAMPAIGN)
    if path is not None and load_file(path).ok:
        return path
    return long_scenario_path


@pytest.fixture(scope="session", params=["template", "contract", "campaign"])
def scenario_path(request, campaign_path) -> Path:
    return {"template": TEMPLATE, "contract": CONTRACT, "campaign": campaign_path}[request.param]


def play_reasons(scenario: Scenario, folder: Path, player: str, reasons: list[str], stop_after: int | None = None,
                 confidence: int = 3) -> Path:
    """A game that takes the first available choice everywhere, giving these reasons in turn."""
    session = Session.start(scenario, folder, player, require_reasons=True)
    number = 0
    while not session.game.is_over and (stop_after is None or number < stop_after):
        choice = next(o.choice.id for o in session.game.options() if o.available)
        session.choose(choice, reason=reasons[number % len(reasons)], confidence=confidence)
        number += 1
    return session.path


def make_class(scenario: Scenario, folder: Path) -> dict[str, Path]:
    """30 random games with distinct seeds, one hostile game per hostile reason, and one unfinished game."""
    logs = {}
    for seed in range(CLASS_SIZE):
        session = Session.start(scenario, folder, real_name(seed), mode="auto-random", seed=seed)
        autoplay(session, "random", seed)
        logs[real_name(seed)] = session.path
    for number, reason in enumerate(HOSTILE_REASONS):
        name = real_name(CLASS_SIZE + number)
        logs[name] = play_reasons(scenario, folder, name, [reason])
    logs["unfinished"] = play_reasons(scenario, folder, real_name(99), ["I ran out of time"], stop_after=1)
    return logs


@pytest.fixture(scope="session")
def class_template(scenario_path, tmp_path_factory) -> tuple[Scenario, Path, dict[str, Path]]:
    """A class of games on each test scenario (made once per session; copy before changing a file)."""
    scenario = load(scenario_path)
    folder = tmp_path_factory.mktemp("class")
    return scenario, folder, make_class(scenario, folder)


@pytest.fixture
def class_logs(class_template, tmp_path) -> tuple[Scenario, Path, dict[str, Path]]:
    """A fresh copy of the class that a test may edit."""
    scenario, folder, logs = class_template
    copy = tmp_path / "class"
    shutil.copytree(folder, copy)
    return scenario, copy, {name: copy / path.name for name, path in logs.items()}


def edit_record(path: Path, line: int, change: Callable[[dict], None]) -> None:
    """Edit one JSON Lines record in place, as a student with a text editor might."""
    records = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(records[line])
    change(record)
    records[line] = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    path.write_text("\n".join(records) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def helpers():
    """The plain functions above, for tests that build their own games."""
    import types
    return types.SimpleNamespace(play_reasons=play_reasons, make_class=make_class, real_name=real_name, load=load,
                                 long_scenario_yaml=long_scenario_yaml, edit_record=edit_record, broken_tables=broken_tables,
                                 make_logs=make_logs, html_report=html_report,
                                 hostile=HOSTILE_REASONS, class_size=CLASS_SIZE, template=TEMPLATE,
                                 contract=CONTRACT)
