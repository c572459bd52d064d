"""`kremlin-sim play` without --auto: check what was asked, then start the app.

Textual is imported only inside `run_tui`, so importing this module is cheap.
A scenario given on the command line is checked before the app starts: its
problems go to stderr, one line each, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..engine import saves_dir
from ..scenario import load_file, resolve
from .options import AppOptions


def say(message: str) -> None:
    print(message, file=sys.stderr)


def options_from_args(args: argparse.Namespace) -> AppOptions:
    return AppOptions(
        name=getattr(args, "name", None) or None,
        reveal=getattr(args, "reveal", None) or "each",
        require_reasons=bool(getattr(args, "require_reasons", False)),
        saves=saves_dir(getattr(args, "saves", None)),
        resume=Path(args.resume) if getattr(args, "resume", None) else None,
        preview=bool(getattr(args, "preview", False)),
        classroom=bool(getattr(args, "classroom", False)),
    )


def run_tui(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    if options.resume is None and getattr(args, "scenario", None):
        result = load_file(resolve(args.scenario))
        for diagnostic in result.diagnostics:
            say(diagnostic.format())
        if not result.ok:
            say(f"{result.path}: cannot be played until these problems are fixed")
            return 1
        options.scenario = result.scenario
    if options.resume is not None and not options.resume.is_file():
        say(f"{options.resume}: no such save log")
        return 1
    from .app import build_app  # Textual is imported here, and only here

    app = build_app(options)
    code = app.run()
    if app.exit_message:
        print(app.exit_message)
    return code if isinstance(code, int) else (app.return_code or 0)
