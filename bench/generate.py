"""Generate large valid scenarios for the validation benchmark."""

from __future__ import annotations


def big_scenario(decisions: int) -> str:
    """`decisions` decision points, 4 choices each, with conditions, effects and flags."""
    out = [
        "format: 1\nid: big\ntitle: \"Generated\"\nstart: d0\n",
        "meters:\n",
        *(f"  - {{id: {m}, label: \"{m}\", min: 0, max: 100, start: 50, description: \"generated\"}}\n"
          for m in ("tension", "bloc", "standing", "economy")),
        "flags:\n  - {id: hawk, description: \"set by a hard choice\"}\n",
        "endings:\n  - {id: war, title: War, text: \"War.\", when: \"tension >= 100\"}\n",
        "  - {id: ousted, title: Ousted, text: \"Ousted.\", when: \"standing <= 0\"}\n",
        "  - {id: done, title: Done, style: \"The Planner\", text: \"The end.\"}\n",
        "decisions:\n",
    ]
    for i in range(decisions):
        nxt = f"d{i + 1}" if i + 1 < decisions else "done"
        later = f"d{min(i + 2, decisions - 1)}" if i + 2 < decisions else "done"
        out.append(
            f"  - id: d{i}\n    date: \"{1953 + i * 8 // decisions}-01-01\"\n    title: \"Decision {i}\"\n"
            f"    briefing: |\n      The situation at point {i}. The leadership must weigh the bloc, the economy and the West.\n"
            f"    advisers:\n      - {{name: \"Adviser {i}\", role: \"Minister\", position: \"Be careful at {i}.\"}}\n"
            f"    next: {nxt}\n    choices:\n"
            f"      - id: calm\n        label: \"Calm\"\n        effects:\n"
            f"          tension: {{by: -3, why: \"Calm reassures the West.\"}}\n"
            f"          standing: {{by: -2, why: \"Hardliners grumble.\"}}\n"
            f"      - id: firm\n        label: \"Firm\"\n        sets: [hawk]\n        effects:\n"
            f"          tension: {{by: 4, why: \"Firmness alarms the West.\"}}\n"
            f"          bloc: {{by: 3, why: \"The bloc falls in line.\"}}\n"
            f"      - id: trade\n        label: \"Trade\"\n        condition: \"economy >= 30 and not hawk\"\n"
            f"        effects:\n          economy: {{by: 5, why: \"Trade brings goods.\"}}\n"
            f"      - id: gamble\n        label: \"Gamble\"\n        condition: \"(tension < 80 or bloc > 60) and standing >= 20\"\n"
            f"        effects:\n          tension: {{by: 2, why: \"A gamble raises the stakes.\"}}\n"
            f"        next:\n          - if: \"bloc >= 70\"\n            to: {later}\n          - to: {nxt}\n"
            f"    history:\n      choice: calm\n      date: \"1955\"\n      what_happened: \"Calm prevailed at {i}.\"\n"
            f"      sources:\n        - {{author: \"A. Historian\", title: \"A History\", year: 2000}}\n"
            f"      question: \"Was calm right at {i}?\"\n"
        )
    return "".join(out)
