"""The title screen: a bundled scenario or a file, and the unfinished games to continue.

Nothing is parsed before the first paint: scenario titles and the saves are
read in worker threads after mount, and the lists fill in when they arrive.

In a classroom (a browser tab served by the teacher's computer) a student
cannot open files, which would probe the teacher's disk, and finds their own
unfinished games by typing the name they played under, rather than seeing the
whole class's games.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from ...scenario import CAMPAIGN, LoadResult, load_file
from ..saves import SavedGame, unfinished_games
from ..text import clean, line, plain
from ..widgets.footer import KeysFooter
from ..widgets.inputs import TextInput
from ..widgets.option_list import OptionList
from .base import BaseScreen
from .message import MessageScreen
from .open_file import OpenFileScreen

BANNER = "★  K R E M L I N  ·  1953 – 1961  ★"
TAGLINE = ("Stalin is dead. You are Nikita Khrushchev and the Soviet leadership. Each decision moves the meters; "
           "afterwards, set your path beside history's. There is no score and no right answer.")
OPEN = "open-file"
RESUME = "resume:"


def scenario_prompt(scenario_id: str, result: LoadResult | None) -> Content:
    if result is None:
        return line((scenario_id, "bold"), ("  loading…", "italic"))
    if result.scenario is None or not result.ok:
        return line((scenario_id, "bold"), "\n  ", ("does not load: choose it to see why", "italic"))
    scenario = result.scenario
    detail = " · ".join(part for part in (clean(scenario.period), f"{len(scenario.decisions)} decision points") if part)
    return line(plain(scenario.title, "bold"), "\n  ", (detail, "italic"))


def saved_prompt(game: SavedGame) -> Content:
    decisions = f"{game.decisions} decision{'s' if game.decisions != 1 else ''} made"
    return line(plain(game.player, "bold"), " — ", plain(game.scenario), "\n  ",
                (f"{decisions} · {game.date} UTC", "italic"))


def same_name(name: str) -> str:
    """Names compared as people type them: case and spacing aside."""
    return " ".join(name.split()).casefold()


class TitleScreen(BaseScreen):
    BINDINGS = [Binding("o", "open_file", "Open a file")]

    def __init__(self, bundled: dict[str, Path], saves: Path, *, classroom: bool = False) -> None:
        super().__init__()
        self.bundled = dict(sorted(bundled.items(), key=lambda item: item[0] != CAMPAIGN))  # the campaign first
        self.saves = saves
        self.classroom = classroom
        self.results: dict[str, LoadResult] = {}
        self.games: list[SavedGame] = []

    def body(self) -> Iterable[Widget]:
        yield Static(BANNER, markup=False, id="banner")
        yield Static(TAGLINE, markup=False, id="tagline")
        with Horizontal(id="title-columns"):
            with Vertical(id="new-game-box") as box:
                box.border_title = "New game"
                options = [Option(scenario_prompt(sid, None), id=sid) for sid in self.bundled]
                if not self.classroom:
                    options.append(Option(line(("Open a scenario file…", "bold"), "  (o)"), id=OPEN))
                yield OptionList(*options, id="scenarios")
            with Vertical(id="continue-box") as box:
                box.border_title = "Continue a game"
                yield Static("Looking for saved games…", markup=False, id="saves-note")
                if self.classroom:
                    yield TextInput(placeholder="the name you played under", max_length=60, id="find-name")
                    yield Static("", markup=False, id="find-status")
                yield OptionList(id="saves-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#scenarios", OptionList).focus()
        self.query_one("#saves-list", OptionList).display = False
        self.load_titles()
        self.load_saves()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.classroom and action == "open_file")

    # -- filling the lists in the background ------------------------------------------------------
    @work(thread=True, group="title")
    def load_titles(self) -> None:
        for scenario_id, path in self.bundled.items():
            result = load_file(path)
            self.app.call_from_thread(self.show_title, scenario_id, result)

    def show_title(self, scenario_id: str, result: LoadResult) -> None:
        self.results[scenario_id] = result
        self.query_one("#scenarios", OptionList).replace_option_prompt(scenario_id, scenario_prompt(scenario_id, result))

    @work(thread=True, group="title")
    def load_saves(self) -> None:
        games = unfinished_games(self.saves)
        self.app.call_from_thread(self.show_saves, games)

    def show_saves(self, games: list[SavedGame]) -> None:
        self.games = games
        note = self.query_one("#saves-note", Static)
        if self.classroom:
            note.update(line("Type the name you played under to find your game:"))
            self.find(self.query_one("#find-name", Input).value)
        elif not games:
            note.update(line(f"No unfinished games in {clean(self.saves)}."))
        else:
            note.update(line(f"In {clean(self.saves)}; choose one to continue it:"))
            self.list_games(games)

    def list_games(self, games: list[SavedGame]) -> None:
        listing = self.query_one("#saves-list", OptionList)
        listing.clear_options()
        listing.add_options(Option(saved_prompt(game), id=f"{RESUME}{game.path}") for game in games)
        listing.highlighted = 0 if games else None
        listing.display = bool(games)

    def named(self, typed: str) -> list[SavedGame]:
        wanted = same_name(typed)
        return [game for game in self.games if wanted and same_name(game.player) == wanted]

    def find(self, typed: str) -> None:
        found = self.named(typed)
        self.list_games(found)
        status = "" if found or not typed.strip() else "No unfinished game under that name."
        self.query_one("#find-status", Static).update(status)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.find(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        listing = self.query_one("#saves-list", OptionList)
        if listing.option_count:
            listing.focus()

    # -- choosing ---------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id or ""
        if chosen.startswith(RESUME):
            self.kapp.resume(Path(chosen.removeprefix(RESUME)))
        elif event.option.id == OPEN:
            self.action_open_file()
        elif event.option.id in self.bundled:
            cached = self.results.get(event.option.id)
            if cached is not None:
                self.use(cached)
            else:
                self.load_path(self.bundled[event.option.id])

    def action_open_file(self) -> None:
        if self.classroom:
            return
        self.app.push_screen(OpenFileScreen(), lambda path: self.load_path(path) if path else None)

    @work(thread=True, group="title")
    def load_path(self, path: Path) -> None:
        result = load_file(path)
        self.app.call_from_thread(self.use, result)

    def use(self, result: LoadResult) -> None:
        if result.ok and result.scenario is not None:
            self.kapp.new_game(result.scenario)
        else:
            self.app.push_screen(MessageScreen(f"{result.path} cannot be played. Its problems:",
                                               [d.format() for d in result.diagnostics]))
