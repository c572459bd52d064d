"""Random key sequences against the TUI: keys, typing, pastes and resizes never crash it.

Each example starts the real app with Pilot (on the bundled campaign, on a
campaign game one decision from its end, or on the title screen) and replays a
list of actions, each key through `pilot.press` so every key is handled before
the next. Whatever the keys do, the app must not raise (Textual's `run_test`
re-raises an app's exception when its context exits), must exit with code 0
when a key quits it, and every save it wrote must still verify and agree with
the screen.

Every key costs Pilot about a tenth of a second, so CI runs few, short
examples; `KREMLIN_SIM_FUZZ_EXAMPLES=200` runs a deeper hunt. The long seeded
session sends its keys in bursts instead, which is both quicker and harsher:
keys arrive while a screen is still changing.
"""

from __future__ import annotations

import asyncio
import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st
from textual import events

from kremlin_sim.tui.app import KremlinApp, build_app
from kremlin_sim.tui.options import AppOptions

from hardening.test_tui_support import (
    assert_saves_verify, campaign, decisions_to_the_end, downloads_in, saved_game, send_burst,
)

# Keys a student could press; the ones that move the game on are repeated so a random
# sequence gets through a few decisions rather than staying on the first screen.
PROGRESS = [*"123456789", "enter", "enter", "enter"]
MOVES = ["escape", "tab", "shift+tab", "up", "down", "left", "right", "space", "backspace", "home", "end",
         "pageup", "pagedown"]
COMMANDS = ["t", "j", "n", "q", "o", "question_mark", "f1", "ctrl+p", "ctrl+c"]
KEYS = PROGRESS * 2 + MOVES + COMMANDS
TYPED = "abcxyzЖё 0[]/=@.\\'\"-*&#"
PASTES = ["\x1b[2J\x1b[31mred", "[bold red]x[/]", "[@click=app.quit]quit[/]", "\u202eevil\u202c", "a\tb\x00c\x07",
          "line one\nline two", "ünïcödé ✓ 漢字 🙂", "x" * 2500]
START, LARGEST = (80, 24), (250, 80)
STARTS = ("campaign", "last-decision", "title")
EXAMPLES = int(os.environ.get("KREMLIN_SIM_FUZZ_EXAMPLES", "0"))


def tell(message: str) -> None:
    """Shown with a failing example: a Hypothesis note in a property, printed in a plain test."""
    (note if currently_in_test_context() else print)(message)


def actions() -> st.SearchStrategy[tuple]:
    key = st.sampled_from(KEYS).map(lambda k: ("key", k))
    typed = st.text(TYPED, min_size=1, max_size=8).map(lambda t: ("type", t))
    paste = st.one_of(st.sampled_from(PASTES), st.text(max_size=80)).map(lambda t: ("paste", t))
    resize = st.tuples(st.integers(40, LARGEST[0]), st.integers(12, LARGEST[1])).map(lambda s: ("resize", *s))
    tiny = st.tuples(st.integers(1, 39), st.integers(1, 11)).map(lambda s: ("resize", *s))  # too small
    kinds = {"key": key, "type": typed, "paste": paste, "resize": resize, "tiny": tiny}
    weights = ["key"] * 14 + ["type", "paste", "resize", "resize", "tiny"]
    return st.sampled_from(weights).flatmap(kinds.__getitem__)


def long_sequence(seed: int, length: int) -> list[tuple | list[tuple]]:
    """The same mix as `actions()` from a seeded generator, the same every run, in bursts: the keys
    of a burst arrive together, before the app has handled the first (a fast typist, key repeat,
    keys pressed while a screen is changing). A resize ends a burst."""
    rng = random.Random(seed)
    steps: list[tuple | list[tuple]] = []
    made = 0
    while made < length:
        roll = rng.random()
        if roll < 0.10:
            steps.append(("resize", rng.randint(40, LARGEST[0]), rng.randint(12, LARGEST[1])))
            made += 1
            continue
        if roll < 0.12:
            steps.append(("resize", rng.randint(1, 39), rng.randint(1, 11)))
            made += 1
            continue
        burst = []
        for _ in range(rng.randint(1, 8)):
            roll = rng.random()
            if roll < 0.90:
                key = rng.choice(KEYS)
                burst.append(("key", key if key != "q" else "escape"))  # q would end it on the ending screen
            elif roll < 0.96:
                burst.append(("type", "".join(rng.choice(TYPED) for _ in range(rng.randint(1, 8)))))
            else:
                burst.append(("paste", rng.choice(PASTES)))
        steps.append(burst)
        made += len(burst)
    return steps


