"""The list of choices on its own: keys, mouse, what it shows and how it scrolls (widgets/choices.py)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from kremlin_sim.engine import Option
from kremlin_sim.scenario.model import Choice
from kremlin_sim.tui.screens.decision import DecisionScreen
from kremlin_sim.tui.screens.reason import ReasonScreen
from kremlin_sim.tui.widgets.choices import ChoiceList
from kremlin_sim.tui.widgets.scrolling import BAR, THUMB

from .conftest import CAMPAIGN_FALLBACK, Driver, screen_cells, screen_text, wheel

LONG = "a long explanation that cannot fit on one line of a narrow list and wraps"


def option(number: int, available: bool = True, text: str = "") -> Option:
    reason = "" if available else f"reason {number}"
    return Option(Choice(f"c{number}", f"Choice {number}", text=text), number, available, reason)


class Host(App):
    CSS = "#choices { height: auto; max-height: 1fr; } #elsewhere { dock: bottom; }"

    def __init__(self, options: list[Option], hidden: list[Choice] = ()) -> None:
        super().__init__()
        self.options, self.hidden = options, hidden
        self.highlights: list[str] = []
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield ChoiceList(self.options, self.hidden, id="choices")
        yield Input(id="elsewhere")

    def on_choice_list_highlighted(self, event: ChoiceList.Highlighted) -> None:
        self.highlights.append(event.choice_id)

    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        self.chosen.append(event.choice_id)


def row_of(app: App, text: str) -> int:
    return next(y for y, line in enumerate(screen_text(app).splitlines()) if text in line)


def background_of(app: App, text: str):  # type: ignore[no-untyped-def]
    y = row_of(app, text)
    x = screen_text(app).splitlines()[y].index(text)
    return screen_cells(app)[y][x][1].bgcolor


async def started(app: Host, pilot) -> ChoiceList:  # type: ignore[no-untyped-def]
    driver = Driver(app, pilot)
    await driver.until(lambda: "Choice 1" in driver.text(), "the list")
    choices = app.query_one(ChoiceList)
    choices.focus()
    await driver.until(lambda: choices.has_focus, "the focus")
    return choices


async def test_arrows_home_and_end_move_over_what_can_be_chosen():
    app = Host([option(1), option(2, available=False), option(3), option(4, available=False)])
    async with app.run_test(size=(60, 20)) as pilot:
        choices = await started(app, pilot)
        assert choices.highlighted == 0 and app.highlights == []
        for key, expected in [("down", 2), ("down", 0), ("up", 2), ("home", 0), ("end", 2), ("up", 0)]:
            await pilot.press(key)
            await Driver(app, pilot).until(lambda: choices.highlighted == expected, f"{key} to {expected}")
        await Driver(app, pilot).until(lambda: len(app.highlights) == 6, "the highlight messages")
        assert app.highlights == ["c3", "c1", "c3", "c1", "c3", "c1"]


async def test_enter_and_a_click_choose_but_never_an_unavailable_choice():
    app = Host([option(1), option(2, available=False), option(3)])
    async with app.run_test(size=(60, 20)) as pilot:
        driver = Driver(app, pilot)
        choices = await started(app, pilot)
        await pilot.press("enter")
        await driver.until(lambda: app.chosen == ["c1"], "the first choice")
        await pilot.click(offset=(5, row_of(app, "Choice 3")))
        await driver.until(lambda: app.chosen == ["c1", "c3"], "the third choice")
        assert choices.highlighted == 2
        await pilot.click(offset=(5, row_of(app, "Choice 2")))
        await pilot.click(offset=(5, row_of(app, "reason 2")))
        await pilot.pause()
        assert app.chosen == ["c1", "c3"] and choices.highlighted == 2


async def test_an_unavailable_choice_is_struck_through_and_dimmed_with_its_reason():
    app = Host([option(1), option(2, available=False), option(3)])
    async with app.run_test(size=(60, 20)) as pilot:
        await started(app, pilot)
        y = row_of(app, "Choice 2")
        x = screen_text(app).splitlines()[y].index("Choice 2")
        unavailable, available = screen_cells(app)[y][x][1], screen_cells(app)[row_of(app, "Choice 3")][x][1]
        assert unavailable.strike and not available.strike
        assert unavailable.color != available.color
        assert "✗ unavailable: reason 2" in screen_text(app)


async def test_the_highlight_shows_whether_the_list_has_the_focus():
    app = Host([option(1), option(2)])
    async with app.run_test(size=(60, 20)) as pilot:
        driver = Driver(app, pilot)
        choices = await started(app, pilot)
        focused, other = background_of(app, "Choice 1"), background_of(app, "Choice 2")
        assert focused != other
        app.query_one("#elsewhere").focus()
        await driver.until(lambda: not choices.has_focus and background_of(app, "Choice 1") != focused, "no focus")
        assert background_of(app, "Choice 1") != background_of(app, "Choice 2")


async def test_the_mouse_highlights_the_option_it_is_over():
    app = Host([option(1), option(2), option(3)])
    async with app.run_test(size=(60, 20)) as pilot:
        driver = Driver(app, pilot)
        choices = await started(app, pilot)
        before = background_of(app, "Choice 3")
        await pilot.hover(offset=(5, row_of(app, "Choice 3")))
        await driver.until(lambda: background_of(app, "Choice 3") != before, "the hover look")
        assert background_of(app, "Choice 2") == before and choices.highlighted == 0
        await pilot.hover("#elsewhere")
        await driver.until(lambda: background_of(app, "Choice 3") == before, "the hover look gone")


async def test_prompts_wrap_to_the_width_of_the_list():
    app = Host([option(1, text=LONG), option(2)])
    async with app.run_test(size=(40, 20)) as pilot:
        await started(app, pilot)
        lines = screen_text(app).splitlines()
        first, last = row_of(app, "a long explanation"), row_of(app, "wraps")
        assert last > first + 1
        assert " ".join(" ".join(line.strip("▊▎ ").split()) for line in lines[first:last + 1]) == LONG
        assert all(len(line.rstrip()) <= 40 for line in lines)


async def test_a_list_taller_than_its_space_follows_the_highlight():
    app = Host([option(n, text=LONG) for n in range(1, 7)] + [option(7, available=False)])
    async with app.run_test(size=(40, 12)) as pilot:
        driver = Driver(app, pilot)
        choices = await started(app, pilot)
        assert "Choice 1" in driver.text() and "Choice 6" not in driver.text()
        await pilot.press("end")
        await driver.until(lambda: choices.highlighted == 5, "the last choice that can be chosen")
        await driver.shows("Choice 6")
        assert "Choice 1" not in driver.text()
        assert "wraps" in screen_text(app).splitlines()[row_of(app, "Choice 6") + 3]  # its whole prompt
        await pilot.press("pageup")
        await driver.until(lambda: choices.highlighted < 5, "a page up")
        await driver.shows(f"Choice {choices.highlighted + 1}")
        await pilot.press("home")
        await driver.shows("Choice 1")
        await pilot.press("pagedown")
        await driver.until(lambda: 0 < choices.highlighted < 6, "a page down")
        await driver.shows(f"Choice {choices.highlighted + 1}")


def thumb(app: App) -> tuple[int, list[int]]:
    """Where the list's scrollbar is: its first column, and the rows of its thumb."""
    rows = {(x, y) for y, row in enumerate(screen_cells(app)) for x, (_, style) in enumerate(row)
            if style is not None and style.meta.get(BAR) == THUMB}
    return min(x for x, _ in rows), sorted({y for _, y in rows})


