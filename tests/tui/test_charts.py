"""The character pictures: timeline units and windows, sparklines, the dot plot."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kremlin_sim.tui.charts import BOTH, HISTORY, YOU, dot_plot, sparkline, timeline_units, unit_index, visible_window, zoom

from .conftest import CAMPAIGN_FALLBACK, CONTRACT, scenario_at

paths = st.lists(st.integers(min_value=-50, max_value=150), min_size=1, max_size=30)


@given(paths, paths, st.integers(min_value=10, max_value=120), st.integers(min_value=3, max_value=12))
def test_dot_plot_has_one_mark_per_point_and_fits(you, history, width, height):
    plot = dot_plot(you, history, 0, 100, width, height)
    assert len(plot.lines) == height + 2
    assert all(len(line) <= max(width, 7) for line in plot.lines)
    body = "".join(plot.lines[:height])
    marks = body.count(YOU) + body.count(HISTORY) + body.count(BOTH)
    assert marks <= len(you) + len(history)
    assert body.count(YOU) + body.count(BOTH) >= 1 and body.count(HISTORY) + body.count(BOTH) >= 1
    assert "you" in plot.legend and "history" in plot.legend


def test_dot_plot_puts_higher_values_higher():
    plot = dot_plot([0, 100], [100, 0], 0, 100, 40, 5)
    top, bottom = plot.lines[0], plot.lines[4]
    assert top.index(HISTORY) < top.index(YOU) and bottom.index(YOU) < bottom.index(HISTORY)


@given(paths, st.integers(min_value=-50, max_value=50), st.integers(min_value=51, max_value=150))
def test_sparkline_one_block_each_and_ordered(values, low, high):
    line = sparkline(values, low, high)
    assert len(line) == len(values)
    order = "▁▂▃▄▅▆▇█"
    for (a, b), (x, y) in zip(zip(values, values[1:]), zip(line, line[1:])):
        if min(max(a, low), high) <= min(max(b, low), high):
            assert order.index(x) <= order.index(y)


@given(paths)
def test_zoom_stays_in_the_meter_range_and_covers_the_values(values):
    low, high = zoom(values, 0, 100)
    assert 0 <= low < high <= 100
    inside = [min(max(v, 0), 100) for v in values]
    assert low <= min(inside) and max(inside) <= high


@given(st.integers(min_value=1, max_value=40), st.data())
def test_visible_window_keeps_the_current_unit(count, data):
    current = data.draw(st.integers(min_value=0, max_value=count - 1))
    fits = data.draw(st.integers(min_value=1, max_value=50))
    window = visible_window(count, current, fits)
    assert current in window and len(window) == min(count, fits)


def test_timeline_units_years_or_months():
    assert timeline_units(scenario_at(CAMPAIGN_FALLBACK).decisions) == ["1953", "1954", "1955", "1956"]
    months = timeline_units(scenario_at(CONTRACT).decisions)
    assert months == ["1955-04", "1955-05"]
    assert unit_index(months, "1955-05-15") == 1 and unit_index(months, "1960") == -1
