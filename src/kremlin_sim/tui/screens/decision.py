"""A decision point: date, title, briefing, advisers and the numbered choices."""

from __future__ import annotations

from typing import Iterable

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ...engine import RuleError
from ..text import clean, line, lines, plain, readable_date
from ..widgets.briefing import Briefing, briefing_content
from ..widgets.changes import effects_preview
from ..widgets.choices import ChoiceList
from ..widgets.prose import markdown_widget, prose_content
from .base import PlayScreen


def pick_bindings() -> list[Binding]:
    return [Binding(str(n), f"pick({n})", "Choose", key_display="1-9", show=n == 1) for n in range(1, 10)]


class DecisionScreen(PlayScreen):
    AUTO_FOCUS = "#choices"  # not the briefing, the first widget that can take the focus
    BINDINGS = [
        *pick_bindings(),
        Binding("j", "jump", "Jump to…"),
    ]

    def main(self) -> Iterable[Widget]:
        yield from self.briefing()
        with Vertical(id="choices-box"):
            choices = ChoiceList(self.play.game.options(), self.hidden_choices(), id="choices")
            choices.border_title = "Choose: 1–9, or ↑↓ and Enter"
            yield choices
            yield Static(self.touches(choices.highlighted_id or ""), id="touches", markup=False)

    def briefing(self) -> Iterable[Widget]:
        """Kicker, title, briefing and advisers: one widget for plain prose, a scrolling column for Markdown."""
        decision = self.play.game.decision
        assert decision is not None
        kicker = line((readable_date(decision.date), "bold"), f"  ·  decision {self.play.decisions_made + 1}")
        if self.play.is_preview:
            kicker = line(kicker, "  ·  ", ("TEACHER PREVIEW", "bold reverse"), "  ", decision.id)
            if self.play.jumped_note and not self.play.game.steps:
                kicker = line(kicker, "\n", ("jumped here with ", "italic"), (self.play.jumped_note, "italic"))
        title = plain(decision.title, "bold")
        advisers = lines([line(("• ", ""), (a.name, "bold"), f" ({a.role})" if a.role else "", ": ", a.position)
                          for a in decision.advisers]) if decision.advisers else None
        text = clean(decision.briefing)
        prose = prose_content(text)
        if prose is not None:
            yield Briefing(briefing_content(kicker, title, prose, advisers), id="briefing-scroll")
            return
        with VerticalScroll(id="briefing-scroll"):
            yield Static(kicker, id="kicker")
            yield Static(title, id="decision-title")
            yield markdown_widget(text, id="briefing")
            if advisers is not None:
                yield Static(Content.styled("Your advisers", "bold"), classes="subheading")
                yield Static(advisers, id="advisers")

    def hidden_choices(self):
        """The teacher sees the choices students cannot see right now."""
        if not self.play.is_preview:
            return []
        shown = {o.choice.id for o in self.play.game.options()}
        decision = self.play.game.decision
        return [c for c in decision.choices if c.id not in shown] if decision else []

    def on_mount(self) -> None:
        if self.focused is None:  # Textual focuses nothing automatically while the terminal has not the focus
            self.query_one(ChoiceList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "jump":
            return self.play.is_preview
        return True

    # -- seeing what a choice touches (students: which meters; teachers: exact numbers) --------
    def on_choice_list_highlighted(self, event: ChoiceList.Highlighted) -> None:
        self.query_one("#touches", Static).update(self.touches(event.choice_id))

    def touches(self, choice_id: str) -> Content:
        decision = self.play.game.decision
        choice = decision.choice(choice_id) if decision else None
        if choice is None:
            return Content("")
        if self.play.is_preview:
            try:
                outcome = self.play.game.preview(choice_id)
            except RuleError:
                return line(("Unavailable here. ", "bold"), "Effects as written: ",
                            ", ".join(f"{e.meter} {e.by:+d}" for e in choice.effects) or "none")
            target = self.play.scenario.decision_by_id.get(outcome.after.node)
            goes = outcome.ending.title if outcome.ending else target.title if target else outcome.after.node
            sets = f"  sets: {', '.join(choice.sets)}" if choice.sets else ""
            return line(effects_preview(self.play.scenario, outcome.changes), "\n", ("→ leads to: ", "bold"),
                        goes, f" ({outcome.after.node}){sets}")
        meters = [self.play.scenario.meter_by_id[m].label for m in dict.fromkeys(e.meter for e in choice.effects)
                  if m in self.play.scenario.meter_by_id]
        return line(("Touches: ", "bold"), ", ".join(meters) if meters else "no meter")

    # -- choosing ---------------------------------------------------------------------------------
    def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.choose(event.choice_id)

    def action_pick(self, number: int) -> None:
        options = self.query_one(ChoiceList).game_options
        option = next((o for o in options if o.number == number), None)
        if option is None:
            return
        if not option.available:
            self.notify(f"{option.choice.label}: {option.reason}", title="Not available", severity="warning",
                        markup=False)
            return
        self.query_one(ChoiceList).highlighted = options.index(option)
        self.choose(option.choice.id)

    def choose(self, choice_id: str) -> None:
        from .reason import ReasonResult, ReasonScreen  # not needed before the first choice

        decision = self.play.game.decision
        choice = decision.choice(choice_id) if decision else None
        if choice is None:
            return
        if self.play.is_preview:
            self.kapp.decide(choice_id, ReasonResult("", None))
            return
        number = next(o.number for o in self.play.game.options() if o.choice.id == choice_id)
        ReasonScreen.ask(self.app, number, choice.label, required=self.play.require_reasons,
                         callback=lambda result: self.kapp.decide(choice_id, result) if result else None)

    def action_jump(self) -> None:
        self.kapp.action_jump()
