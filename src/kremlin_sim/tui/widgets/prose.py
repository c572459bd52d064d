"""Scenario Markdown on screen, without Textual's Markdown widget when the text is plain prose.

The Markdown widget costs a tenth of a second to import (markdown-it, and
Pygments for code blocks), a widget per paragraph, and a second layout pass
once it has parsed. Nearly every scenario text is paragraphs with `*italic*`
and `**bold**` words. `prose_content` draws those as one Content, exactly as
the Markdown widget draws them under this app's stylesheet: paragraphs on
consecutive lines, runs of spaces as one, `*` italic, `**` bold.

Anything that might be read as more than that (lists, headings, quotes, code,
links, HTML, entities, escapes, tables, hard line breaks, `_`, emphasis that
CommonMark could pair differently, unusual white space) returns None and goes
to the Markdown widget unchanged: no feature is lost, only the fast path.
"""

from __future__ import annotations

import re
import string

from textual.content import Content, Span
from textual.widget import Widget
from textual.widgets import Static

from ..text import clean

# Characters with a meaning of their own anywhere in a line, and what linkify could turn into a link.
_RICHER = re.compile(r"[\\`_\[\]<>&~|]|[^\S \n]|//|www\.|@|\.[^\W\d_]")
# A line starting with one of these may open a block (heading, quote, list, rule, setext underline).
_BLOCK_START = re.compile(r"[#>=+\-]|\*(?: |$)")
_NUMBERED = re.compile(r"(\d{1,9})[.)](?: |$)")
_RULE = re.compile(r"(?:\* *){3,}$")
_STARS = re.compile(r"\*+")
_PUNCTUATION = frozenset(string.punctuation)
STYLES = {1: "italic", 2: "bold"}


def _paragraphs(text: str) -> list[str] | None:
    """The paragraphs as single lines, or None if some line could be more than paragraph text."""
    paragraphs: list[list[str]] = [[]]
    for raw in text.split("\n"):
        body = raw.lstrip(" ")
        if not body:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        first = not paragraphs[-1]
        if first and len(raw) - len(body) >= 4:
            return None  # indented code
        numbered = _NUMBERED.match(body)
        if _BLOCK_START.match(body) or _RULE.match(body) or (numbered and (first or int(numbered.group(1)) == 1)):
            return None  # a list item may interrupt a paragraph only when numbered 1
        if paragraphs[-1] and paragraphs[-1][-1].endswith("  "):
            return None  # a hard line break
        paragraphs[-1].append(raw)
    return [re.sub(" +", " ", " ".join(line.strip(" ") for line in lines)) for lines in paragraphs if lines]


def _kind(ch: str) -> str | None:
    """CommonMark's classes for the neighbours of a `*` run; None when not sure (unusual Unicode)."""
    if ch in ("", " "):
        return "space"
    if ch in _PUNCTUATION:
        return "punct"
    if ch.isascii() or ch.isalnum():
        return "other"
    return None


def _emphasis(paragraph: str) -> Content | None:
    """The paragraph with its `*`/`**` pairs as styles, or None unless the pairing is unambiguous."""
    text: list[str] = []
    spans: list[Span] = []
    openers: list[tuple[int, int]] = []  # (run length, where its text starts)
    position = last = 0
    for run in _STARS.finditer(paragraph):
        before, after = paragraph[run.start() - 1:run.start()], paragraph[run.end():run.end() + 1]
        kind_before, kind_after = _kind(before), _kind(after)
        if kind_before is None or kind_after is None or len(run.group()) > 2:
            return None
        opens = kind_after != "space" and (kind_after != "punct" or kind_before != "other")
        closes = kind_before != "space" and (kind_before != "punct" or kind_after != "other")
        if opens and closes:
            return None  # inside a word: CommonMark's rules of three decide
        if not (opens or closes):
            continue  # a literal star
        piece = paragraph[last:run.start()]
        text.append(piece)
        position += len(piece)
        last = run.end()
        if opens:
            openers.append((len(run.group()), position))
        elif not openers or openers[-1][0] != len(run.group()):
            return None
        else:
            size, start = openers.pop()
            spans.append(Span(start, position, STYLES[size]))
    if openers:
        return None
    text.append(paragraph[last:])
    return Content("".join(text), spans=spans)


def prose_content(text: str) -> Content | None:
    """Already cleaned scenario Markdown as Content, or None when only the Markdown widget may draw it."""
    if not text.strip() or _RICHER.search(text):
        return None
    paragraphs = _paragraphs(text)
    if not paragraphs:
        return None
    contents = [_emphasis(paragraph) for paragraph in paragraphs]
    if any(content is None for content in contents):
        return None
    return Content("\n").join(contents)  # type: ignore[arg-type]


def scenario_markdown(text: str, *, id: str | None = None, classes: str = "") -> Widget:
    """Scenario Markdown: never Rich markup, and links are not followed (a classroom must not open a browser)."""
    cleaned = clean(text)
    content = prose_content(cleaned)
    if content is not None:
        return Static(content, id=id, classes=f"prose {classes}".strip())
    return markdown_widget(cleaned, id=id, classes=classes)


def markdown_widget(cleaned: str, *, id: str | None = None, classes: str = "") -> Widget:
    """Already cleaned scenario Markdown in Textual's Markdown widget, links not followed."""
    from textual.widgets import Markdown  # imported only for a text that needs it

    return Markdown(cleaned, open_links=False, id=id, classes=classes)
