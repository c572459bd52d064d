"""Hypothesis strategies for valid scenarios, as data and as YAML text.

Every generated scenario validates: decision points form a chain (choice 1 of
point i always leads on and has no condition), so all are reachable and no
state is a dead end; other choices add effects, conditions, flags, branches
and jumps forward.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

OPS = ["<", "<=", ">", ">=", "==", "!="]


@st.composite
def condition(draw, meters: list[dict], flags: list[str]) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 2))):
        if flags and draw(st.booleans()):
            flag = draw(st.sampled_from(flags))
            parts.append(("not " if draw(st.booleans()) else "") + flag)
        else:
            meter = draw(st.sampled_from(meters))
            value = draw(st.integers(meter["min"], meter["max"]))
            parts.append(f"{meter['id']} {draw(st.sampled_from(OPS))} {value}")
    return f" {draw(st.sampled_from(['and', 'or']))} ".join(parts)


@st.composite
def scenario_data(draw, max_decisions: int = 6) -> dict[str, Any]:
    meters = []
    for i in range(draw(st.integers(1, 3))):
        low = draw(st.integers(-10, 10))
        high = low + draw(st.integers(1, 30))
        meters.append({"id": f"m{i}", "label": f"Meter {i}", "min": low, "max": high,
                       "start": draw(st.integers(low, high)), "description": "generated"})
    flags = [f"f{i}" for i in range(draw(st.integers(0, 2)))]
    n = draw(st.integers(1, max_decisions))
    story = [f"end{i}" for i in range(draw(st.integers(1, 2)))]
    endings = []
    for meter in meters:
        if draw(st.booleans()):
            bound = draw(st.sampled_from([("<=", meter["min"]), (">=", meter["max"])]))
            endings.append({"id": f"t_{meter['id']}", "title": "Threshold", "text": "t",
                            "when": f"{meter['id']} {bound[0]} {bound[1]}"})
    endings += [{"id": e, "title": f"Ending {e}", "text": "s", "style": "A style"} for e in story]
    decisions = []
    setters: dict[str, bool] = {f: False for f in flags}
    for i in range(n):
        later = [f"d{j}" for j in range(i + 1, n)] + story
        chain = f"d{i + 1}" if i + 1 < n else story[0]
        choices = []
        for c in range(draw(st.integers(1, 4))):
            choice: dict[str, Any] = {"id": f"c{i}_{c}", "label": f"Choice {c}", "next": chain}
            effects = {}
            for meter in meters:
                if draw(st.booleans()):
                    by = draw(st.integers(-15, 15).filter(lambda v: v != 0))
                    effects[meter["id"]] = {"by": by, "why": "because"}
            if effects:
                choice["effects"] = effects
            if c > 0:
                choice["next"] = draw(st.sampled_from(later))
                if draw(st.booleans()):
                    choice["condition"] = draw(condition(meters, flags))
                    choice["hidden"] = draw(st.booleans())
                if len(later) > 1 and draw(st.booleans()):
                    choice["next"] = [{"if": draw(condition(meters, flags)), "to": draw(st.sampled_from(later))},
                                      {"to": draw(st.sampled_from(later))}]
            if flags and draw(st.booleans()):
                flag = draw(st.sampled_from(flags))
                choice["sets"] = [flag]
                setters[flag] = True
            choices.append(choice)
        history = {"choice": draw(st.sampled_from([c["id"] for c in choices])), "date": "1955",
                   "what_happened": "It happened.", "sources": [{"author": "A", "title": "T", "year": 2000}]}
        decisions.append({"id": f"d{i}", "date": f"{1953 + i}-01-01", "title": f"Decision {i}",
                          "briefing": "Briefing.", "choices": choices, "history": history})
    if not all(setters.values()):
        decisions[0]["choices"][0]["sets"] = [f for f, used in setters.items() if not used]
    declared = [{"id": f, "description": "generated"} for f in flags]
    used_story = {c["next"] for d in decisions for c in d["choices"] if isinstance(c["next"], str)}
    used_story |= {b["to"] for d in decisions for c in d["choices"] if isinstance(c["next"], list) for b in c["next"]}
    endings = [e for e in endings if "when" in e or e["id"] in used_story]
    return {"format": 1, "id": "generated", "title": "Generated", "start": "d0",
            "meters": meters, "flags": declared, "endings": endings, "decisions": decisions}


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
