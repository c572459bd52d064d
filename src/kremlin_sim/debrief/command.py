"""`kremlin-sim debrief PATH... [--format md|html|csv|json] [-o FILE] [--anonymise] [--scenario FILE]`.

Exit codes: 0 when the report was written (logs that could not be used are
listed in it and on standard error), 1 when no log could be used or the
output cannot be written.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Callable

from ..cli import say, write_output
from ..scenario.diagnostics import safe_text
from ..scenario.loader import _collector_paused as collector_paused
from . import render_csv, render_html, render_json, render_md
from .model import ClassRecord
from .reading import collect

# What must not reach a terminal raw: control characters other than tab and line ends, and a bare CR.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")

RENDERERS: dict[str, Callable[[ClassRecord], str]] = {
    "md": render_md.render, "html": render_html.render, "csv": render_csv.render, "json": render_json.render,
}


def run(args: argparse.Namespace) -> int:
    # A class report keeps every log's records alive and makes no cycles worth collecting; left on, the
    # cyclic collector rescans that growing heap again and again. The loader's pause, so there is one.
    with collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    record = collect(list(args.paths), args.scenario, args.anonymise)
    for item in record.excluded:
        say(f"{safe_text(item.path, 300)}: left out: {safe_text(item.reason, 400)}")
    if not record.games:
        say("debrief: no save log could be used, so no report was written")
        return 1
    if record.excluded:
        say(f"debrief: {len(record.games)} games reported, {len(record.excluded)} left out (listed in the report)")
    text = RENDERERS[args.format](record)
    if (not args.output or args.output == "-") and sys.stdout.isatty():
        text = CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return write_output(text, args.output)
