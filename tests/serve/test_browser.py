"""End to end in a real headless Chromium: a student plays in a browser tab, the log lands on the server.

The browser is Debian's chromium driven by Playwright (never a downloaded
build). What the tab shows is read from the websocket frames the page
receives, so every step waits for the screen it needs, then types.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from serve.harness import logs, served, wait_until

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREEN_SECONDS = 60     # generous: two cores shared with the rest of the suite
LOG_SECONDS = 30

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="playwright is missing (pip install playwright)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A browser tab on the game: what its terminal was sent, and the keys a student presses."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page()
        self.received = bytearray()
        self.mark = 0
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", lambda socket: socket.on("framereceived", self._frame))
        self.page.goto(url)
        self.page.focus(".xterm-helper-textarea")  # where a click on the terminal puts the keyboard

    def _frame(self, payload) -> None:
        self.received += payload if isinstance(payload, bytes) else payload.encode()

    def wait_for(self, text: str) -> None:
        """Wait until `text` was drawn since the last key was pressed."""
        wait_until(lambda: text.encode() in self.received[self.mark:], SCREEN_SECONDS,
                   f"{text!r} in the browser tab", pause=self.page.wait_for_timeout)

    def press(self, *keys: str) -> None:
        self.mark = len(self.received)
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.mark = len(self.received)
        self.page.keyboard.type(text)

    def close(self) -> None:
        self.page.close()


def steps_in(saves: Path, count: int, page, *, finished: bool = False) -> list:
    def found() -> list:
        return [log for log in logs(saves) if len(log.steps) == count and (log.finished or not finished)]
    return wait_until(found, LOG_SECONDS, f"a save log with {count} steps{' and its end' if finished else ''}",
                      pause=page.wait_for_timeout)


def decide_first_choice(tab: Tab) -> None:
    tab.press("1")
    tab.wait_for("Why?")
    tab.press("Enter")           # the reason is optional: Enter skips it


def first_decision(browser, url: str, name: str) -> Tab:
    """A new tab: the name prompt, then the first decision, decided."""
    tab = Tab(browser, url)
    tab.wait_for("pseudonym")
    tab.type(name)
    tab.press("Enter")
    tab.wait_for("Return Porkkala")
    decide_first_choice(tab)
    return tab


def test_two_decisions_in_a_browser_land_in_the_teachers_folder(browser, tmp_path):
    saves = tmp_path / "class saves"  # a space, to prove the command is quoted
    with served(saves, "--reveal", "never") as server:
        tab = first_decision(browser, server.url, "Anna")
        tab.wait_for("Next decision")
        steps_in(saves, 1, tab.page)
        tab.press("Enter")
        tab.wait_for("decision 2")
        decide_first_choice(tab)
        [log] = steps_in(saves, 2, tab.page, finished=True)
        assert log.player == "Anna"
        assert log.header["settings"]["reveal"] == "never"          # the teacher's setting reached the game
        assert Path(log.path).parent == saves
        assert [step["choice"] for step in log.steps] == ["return_base", "leave_quietly"]
        server.wait_for_line(r"Anna finished .*A good neighbour after 2 decisions", 30)
        assert all(request.startswith(server.url) for request in tab.requests), tab.requests  # nothing from the internet
        tab.close()


def test_a_student_who_closed_the_tab_continues_in_a_new_one(browser, tmp_path):
    saves = tmp_path / "saves"
    with served(saves, "--reveal", "never") as server:
        tab = first_decision(browser, server.url, "Boris")
        [first] = steps_in(saves, 1, tab.page)
        tab.close()                                # the student closes the tab (or the Chromebook)

        again = Tab(browser, server.url)
        again.wait_for("pseudonym")
        again.press("Escape")                      # documented: Esc at the name prompt shows the title screen
        again.wait_for("Type the name you played under")
        again.press("Tab")                         # from the scenarios to the name field
        again.type("Boris")
        again.wait_for("1 decision made")          # Boris's game, and only it, is listed
        again.press("Enter", "Enter")              # from the name to the list; the game is highlighted
        again.wait_for("decision 2")
        decide_first_choice(again)
        [log] = steps_in(saves, 2, again.page, finished=True)
        assert log.path == first.path              # the same game, not a new one
        server.wait_for_line(r"Boris finished .* after 2 decisions", 30)
        assert "Boris started" in server.text
        again.close()
