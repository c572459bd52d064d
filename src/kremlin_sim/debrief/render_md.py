"""The report as Markdown for pasting into a learning platform.

Student and scenario text is shown, never interpreted: `&`, `<` and `>`
become entities (no HTML gets in), Markdown punctuation is backslash-escaped
(no links, emphasis or table breaks), newlines become `<br>` so a cell or a
list item stays on one line, and control characters a visible `\\uXXXX`.
Charts are left out: their numbers are in the tables beside them.
"""

from __future__ import annotations

import re

from .content import build
from .document import Block, Chart, Document, Heading, Items, Paragraph, Reference, Section, Table, cells
from .model import ClassRecord

ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
# What would start a heading, a list item or a rule at the start of a line.
LINE_START = re.compile(r"^(?:([#+\-])(?=[\s#+\-]|$)|(\d{1,9})(?=[.)](?:\s|$)))")
# Every character Python or a Markdown renderer might end a line at.
NEWLINES = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Control and direction-changing characters: shown as a visible code (the report may go to a terminal).
INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]")


def text(value: str) -> str:
    """Any untrusted text as inline Markdown that shows these characters and nothing more."""
    escaped = PUNCTUATION.sub(r"\\\1", value.translate(ENTITIES)).strip()
    escaped = LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\", escaped)
    escaped = NEWLINES.sub("<br>", escaped)
    return INVISIBLE.sub(lambda m: f"\\\\u{ord(m.group()):04x}", escaped)


def render(record: ClassRecord) -> str:
    return render_document(build(record, student_pages=False))


def render_document(document: Document) -> str:
    return "\n\n---\n\n".join(_section(section) for section in document.sections) + "\n"


def _section(section: Section) -> str:
    return "\n\n".join(part for part in (_block(block) for block in section.blocks) if part)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + text(block.text)
    if isinstance(block, Paragraph):
        return (f"**{text(block.lead)}:** " if block.lead else "") + text(block.text)
    if isinstance(block, Reference):
        return f"{text(block.text)} {text(block.target)}"
    if isinstance(block, Table):
        lines = [_row(block.headers), "|" + " --- |" * len(block.headers)]
        lines += [_row(cells(row)) for row in block.rows]
        return "\n".join(lines)
    if isinstance(block, Items):
        return "\n".join(f"{f'{n}.' if block.ordered else '-'} {text(item)}" for n, item in enumerate(block.items, 1))
    if isinstance(block, Chart):
        return ""
    raise TypeError(f"no Markdown for {type(block).__name__}")


def _row(row: list[str] | tuple[str, ...]) -> str:
    return "| " + " | ".join(text(cell) for cell in row) + " |"
