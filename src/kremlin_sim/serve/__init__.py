"""Play in a browser: `kremlin-sim serve` runs one game per browser tab with textual-serve.

See docs/serve.md. textual-serve and aiohttp are imported only once the
command has checked its arguments, so `kremlin-sim serve BAD.yaml` answers fast.
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from .command import run as serve_command
    return serve_command(args)