async def test_the_scrollbar_the_wheel_and_dragging_scroll_without_moving_the_highlight():
    app = Host([option(n, text=LONG) for n in range(1, 8)])
    async with app.run_test(size=(40, 12)) as pilot:
        driver = Driver(app, pilot)
        choices = await started(app, pilot)
        bar_x, at_top = thumb(app)
        assert bar_x == 40 - 4 and at_top[0] == 1  # inside the border and the right padding, two columns wide
        await wheel(pilot, choices, down=True)
        await driver.until(lambda: "Choice 1" not in driver.text(), "the list scrolled down")
        assert choices.highlighted == 0 and thumb(app)[1] != at_top
        await wheel(pilot, choices, down=False)
        await driver.shows("Choice 1")
        plain = screen_cells(app)[at_top[0]][bar_x][1]
        await pilot.hover(offset=(bar_x, at_top[-1] + 1))
        await driver.until(lambda: screen_cells(app)[at_top[0]][bar_x][1] != plain, "the bar's hover look")
        await pilot.mouse_down(offset=(bar_x, at_top[0]))
        await pilot.hover(offset=(bar_x, at_top[0] + 4))
        await driver.until(lambda: "Choice 1" not in driver.text(), "the thumb dragged down")
        await pilot.mouse_up(offset=(bar_x, at_top[0] + 4))
        await driver.until(lambda: app.mouse_captured is None, "the mouse released")
        dragged = thumb(app)[1]
        bottom = choices.content_region.bottom - 1
        await pilot.click(offset=(bar_x, bottom))  # the track below the thumb: a page down
        await driver.until(lambda: thumb(app)[1] != dragged, "a page down")
        assert thumb(app)[1][-1] == bottom and choices.highlighted == 0
        await pilot.click(offset=(bar_x, 1))  # above it: a page up
        await driver.until(lambda: thumb(app)[1][0] < dragged[0], "a page up")


async def test_each_decision_opens_with_the_focus_on_its_choices_even_in_a_window_without_focus(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        assert isinstance(app.screen.focused, ChoiceList)
        await driver.choose("end_korea")
        app.app_focus = False  # the terminal window went to the background: no key may bring it back here
        app.show_next()
        await driver.on(DecisionScreen)
        assert app.play.decisions_made == 1 and not app.app_focus
        assert isinstance(app.screen.focused, ChoiceList)


async def test_on_the_decision_screen_enter_and_a_click_open_the_reason_window_for_that_choice(app_for):
    app = app_for(CAMPAIGN_FALLBACK)
    async with app.run_test(size=(80, 24)) as pilot:
        driver = Driver(app, pilot)
        await driver.on(DecisionScreen)
        await pilot.press("down", "enter")
        await driver.on(ReasonScreen)
        assert "Keep supporting the war" in driver.text()
        await pilot.press("escape")
        await driver.on(DecisionScreen)
        await pilot.click(offset=(10, row_of(app, "Push for an armistice")))
        await driver.on(ReasonScreen)
        assert "Push for an armistice in Korea" in driver.text() and app.play.decisions_made == 0
