"""The check report as plain text: a heading per section, one finding per line.

Everything that comes from the scenario file or the command line passes
through `safe_text`, so a title cannot move the cursor or recolour a terminal.
"""

from __future__ import annotations

from collections import Counter

from ..scenario.diagnostics import safe_text
from ..scenario.model import Meter
from .check import CheckResult
from .explore import INFINITE
from .findings import quoted
from .plays import GAME_LIMIT, Playthrough, tension_meter
from .playtime import THINKING_SECONDS, WORDS_PER_MINUTE

BAR_WIDTH = 30
BINS = 10


def heading(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def count_text(count: int | float) -> str:
    """A path count people can read: exact up to a quadrillion, then as a power of ten."""
    if count == INFINITE:
        return "∞"
    if count < 10**15:
        return f"{count:,}"
    digits = str(count)
    return f"about {digits[0]}.{digits[1:3]}×10^{len(digits) - 1}"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def format_report(result: CheckResult, shown_path: str) -> str:
    scenario = result.exploration.scenario
    lines = [f"Checking {quoted(scenario.title)} ({safe_text(shown_path, 200)})"]
    lines += states_section(result)
    lines += endings_section(result)
    lines += heading("Problems")
    lines += [f.format() for f in result.findings if f.kind in PROBLEM_KINDS] or ["none"]
    lines += history_section(result)
    lines += strategies_section(result)
    lines += playing_time_section(result)
    if result.random is not None:
        lines += random_section(result, shown_path)
    lines += heading("Summary")
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = "defects found (exit 1)" if errors else "no defects (exit 0)"
    lines.append(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}: {verdict}")
    return "\n".join(lines) + "\n"


# The findings of exploration; history, strategies and random games list theirs in their own sections.
PROBLEM_KINDS = {"too-many-states", "dead-end", "unreached-decision", "unavailable-choice", "unreached-ending",
                 "endless-loop", "loop", "meter-constant", "meter-pinned"}


def _section_findings(result: CheckResult, *kinds: str) -> list[str]:
    return [f.format() for f in result.findings if f.kind in kinds]


def states_section(result: CheckResult) -> list[str]:
    found = result.exploration
    scenario = found.scenario
    reached = found.reached_nodes()
    decisions = sum(1 for d in scenario.decisions if d.id in reached)
    endings = sum(1 for e in scenario.endings if e.id in reached)
    return heading("States") + [
        f"{found.state_count:,} distinct reachable states (decision point + meter values + flags), "
        f"explored in {found.seconds:.2f} s ({found.states_per_second:,.0f} states/s)",
        f"{decisions} of {len(scenario.decisions)} decision points reached; {endings} of {len(scenario.endings)} endings reached",
    ]


def endings_section(result: CheckResult) -> list[str]:
    found = result.exploration
    counts = found.ending_paths()
    width = max(len(safe_text(e.id, 40)) for e in found.scenario.endings)
    lines = heading("Endings (distinct paths to each)")
    if not found.complete:
        lines.append("(the exploration stopped early: these are the paths among the states explored)")
    for ending in found.scenario.endings:
        name = safe_text(ending.id, 40).ljust(width)
        kind = " [threshold: checked after every choice]" if ending.when else ""
        if ending.id in counts:
            count = count_text(counts[ending.id]) if found.complete else f"at least {count_text(counts[ending.id])}"
        else:
            count = "never reached" if found.complete else "not reached yet"
        lines.append(f"{name}  {count:>14}  {quoted(ending.title)}{kind}")
    if any(count == INFINITE for count in counts.values()):
        lines.append("∞: a loop in the scenario can be repeated any number of times on the way")
    return lines


def outcome_text(game: Playthrough, result: CheckResult) -> str:
    node = quoted(game.final.node)
    decisions = plural(len(game.choices), "decision")
    if game.ended:
        ending = result.exploration.scenario.ending(game.final.node)
        title = f" ({quoted(ending.title)})" if ending else ""
        return f"ends in {node}{title} after {decisions}"
    return {"dead end": f"stops at a dead end at {node} after {decisions}",
            "loop": f"goes round a loop at {node} for ever",
            "too long": f"has not ended after {GAME_LIMIT:,} decisions (at {node})"}.get(
        game.stop, f"stops at {node} after {decisions}")


def history_section(result: CheckResult) -> list[str]:
    # When history stops short, its warning says where and why.
    told = [f"the historical path {outcome_text(result.history, result)}"] if result.history.ended else []
    return heading("History") + told + _section_findings(result, "history-ends-early", "history-stops")


def strategies_section(result: CheckResult) -> list[str]:
    meter = safe_text(tension_meter(result.exploration.scenario), 40)
    lines = heading(f"Simple strategies (by each choice's effect on {meter}; ties by file order)")
    width = max(len(name) for name in result.strategies)
    for name, game in result.strategies.items():
        lines.append(f"{name.ljust(width)}  {outcome_text(game, result)}")
    return lines + _section_findings(result, "one-ending")


def playing_time_section(result: CheckResult) -> list[str]:
    time = result.playing_time
    if not time.decisions:
        return heading("Playing time") + ["no estimate: the historical path has no decision to time (see History)"]
    return heading("Playing time") + [
        f"about {plural(max(1, round(time.minutes)), 'minute')} for the historical path: {time.words:,} words at "
        f"{WORDS_PER_MINUTE} words a minute (students of 14-18 reading on screen), plus {THINKING_SECONDS} s "
        f"of thought for each of {plural(time.decisions, 'decision')}"
    ]


def random_section(result: CheckResult, shown_path: str) -> list[str]:
    run = result.random
    assert run is not None
    scenario = result.exploration.scenario
    total = len(run.games)
    last = run.seed(total - 1) if total else run.first_seed
    lines = heading("Random games") + [
        f"{plural(total, 'game')} choosing uniformly among the available choices, seeds {run.first_seed}-{last} "
        f"(game i uses seed {run.first_seed}+i), {run.games_per_second:,.0f} games/s",
        f"replay one: kremlin-sim play {safe_text(shown_path, 200)} --auto random --seed K",
    ]
    finals = Counter(game.final.node if game.ended else f"({game.stop})" for game in run.games)
    names = [e.id for e in scenario.endings] + sorted(k for k in finals if k.startswith("("))
    width = max(len(safe_text(name, 40)) for name in names)
    top = max(finals.values(), default=1)
    for name in names:
        n = finals.get(name, 0)
        lines.append(f"{safe_text(name, 40).ljust(width)}  {n / total if total else 0:>6.1%}  {n:>7,}  {bar(n, top)}")
    lines += _section_findings(result, "random-dead-end", "random-too-long")
    lines.append("")
    lines.append("Final meter values")
    for position, meter in enumerate(scenario.meters):
        lines += histogram(meter, [game.final.meters[position] for game in run.games])
    return lines


def bar(n: int, top: int) -> str:
    if n == 0:
        return ""
    return "#" * max(1, round(BAR_WIDTH * n / top))


def histogram(meter: Meter, values: list[int]) -> list[str]:
    """About ten bins across the meter's range: 0-9, 10-19, ..., 100 for a meter from 0 to 100."""
    span = meter.max - meter.min + 1
    size = max(1, -(-(span - 1) // BINS))
    counts = Counter((value - meter.min) // size for value in values)
    top = max(counts.values(), default=1)
    lines = [f"{safe_text(meter.id, 40)} ({meter.min} to {meter.max})"]
    for b in range(-(-span // size)):
        low = meter.min + b * size
        high = min(meter.max, low + size - 1)
        label = f"{low}" if low == high else f"{low}-{high}"
        n = counts.get(b, 0)
        share = n / len(values) if values else 0
        lines.append(f"  {label:>9} |{bar(n, top).ljust(BAR_WIDTH)} {n:>7,} {share:>6.1%}")
    return lines

