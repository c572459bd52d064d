"""Shown for the moment before a game given on the command line appears."""

from __future__ import annotations

from typing import Iterable

from textual.widget import Widget
from textual.widgets import Static

from ..widgets.footer import KeysFooter
from .base import BaseScreen


class LoadingScreen(BaseScreen):
    def body(self) -> Iterable[Widget]:
        yield Static("Loading…", markup=False, id="loading")
        yield KeysFooter()
