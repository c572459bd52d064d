"""Untrusted text reaches the terminal as visible characters only."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from kremlin_sim.tui.text import clean, line, plain, readable_date, signed


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


def test_decision_dates_read_as_people_write_them():
    assert [readable_date(d) for d in ("1953-03-19", "1956-11-04", "1954-02", "1961")] == \
        ["19 March 1953", "4 November 1956", "February 1954", "1961"]


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_every_calendar_date_reads_day_month_year(day):
    assert readable_date(day.isoformat()) == f"{day.day} {day:%B} {day.year}"
    assert readable_date(day.isoformat()[:7]) == f"{day:%B} {day.year}"


@given(st.text().filter(lambda text: not text.replace("-", "").isdigit()))
def test_anything_else_is_shown_as_written_and_cleaned(text):
    assert readable_date(text) == clean(text)
