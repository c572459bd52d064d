"""Build the immutable Scenario from checked data, reporting every broken reference."""

from __future__ import annotations

from typing import Any, Iterable

from .conditions import Condition, ConditionError, parse_condition
from .diagnostics import WARNING, Diagnostic, did_you_mean, safe_text
from .model import (Adviser, Branch, Choice, Decision, Effect, Ending, Flag, History, Meter, Quote,
                    Scenario, Source)
from .yaml_source import LDict, LList, Pos


class Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []
        self.meter_ids: set[str] = set()
        self.flag_ids: set[str] = set()

    def _problem(self, code: str, message: str, pos: Pos, severity: str = "error") -> None:
        self.problems.append(Diagnostic(code, message, self.path, pos[0], pos[1], severity))

    def _unique(self, items: LList, what: str) -> list[LDict]:
        """Items with an id, each id once; a repeated id is reported where it repeats."""
        seen: dict[str, int] = {}
        kept = []
        for index, item in enumerate(items):
            item_id = item.get("id")
            if item_id is None:
                continue
            if item_id in seen:
                self._problem("KS200", f'the {what} id "{item_id}" is used twice (first on line {seen[item_id]})', item.at("id"))
                continue
            seen[item_id] = item.at("id")[0]
            kept.append(item)
        return kept

    def _condition(self, holder: LDict, key: str) -> Condition | None:
        source = holder.get(key)
        if source is None:
            return None
        line, column = holder.at(key)
        try:
            condition = parse_condition(source, self.meter_ids, self.flag_ids)
        except ConditionError as exc:
            self._problem(exc.code, f'condition "{safe_text(source)}": {exc}', (line, column + exc.offset))
            return None
        for flag in sorted(condition.flags - self.flag_ids):
            self._problem("KS203", f'condition "{safe_text(source)}" names "{flag}", which is not a meter or a declared flag'
                          f"{did_you_mean(flag, self.meter_ids | self.flag_ids)}", (line, column))
        return condition

    def build(self, data: LDict, content_hash: str) -> Scenario | None:
        meters = self._meters(data.get("meters", LList()))
        flags = [Flag(f["id"], f.get("description", "")) for f in self._unique(data.get("flags", LList()), "flag")]
        self.flag_ids = {f.id for f in flags}
        for clash in sorted(self.flag_ids & self.meter_ids):
            self._problem("KS205", f'"{clash}" is declared both as a meter and as a flag; rename one', data.at("flags"))
        ending_data = self._unique(data.get("endings", LList()), "ending")
        endings = [self._ending(e) for e in ending_data]
        decision_data = self._unique(data.get("decisions", LList()), "decision point")
        self.positions = {item["id"]: item.pos for item in [*ending_data, *decision_data]}
        self.positions.update({f"flag:{f['id']}": f.pos for f in data.get("flags", ()) if "id" in f})
        self.node_ids = {d["id"] for d in decision_data} | {e.id for e in endings}
        for item in decision_data:
            if item["id"] in {e.id for e in endings}:
                self._problem("KS200", f'"{item["id"]}" is the id of both a decision point and an ending', item.at("id"))
        decisions = [self._decision(d) for d in decision_data]
        start = data.get("start")
        if start is not None and start not in {d.id for d in decisions}:
            self._problem("KS201", f'"start" names "{start}", which is not a decision point'
                          f"{did_you_mean(start, [d.id for d in decisions])}", data.at("start"))
        required = ("format", "id", "title", "start")
        if any(k not in data for k in required) or not meters or not endings or not decisions:
            return None
        return Scenario(
            format=data["format"], id=data["id"], title=data["title"], start=start,
            meters=tuple(meters), endings=tuple(endings), decisions=tuple(decisions), flags=tuple(flags),
            period=data.get("period", ""), author=data.get("author", ""), language=data.get("language", "en"),
            summary=data.get("summary", "").rstrip(), sources=self._sources(data.get("sources", ())),
            content_hash=content_hash, path=self.path,
        )

    def _meters(self, items: LList) -> list[Meter]:
        meters = []
        for item in self._unique(items, "meter"):
            if not all(k in item for k in ("min", "max", "start", "label")):
                self.meter_ids.add(item["id"])
                continue
            low, high, start = item["min"], item["max"], item["start"]
            if low >= high:
                self._problem("KS210", f'meter "{item["id"]}": min ({low}) must be less than max ({high})', item.at("min"))
            elif not low <= start <= high:
                self._problem("KS211", f'meter "{item["id"]}": start ({start}) must be between min ({low}) and max ({high})', item.at("start"))
            meters.append(Meter(item["id"], item["label"], low, high, start, item.get("description", "")))
            self.meter_ids.add(item["id"])
        return meters

    def _ending(self, item: LDict) -> Ending:
        return Ending(item["id"], item.get("title", item["id"]), item.get("text", "").rstrip(),
                      item.get("style"), self._condition(item, "when"))

    def _node_ref(self, node_id: str, pos: Pos, where: str) -> None:
        if node_id not in self.node_ids:
            self._problem("KS201", f'{where} names "{node_id}", which is not a decision point or ending'
                          f"{did_you_mean(node_id, self.node_ids)}", pos)

    def _next(self, holder: LDict, where: str) -> tuple[Branch, ...]:
        value = holder.get("next")
        if value is None:
            return ()
        if isinstance(value, str):
            self._node_ref(value, holder.at("next"), where)
            return (Branch(value),)
        branches = []
        for index, item in enumerate(value):
            if "to" not in item:
                continue
            self._node_ref(item["to"], item.at("to"), where)
            condition = self._condition(item, "if")
            is_last = index == len(value) - 1
            if is_last and "if" in item:
                self._problem("KS233", f"the last branch of {where} has an `if`; end the list with a branch that has only `to`, "
                              "so there is always somewhere to go", value.at(index))
            elif not is_last and "if" not in item:
                self._problem("KS233", f"branch {index + 1} of {where} has no `if`, so the branches after it can never be taken", value.at(index))
            branches.append(Branch(item["to"], condition))
        return tuple(branches)

    def _choice(self, item: LDict, decision_id: str) -> Choice:
        effects = []
        for meter_id, change in item.get("effects", LDict()).items():
            pos = item["effects"].key_pos[meter_id]
            if meter_id not in self.meter_ids:
                self._problem("KS202", f'choice "{item["id"]}" changes "{safe_text(meter_id)}", which is not a meter'
                              f"{did_you_mean(meter_id, self.meter_ids)}", pos)
                continue
            if "by" in change and "why" in change:
                if change["by"] == 0:
                    self._problem("KS242", f'choice "{item["id"]}" changes "{meter_id}" by 0; remove the effect', pos, WARNING)
                effects.append(Effect(meter_id, change["by"], change["why"]))
        sets = tuple(item.get("sets", ()))
        for index, flag in enumerate(sets):
            if flag not in self.flag_ids:
                self._problem("KS203", f'choice "{item["id"]}" sets "{flag}", which is not a declared flag (add it under `flags:`)'
                              f"{did_you_mean(flag, self.flag_ids)}", item["sets"].at(index))
        condition = self._condition(item, "condition")
        if item.get("hidden") and condition is None and "condition" not in item:
            self._problem("KS236", f'choice "{item["id"]}" is hidden but has no condition, so it would always show', item.at("hidden"), WARNING)
        return Choice(
            id=item["id"], label=item.get("label", item["id"]), text=item.get("text", "").rstrip(),
            effects=tuple(effects), sets=sets, next=self._next(item, f'choice "{item["id"]}"'),
            condition=condition, unavailable=item.get("unavailable", ""), hidden=item.get("hidden", False),
        )

    def _decision(self, item: LDict) -> Decision:
        choice_items = self._unique(item.get("choices", LList()), "choice")
        choices = tuple(self._choice(c, item["id"]) for c in choice_items)
        default_next = self._next(item, f'decision point "{item["id"]}"')
        if not default_next:
            for choice_item, choice in zip(choice_items, choices):
                if not choice.next and "next" not in choice_item:
                    self._problem("KS201", f'choice "{choice.id}" has no `next` and decision point "{item["id"]}" gives no default `next`',
                                  choice_item.pos)
        advisers = tuple(Adviser(a["name"], a["position"], a.get("role", "")) for a in item.get("advisers", ())
                         if "name" in a and "position" in a)
        return Decision(
            id=item["id"], date=item.get("date", ""), title=item.get("title", item["id"]),
            briefing=item.get("briefing", "").rstrip(), choices=choices,
            history=self._history(item.get("history"), item, {c.id for c in choices}),
            advisers=advisers, next=default_next,
        )

    def _history(self, item: LDict | None, decision: LDict, choice_ids: set[str]) -> History | None:
        if item is None:
            return None
        choice = item.get("choice")
        if choice == "none":
            choice = None
            if not item.get("instead"):
                self._problem("KS234", 'history says `choice: none` but does not say what was done `instead`', item.at("choice"))
            closest = item.get("closest")
            if closest is None:
                self._problem("KS234", 'history says `choice: none`, so name the `closest` choice for the historical path to follow', item.at("choice"))
            elif closest not in choice_ids:
                self._problem("KS204", f'history names "{closest}" as closest, which is not a choice of "{decision["id"]}"'
                              f"{did_you_mean(closest, choice_ids)}", item.at("closest"))
                closest = None
        else:
            closest = None
            if choice is not None and choice not in choice_ids:
                self._problem("KS204", f'history names "{choice}", which is not a choice of "{decision["id"]}"'
                              f"{did_you_mean(choice, choice_ids)} (or write `none` with `instead`)", item.at("choice"))
                choice = None
        return History(
            choice=choice, date=item.get("date", ""), what_happened=item.get("what_happened", "").rstrip(),
            consequences=item.get("consequences", "").rstrip(), instead=item.get("instead", "").rstrip(),
            closest=closest, known_then=item.get("known_then", "").rstrip(),
            sources=self._sources(item.get("sources", ())),
            quotes=tuple(Quote(q["text"].rstrip(), q["by"], q.get("date", "")) for q in item.get("quotes", ())
                         if "text" in q and "by" in q),
            question=item.get("question", ""),
        )

    @staticmethod
    def _sources(items: Iterable[Any]) -> tuple[Source, ...]:
        return tuple(Source(s["author"], s["title"], s["year"]) for s in items
                     if all(k in s for k in ("author", "title", "year")))
