"""The player's path beside history's, meter by meter: marks and labels, never colour alone."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from ..charts import dot_plot, sparkline, zoom
from ..play import Play
from ..text import line, lines, plain

PLOT_HEIGHT = 7


def main_meter(play: Play) -> str:
    ids = [m.id for m in play.scenario.meters]
    return "tension" if "tension" in ids else ids[0]


class PathPlots(Widget):
    def __init__(self, play: Play, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.play = play

    def render(self) -> Content:
        width = max(self.content_size.width, 20)
        scenario = self.play.scenario
        focus = scenario.meter_by_id[main_meter(self.play)]
        you, history = self.play.player_path(focus.id), self.play.history_path(focus.id)
        low, high = zoom([*you, *history], focus.min, focus.max)
        plot = dot_plot(you, history, low, high, min(width, 72), PLOT_HEIGHT)
        rows = [line(plain(focus.label, "bold"), f" (meter range {focus.min}–{focus.max}): at the start and after each decision")]
        rows += [Content(text) for text in plot.lines]
        rows.append(line("  ", (plot.legend, "italic")))
        rows.append(Content(""))
        label_width = min(max(len(m.label) for m in scenario.meters), 28)
        for meter in scenario.meters:
            mine, theirs = self.play.player_path(meter.id), self.play.history_path(meter.id)
            name = plain(meter.label, "bold").truncate(label_width, ellipsis=True, pad=True)
            rows.append(line(name, "  you     ", sparkline(mine, meter.min, meter.max), f"  {mine[0]} → {mine[-1]}"))
            rows.append(line(" " * label_width, "  history ", sparkline(theirs, meter.min, meter.max),
                             f"  {theirs[0]} → {theirs[-1]}"))
        return lines(rows)
