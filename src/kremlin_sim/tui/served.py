"""A game in a browser tab ends when the server relaying the tab has gone.

textual-serve runs each game as a child process and relays the browser
through the game's stdin and stdout. Textual's WebDriver stops reading when
stdin ends but leaves the app running, so a server killed outright (kill -9,
a crash, the machine's memory killer) left every game running with no one to
play it, holding memory until someone ended it by hand. Here the end of stdin
ends the game as SIGTERM does. Every decision is already saved.
"""

from __future__ import annotations

import asyncio

from textual import messages
from textual.drivers.web_driver import WebDriver


class ServedDriver(WebDriver):
    _loop: asyncio.AbstractEventLoop | None = None

    def start_application_mode(self) -> None:
        self._loop = asyncio.get_running_loop()
        super().start_application_mode()

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        finally:
            self._exit_when_orphaned()

    def _exit_when_orphaned(self) -> None:
        if self.exit_event.is_set() or self._loop is None:  # the app is already closing
            return
        try:
            asyncio.run_coroutine_threadsafe(self._app._post_message(messages.ExitApp()), loop=self._loop)
        except RuntimeError:  # the loop has closed: the app has already ended
            pass