async def perform(app: KremlinApp, pilot, action: tuple) -> None:
    kind = action[0]
    if kind == "key":
        await pilot.press(action[1])
    elif kind == "type":
        await pilot.press(*action[1])
    elif kind == "paste":  # what a terminal sends for a bracketed paste; it goes to the focused widget
        app.post_message(events.Paste(action[1]))
        await pilot.pause()
    else:
        await pilot.resize_terminal(action[1], action[2])


async def replay_actions(options: AppOptions, sequence: list, finish: str | None,
                         visited: set[str]) -> KremlinApp:
    """Run the app and press everything, stopping when a key quits it; `finish` is pressed last.
    An action is pressed with Pilot, a list of actions is sent as one burst.
    `visited` collects the names of the screens the actions reached."""
    app = build_app(options)
    async with app.run_test(size=START) as pilot:
        for number, action in enumerate(sequence):
            if isinstance(action, list):
                await send_burst(app, pilot, action)
            else:
                await perform(app, pilot, action)
            visited.add(type(app.screen).__name__)
            if app.return_code is not None:
                tell(f"the app exited after action {number}: {action}")
                break
        else:
            if finish:
                await pilot.press(finish)
    assert app.return_code in (None, 0), f"the app exited with code {app.return_code}"
    return app


def fuzz(sequence: list, finish: str | None, start: str) -> set[str]:
    """Replay the sequence on a fresh app and saves folder; returns the names of the screens reached."""
    visited: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="tui-fuzz-") as tmp:
        saves = Path(tmp) / "saves"
        if start == "campaign":
            options = AppOptions(scenario=campaign(), name="Fuzz", saves=saves, cursor_blink=False)
        elif start == "last-decision":
            path = saved_game(saves, decisions_to_the_end() - 1, player="Fuzz").path
            options = AppOptions(resume=path, saves=saves, cursor_blink=False)
        else:
            options = AppOptions(saves=saves, cursor_blink=False)
        with downloads_in(Path(tmp) / "home"):
            app = asyncio.run(replay_actions(options, sequence, finish, visited))
        logs = assert_saves_verify(saves, app)
        assert logs >= 1 or start == "title", "the campaign game was not saved"
        if app.return_code == 0 and app.play is not None and app.play.path is not None:
            assert str(app.play.path) in app.exit_message  # quitting says where the game is
    for name in sorted(visited):
        if currently_in_test_context():
            event(f"reached {name}")
    tell(f"screens reached: {sorted(visited)}")
    return visited


FUZZ = settings(max_examples=EXAMPLES or 15, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SEQUENCES = st.lists(actions(), min_size=10, max_size=300)
FINISH = st.sampled_from([None, "ctrl+q"])


@FUZZ
@given(sequence=SEQUENCES, finish=FINISH, start=st.sampled_from(STARTS[:2]))
def test_random_keys_on_the_campaign_never_crash(sequence, finish, start):
    fuzz(sequence, finish, start)


@settings(FUZZ, max_examples=EXAMPLES or 8)
@given(sequence=SEQUENCES, finish=FINISH)
def test_random_keys_from_the_title_screen_never_crash(sequence, finish):
    fuzz(sequence, finish, "title")


def test_a_thousand_seeded_actions_on_the_campaign():
    visited = fuzz(long_sequence(seed=1953, length=1000), "ctrl+q", "campaign")
    # the sequence is fixed, so this changes only when the TUI does: it shows the session went somewhere
    assert {"DecisionScreen", "ReasonScreen", "OutcomeScreen", "HelpScreen"} <= visited, visited
