"""Untrusted text reaches the terminal as visible characters only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kremlin_sim.tui.text import clean, line, plain, signed


def test_control_and_bidi_characters_become_visible_escapes():
    assert clean("a\x1b[31mb\u202ec\n\td") == "a\\x1b[31mb\\u202ec\n    d"


@given(st.text())
def test_clean_leaves_nothing_that_moves_the_cursor(text):
    cleaned = clean(text)
    assert all(ch == "\n" or (ord(ch) >= 32 and ord(ch) != 127 and not 0x80 <= ord(ch) < 0xA0) for ch in cleaned)


def test_markup_is_kept_as_text():
    assert plain("[b]x[/b]", "bold").plain == "[b]x[/b]"
    assert line(("[red]", "italic"), "[@click=app.quit]").plain == "[red][@click=app.quit]"


def test_signed_uses_a_real_minus():
    assert (signed(5), signed(-5), signed(0)) == ("+5", "−5", "±0")
