"""`kremlin-sim debrief PATH... [--format md|html|csv|json] [-o FILE] [--anonymise] [--scenario FILE]`.

Exit codes: 0 when the report was written (logs that could not be used are
listed in it and on standard error), 1 when no log could be used or the
output cannot be written.
"""

from __future__ import annotations

import argparse
from typing import Callable

from ..cli import say, write_output
from ..scenario.diagnostics import safe_text
from . import render_csv, render_html, render_json, render_md
from .model import ClassRecord
from .reading import collect

RENDERERS: dict[str, Callable[[ClassRecord], str]] = {
    "md": render_md.render, "html": render_html.render, "csv": render_csv.render, "json": render_json.render,
}


def run(args: argparse.Namespace) -> int:
    record = collect(list(args.paths), args.scenario, args.anonymise)
    for item in record.excluded:
        say(f"{safe_text(item.path, 300)}: left out: {safe_text(item.reason, 400)}")
    if not record.games:
        say("debrief: no save log could be used, so no report was written")
        return 1
    if record.excluded:
        say(f"debrief: {len(record.games)} games reported, {len(record.excluded)} left out (listed in the report)")
    return write_output(RENDERERS[args.format](record), args.output)
