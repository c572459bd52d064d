"""The app: one factory (`build_app`) for the command line, the tests and the browser server.

The app holds the game in progress (`self.play`) and moves between the main
screens with `switch_screen`; small windows (name, reason, help, messages) are
pushed on top and hand back typed results. Each screen's module is imported when
the screen is first needed, so that starting a game loads only what it shows.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from ..engine import SaveError
from ..scenario.model import Scenario
from .collector import freeze_startup_objects
from .options import DARK, LIGHT, AppOptions, GameSettings
from .play import Play, Turn
from .screens.loading import LoadingScreen
from .text import clean

if TYPE_CHECKING:
    from textual.driver import Driver

    from .screens.reason import ReasonResult
    from .screens.title import TitleScreen


class KremlinApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "kremlin-sim"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Save & quit", priority=True),
    ]

    def __init__(self, options: AppOptions) -> None:
        super().__init__()
        self.options = options
        self.play: Play | None = None
        self.exit_message = ""
        self.cursor_blink_enabled = options.cursor_blink
        self.theme = options.theme

    # -- starting ---------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        screen = self.first_screen()
        # The main screens replace each other with switch_screen, which drops a result callback from
        # the screen it replaces; Textual gives the default screen none, so switching away from it
        # raised IndexError (Textual 8.2.8; textual issue #2650). It gets the one push_screen gives.
        screen._push_result_callback(self, None)
        return screen

    def first_screen(self) -> Screen:
        """The first screen, when it is known before the app runs: a game started from the command line
        opens on its first decision, not on a loading screen that would be styled, laid out, painted and
        thrown away at once."""
        options = self.options
        if options.resume is None and options.scenario is None:
            return self.title_screen()
        if options.resume is None and options.scenario is not None and self.starts_at_once():
            if self.begin(options.scenario, self.settings()):
                return self.play_screen()
        return LoadingScreen()  # while a saved game is read, and under the window asking for a name

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.web_driver":
            from .served import ServedDriver  # ends the game when its server has gone

            return ServedDriver
        return driver

    def title_screen(self) -> TitleScreen:
        from .screens.title import TitleScreen

        return TitleScreen(self.offered(), self.options.saves, classroom=self.options.classroom)

    def offered(self) -> dict[str, Path]:
        """The scenarios a new game can start from; a class served one scenario plays only that one."""
        scenario = self.options.scenario
        if self.options.classroom and scenario is not None and scenario.path:
            return {scenario.id: Path(scenario.path)}
        return self.options.bundled()

    def on_mount(self) -> None:
        if self.options.resume is not None:
            self.resume(self.options.resume)
        elif self.options.scenario is not None and not self.starts_at_once():
            self.new_game(self.options.scenario, ask_settings=False)

    def starts_at_once(self) -> bool:
        """A game given on the command line needs no window first: a preview, or a player already named."""
        return self.options.preview or bool(self.options.name)

    def settings(self) -> GameSettings:
        return GameSettings(self.options.name or "", self.options.reveal, self.options.require_reasons)

    def new_game(self, scenario: Scenario, *, ask_settings: bool = True) -> None:
        if self.options.preview or (self.options.name and not ask_settings):
            self.start(scenario, self.settings())
        else:
            from .screens.new_game import NewGameScreen

            classroom = self.options.classroom
            self.push_screen(NewGameScreen(scenario, self.settings(), ask_settings=ask_settings and not classroom,
                                           show_settings=classroom),
                             lambda chosen: self.start(scenario, chosen) if chosen else self.back_to_title())

    def start(self, scenario: Scenario, chosen: GameSettings) -> None:
        if self.begin(scenario, chosen):
            self.show_next()

    def begin(self, scenario: Scenario, chosen: GameSettings) -> bool:
        """Make the game; a save that cannot be written is told to the player, who loses nothing yet."""
        if self.options.preview:
            self.play = Play.preview(scenario)  # a preview is never saved
            return True
        try:
            self.play = Play.start(scenario, self.options.saves, chosen.name, chosen.reveal, chosen.require_reasons)
        except SaveError as exc:
            self.call_later(self.show_messages, "The game cannot be saved, so it cannot start", [str(exc)])
            return False
        return True

    @work(thread=True, exclusive=True, group="resume")
    def resume(self, path: Path) -> None:
        try:
            play, messages = Play.resume(path)
        except SaveError as exc:
            self.call_from_thread(self.resume_failed, str(exc))
            return
        self.call_from_thread(self.resumed, play, messages)

    def resumed(self, play: Play, messages: list[str]) -> None:
        self.play = play
        self.show_next()
        if messages:
            self.show_messages("Your game continues", messages)
        else:
            self.notify(f"Welcome back, {clean(play.player)}. Decision {play.decisions_made + 1}.", markup=False)

    def resume_failed(self, message: str) -> None:
        self.back_to_title()
        self.show_messages("This game cannot be continued", [message])

    # -- moving between the main screens ---------------------------------------------------------
    def show(self, screen: Screen) -> None:
        """Replace the main screen (or the loading screen) with the next one."""
        self.switch_screen(screen)

    def pop_screen(self) -> AwaitComplete:
        """Only windows are ever popped; the main screens are switched. Textual 8.2.8 pops whatever
        is on top when a window that has already closed handles a key queued before it closed (Enter
        pressed three times in the reason window or the command palette): that took the game screen
        away, then raised ScreenStackError."""
        if not isinstance(self.screen, ModalScreen):
            return AwaitComplete.nothing()
        return super().pop_screen()

    def show_next(self) -> None:
        self.show(self.play_screen())

    def play_screen(self) -> Screen:
        """The screen for where the game stands: the next decision, or the ending."""
        assert self.play is not None
        if self.play.game.is_over:
            from .screens.ending import EndingScreen

            return EndingScreen(self.play)
        from .screens.decision import DecisionScreen

        return DecisionScreen(self.play)

    def decide(self, choice_id: str, reason: ReasonResult) -> None:
        assert self.play is not None
        try:
            turn: Turn = self.play.choose(choice_id, reason.reason, reason.confidence)
        except SaveError as exc:
            self.show_messages("Your decision could not be saved", [str(exc)])
            return
        from .screens.outcome import OutcomeScreen

        self.show(OutcomeScreen(self.play, turn))

    def show_title(self) -> None:
        self.play = None
        self.show(self.title_screen())

    def back_to_title(self) -> None:
        from .screens.title import TitleScreen

        if not isinstance(self.screen, TitleScreen):
            self.show_title()

    def show_messages(self, title: str, messages: list[str]) -> None:
        from .screens.message import MessageScreen

        self.push_screen(MessageScreen(title, messages))

    # -- actions ----------------------------------------------------------------------------------
    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        scenario = self.play.scenario if self.play else None
        self.push_screen(HelpScreen(scenario, preview=bool(self.play and self.play.is_preview)))

    def action_command_palette(self) -> None:
        from .palette import Palette  # Textual's, with a crash mended

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from .palette import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_jump(self) -> None:
        if self.play is None or not self.play.is_preview:
            return
        play = self.play
        current = play.game.decision.id if play.game.decision else None

        def jump(node: str | None) -> None:
            if node:
                play.jump(node)
                self.show_next()

        from .screens.jump import JumpScreen

        self.push_screen(JumpScreen(play.scenario, current), jump)

    def action_quit(self) -> None:  # type: ignore[override]
        """Every decision is saved as it is made: quitting loses only the one in progress."""
        self.exit_message = quit_message(self.play)
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Save and quit", "Your decisions are already saved; see how to continue later",
                            self.action_quit)
        yield SystemCommand("Help", "Keys, the meters, and how the model works", self.action_help)
        yield SystemCommand("Light or dark theme", "Switch between the light and the dark theme",
                            self.action_toggle_theme)
        if self.play is not None and self.play.is_preview:
            yield SystemCommand("Jump to a decision point", "Teacher preview: continue from any decision",
                                self.action_jump)
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command


def quit_message(play: Play | None) -> str:
    if play is None:
        return ""
    if play.path is None:
        return "Preview closed (previews are not saved)."
    path = shlex.quote(clean(play.path))
    if play.game.is_over:
        return f"Your game is saved in {clean(play.path)}.\nTo make a report: kremlin-sim debrief {path}"
    made = play.decisions_made
    return (f"Your game is saved in {clean(play.path)} ({made} decision{'' if made == 1 else 's'}).\n"
            f"To continue it: kremlin-sim play --resume {path}")


def build_app(options: AppOptions | None = None) -> KremlinApp:
    freeze_startup_objects()
    return KremlinApp(options or AppOptions())
