"""Untrusted text (scenarios, saves, names) made safe to show.

Nothing here ever parses markup: a teacher who writes `[red]x[/red]` sees
exactly that. Control characters that could move the cursor or reorder text
become visible escapes; line breaks are kept.
"""

from __future__ import annotations

from textual.content import Content

_INVISIBLE = set("\u2028\u2029\u200b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean(value: object) -> str:
    out = []
    for ch in str(value):
        code = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append("    ")
        elif code < 32 or code == 127 or 0x80 <= code < 0xA0 or ch in _INVISIBLE:
            out.append(f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def plain(value: object, style: str = "") -> Content:
    """Untrusted text as Content, optionally styled as a whole."""
    return Content.styled(clean(value), style) if style else Content(clean(value))


def line(*parts: object) -> Content:
    """Join pieces into one Content: `str`/Content parts are taken literally,
    `(text, style)` tuples styled; no piece is ever read as markup."""
    pieces: list[str | Content | tuple[str, str]] = []
    for part in parts:
        if isinstance(part, tuple):
            pieces.append((clean(part[0]), part[1]))
        elif isinstance(part, Content):
            pieces.append(part)
        else:
            pieces.append(clean(part))
    return Content.assemble(*pieces)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def readable_date(date: str) -> str:
    """A decision point's date (YYYY, YYYY-MM or YYYY-MM-DD) as people write it: 19 March 1953."""
    parts = date.split("-")
    if len(parts) == 1 or not all(part.isdigit() for part in parts) or not 1 <= int(parts[1]) <= 12:
        return clean(date)
    month_year = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {month_year}" if len(parts) == 3 else month_year


def lines(rows: list[Content]) -> Content:
    return Content("\n").join(rows)


def signed(number: int) -> str:
    """+5 and −5 (a real minus sign, easier to read than a hyphen)."""
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "±0"
