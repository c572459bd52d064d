"""`kremlin-sim play`: problems found before the app starts, and a cheap import."""

from __future__ import annotations

import argparse
import subprocess
import sys

from kremlin_sim.cli import build_parser
from kremlin_sim.tui.launch import options_from_args, run_tui

from .conftest import CONTRACT


def args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["play", *argv])


def test_importing_launch_does_not_import_textual():
    code = "import sys, kremlin_sim.tui.launch; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_invalid_scenario_is_reported_before_the_app_starts(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: [unclosed\n", encoding="utf-8")
    assert run_tui(args(str(bad))) == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "error KS" in err and "Traceback" not in err


def test_a_missing_scenario_is_reported(tmp_path, capsys):
    assert run_tui(args(str(tmp_path / "nowhere.yaml"))) == 1
    assert "nowhere.yaml" in capsys.readouterr().err


def test_a_missing_save_is_reported(tmp_path, capsys):
    assert run_tui(args("--resume", str(tmp_path / "gone.jsonl"))) == 1
    assert "no such save log" in capsys.readouterr().err


def test_options_follow_the_command_line(tmp_path):
    options = options_from_args(args(str(CONTRACT), "--name", "Ivan", "--reveal", "end", "--require-reasons",
                                      "--saves", str(tmp_path), "--preview"))
    assert (options.name, options.reveal, options.require_reasons, options.saves, options.preview) == (
        "Ivan", "end", True, tmp_path, True)
    defaults = options_from_args(args())
    assert (defaults.reveal, defaults.require_reasons, defaults.resume, defaults.preview) == ("each", False, None, False)
