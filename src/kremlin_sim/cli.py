"""The `kremlin-sim` command: thin subcommands that call into the layers.

Heavy modules (Textual, the debrief renderers) are imported inside the
command that needs them, so `validate` and `play --auto` start fast.
Exit codes: 0 fine, 1 a problem with the user's files, 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .scenario import CAMPAIGN, LoadResult, bundled_paths, load_file, resolve
from .scenario.diagnostics import safe_text


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line instead of a usage block."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def say(message: str) -> None:
    print(message, file=sys.stderr)


def load_scenario(name: str) -> LoadResult:
    return load_file(resolve(name))


def report_load(result: LoadResult) -> bool:
    """Print each diagnostic on its own line; True when the scenario is usable."""
    for diagnostic in result.diagnostics:
        say(diagnostic.format())
    return result.ok


# -- commands -----------------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.paths:
        result = load_scenario(name)
        report_load(result)
        if result.ok:
            warnings = len(result.warnings)
            noted = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
            print(f"{result.path}: valid ({len(result.scenario.decisions)} decision points, "
                  f"{len(result.scenario.endings)} endings{noted})")
        else:
            failed += 1
            say(f"{result.path}: invalid ({len(result.errors)} error{'s' if len(result.errors) != 1 else ''})")
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .scenario.schema import json_schema
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    return write_output(text, args.output)


def cmd_new(args: argparse.Namespace) -> int:
    from .scenario.schema import json_schema
    target = Path(args.path)
    if target.suffix not in (".yaml", ".yml"):
        target = target.with_suffix(".yaml")
    if target.exists():
        say(f"{target}: already exists; choose another name (nothing was overwritten)")
        return 1
    template = (Path(__file__).parent / "scenario" / "template.yaml").read_text(encoding="utf-8")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template, encoding="utf-8")
        schema_file = target.parent / "scenario.schema.json"
        if not schema_file.exists():
            schema_file.write_text(json.dumps(json_schema(), indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        say(f"{target}: cannot write: {exc.strerror or exc}")
        return 1
    print(f"wrote {target}; edit it, then run: kremlin-sim validate {target}")
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    from .engine import REVEAL_MODES, SaveError, Session, autoplay, saves_dir
    if args.auto and (args.resume or args.preview):
        raise UsageError(f"kremlin-sim play: --auto cannot be combined with {'--resume' if args.resume else '--preview'} "
                         "(see kremlin-sim play --help)")
    if args.auto:
        scenario = require_scenario(args.scenario or CAMPAIGN)
        if scenario is None:
            return 1
        try:
            session = Session.start(scenario, saves_dir(args.saves), args.name or f"auto-{args.auto}",
                                    reveal=args.reveal or REVEAL_MODES[0], require_reasons=args.require_reasons,
                                    mode=f"auto-{args.auto}", seed=args.seed)
            autoplay(session, args.auto, args.seed)
        except SaveError as exc:
            say(str(exc))
            return 1
        ending = session.game.ending
        print(f"{session.path}")
        say(f"ended: {safe_text(ending.title if ending else session.game.state.node, 300)} after {len(session.game.steps)} decisions")
        return 0
    from .tui.launch import run_tui
    return run_tui(args)


def cmd_verify(args: argparse.Namespace) -> int:
    from .engine import SaveError, find_logs, read_log, replay, scenario_for_log
    bad = 0
    logs = find_logs(args.saves)
    if not logs:
        say("no save logs found in " + ", ".join(args.saves))
        return 1
    for path in logs:
        try:
            log = read_log(path)
            verdict = replay(log, scenario_for_log(log, args.scenario))
        except SaveError as exc:
            say(safe_text(exc, 4000))
            bad += 1
            continue
        for note in verdict.notes:
            say(f"{path}: note: {note}")
        for problem in verdict.problems:
            say(f"{path}: {safe_text(problem, 300)}")
        if verdict.ok:
            print(f"{path}: verified ({len(log.steps)} decisions{', finished' if log.finished else ', unfinished'})")
        else:
            bad += 1
    return 1 if bad else 0


def cmd_list(args: argparse.Namespace) -> int:
    for scenario_id, path in bundled_paths().items():
        result = load_file(path)
        title = safe_text(result.scenario.title, 300) if result.scenario else "(does not load)"
        print(f"{scenario_id:24} {title}")
    return 0


def _lazy(module: str, function: str = "run") -> Callable[[argparse.Namespace], int]:
    def command(args: argparse.Namespace) -> int:
        import importlib
        return importlib.import_module(module, __package__).__dict__[function](args)
    return command


# -- helpers shared by commands -----------------------------------------------------------------

def require_scenario(name: str):
    """Load a scenario for a command that needs a valid one; print its problems otherwise."""
    result = load_scenario(name)
    if not report_load(result):
        if not os.path.exists(name) and name not in bundled_paths():
            say(f"(bundled scenarios: {', '.join(bundled_paths()) or 'none found'})")
        return None
    return result.scenario


# How much of a text is encoded at a time when written to a file (see `_write_text`).
WRITE_CHUNK = 1 << 16


def write_output(text: str, output: str | None) -> int:
    if not output or output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(output)
    temp = target.with_name(f".{target.name}.tmp")
    try:
        _write_text(temp, text)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. -o names a folder: the text was written aside but could not replace it
            os.remove(temp)
        say(f"{output}: cannot write: {exc.strerror or exc}")
        return 1
    say(f"wrote {output}")
    return 0


def _write_text(path: Path, text: str) -> None:
    """`path.write_text(text, encoding="utf-8")`, encoded 64 KiB at a time. Encoded whole, a class report
    (16 MB of HTML for 1,000 students) is copied once more into fresh memory, which the system must map in
    page by page (a tenth of the report's page faults) and takes back when it is freed."""
    with open(path, "w", encoding="utf-8") as handle:
        for start in range(0, len(text), WRITE_CHUNK):
            handle.write(text[start:start + WRITE_CHUNK])


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kremlin-sim", description="A classroom decision simulation: Soviet foreign policy, 1953-61.")
    parser.add_argument("--version", action="version", version=f"kremlin-sim {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    play = sub.add_parser("play", help="play a scenario (the bundled campaign by default)")
    play.add_argument("scenario", nargs="?", help="a scenario file or the id of a bundled scenario")
    play.add_argument("--name", help="player name or pseudonym")
    play.add_argument("--reveal", choices=["each", "end", "never"], help="when history is shown (default: each)")
    play.add_argument("--require-reasons", action="store_true", help="students must give a reason for each choice")
    play.add_argument("--saves", help="folder for save logs (default: $KREMLIN_SIM_SAVES or ./saves)")
    play.add_argument("--resume", metavar="SAVE", help="continue a game from its save log")
    play.add_argument("--preview", action="store_true", help="teacher preview: jump anywhere, see exact effects")
    play.add_argument("--classroom", action="store_true",
                      help="for serve: players cannot open files or change --reveal/--require-reasons, "
                           "and find their unfinished games by name")
    play.add_argument("--auto", choices=["history", "random"], help="play a whole game without the screen")
    play.add_argument("--seed", type=int, help="seed for --auto random")
    play.set_defaults(func=cmd_play)

    validate = sub.add_parser("validate", help="check scenario files and report every problem")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(func=cmd_validate)

    check = sub.add_parser("check", help="explore every reachable state of a scenario")
    check.add_argument("path", metavar="PATH")
    check.add_argument("--random", type=int, default=0, metavar="N", help="also play N seeded random games")
    check.add_argument("--seed", type=int, default=0)
    check.set_defaults(func=_lazy(".tools.check"))

    graph = sub.add_parser("graph", help="draw the decision graph")
    graph.add_argument("path", metavar="PATH")
    graph.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")
    graph.add_argument("-o", "--output", metavar="FILE")
    graph.set_defaults(func=_lazy(".tools.graph"))

    verify = sub.add_parser("verify", help="replay save logs and report any that were edited or damaged")
    verify.add_argument("saves", nargs="+", metavar="SAVE")
    verify.add_argument("--scenario", help="the scenario file the games were played on")
    verify.set_defaults(func=cmd_verify)

    debrief = sub.add_parser("debrief", help="a student or class report from save logs")
    debrief.add_argument("paths", nargs="+", metavar="PATH")
    debrief.add_argument("--format", choices=["md", "html", "csv", "json"], default="md")
    debrief.add_argument("-o", "--output", metavar="FILE")
    debrief.add_argument("--anonymise", "--anonymize", action="store_true", dest="anonymise")
    debrief.add_argument("--scenario", help="the scenario file the games were played on")
    debrief.set_defaults(func=_lazy(".debrief.command"))

    schema = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.add_argument("-o", "--output", metavar="FILE")
    schema.set_defaults(func=cmd_schema)

    new = sub.add_parser("new", help="write a small, valid scenario to start from")
    new.add_argument("path", metavar="PATH")
    new.set_defaults(func=cmd_new)

    scenarios = sub.add_parser("scenarios", help="list the bundled scenarios")
    scenarios.set_defaults(func=cmd_list)

    serve = sub.add_parser("serve", help="serve the game to browsers on the class network")
    serve.add_argument("scenario", nargs="?")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--reveal", choices=["each", "end", "never"], default="each")
    serve.add_argument("--require-reasons", action="store_true")
    serve.add_argument("--saves")
    serve.set_defaults(func=_lazy(".serve"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        say(str(exc))
        return 2
    if args.command is None:
        args = parser.parse_args(["play"])  # bare `kremlin-sim` opens the title screen
    try:
        return args.func(args)
    except UsageError as exc:
        say(str(exc))
        return 2
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        return 0
