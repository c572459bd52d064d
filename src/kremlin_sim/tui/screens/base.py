"""What every screen shares: size classes for the stylesheet and the "terminal too small" notice.

Textual's breakpoints update only the active screen; a screen that comes back
after the terminal was resized behind it would keep stale classes, so each
screen sets its own on mount, on resize and when it becomes active again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

from ..collector import collect_after_refresh
from ..render_cache import release_rendered_lines
from ..widgets.footer import KeysFooter
from ..widgets.meters import MeterPanel
from ..widgets.timeline import Timeline

if TYPE_CHECKING:
    from ..app import KremlinApp
    from ..play import Play

MIN_WIDTH, MIN_HEIGHT = 40, 12
NARROW, SHORT = 70, 22


class TooSmall(Static):
    def __init__(self) -> None:
        super().__init__(f"Terminal too small.\nMake it at least {MIN_WIDTH}×{MIN_HEIGHT}.", markup=False)


class SizeAware:
    """Mixin for Screen and ModalScreen."""

    def compose(self) -> ComposeResult:
        yield TooSmall()
        yield from self.body()

    def body(self) -> Iterable[Widget]:
        return ()

    _focus_to_restore: Widget | None = None

    def _size_classes(self) -> None:
        width, height = self.app.size  # type: ignore[attr-defined]
        too_small, was_too_small = width < MIN_WIDTH or height < MIN_HEIGHT, self.has_class("-too-small")  # type: ignore[attr-defined]
        if too_small and not was_too_small:
            # Hiding the widgets drops the focus and nothing would give it back: the player could
            # not type a reason or move in a list until Tab or a click.
            self._focus_to_restore = self.focused  # type: ignore[attr-defined]
        self.set_class(too_small, "-too-small")  # type: ignore[attr-defined]
        if was_too_small and not too_small:
            self.call_after_refresh(self._restore_focus)  # type: ignore[attr-defined]
        self.set_class(width < NARROW, "-narrow")  # type: ignore[attr-defined]
        self.set_class(height < SHORT, "-short")  # type: ignore[attr-defined]

    def _restore_focus(self) -> None:
        widget, self._focus_to_restore = self._focus_to_restore, None
        if widget is not None and widget.is_attached and self.focused is None:  # type: ignore[attr-defined]
            widget.focus()

    def on_mount(self) -> None:
        self._size_classes()

    def on_resize(self) -> None:
        self._size_classes()

    def on_screen_resume(self) -> None:
        self._size_classes()

    def on_unmount(self) -> None:
        release_rendered_lines()  # or every screen of a playthrough stays in memory

    @property
    def kapp(self) -> "KremlinApp":
        return self.app  # type: ignore[attr-defined,return-value]


class BaseScreen(SizeAware, Screen):
    def on_unmount(self) -> None:  # Textual calls SizeAware's too
        collect_after_refresh(self.app)


class BaseModal(SizeAware, ModalScreen):
    pass


class PlayScreen(BaseScreen):
    """A screen during play: the timeline above, the meters beside, the keys below."""

    def __init__(self, play: "Play") -> None:
        super().__init__()
        self.play = play

    def body(self) -> Iterable[Widget]:
        yield Timeline(self.play.scenario.decisions, self.timeline_date(), finished=self.play.game.is_over,
                       id="timeline")
        with Horizontal(id="play"):
            with Vertical(id="main"):
                yield from self.main()
            yield self.meter_panel()
        yield KeysFooter()

    def timeline_date(self) -> str:
        decision = self.play.game.decision
        if decision is not None:
            return decision.date
        steps = self.play.game.steps
        return self.play.scenario.decision_by_id[steps[-1].node].date if steps else ""

    def meter_panel(self) -> MeterPanel:
        flags = tuple(sorted(self.play.game.state.flags)) if self.play.is_preview else None
        return MeterPanel(self.play.scenario.meters, self.play.game.meters, flags=flags, id="meters")

    def main(self) -> Iterable[Widget]:
        return ()
