"""Shared fixtures for the author tools' tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def run_cli(capsys):
    """Run `kremlin-sim ARGS...` in-process; returns (exit code, stdout, stderr)."""
    from kremlin_sim.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run
