"""The report as one self-contained, printable HTML file.

No scripts, fonts, images or links to fetch (the only links point within the
page): it works offline, and a Content-Security-Policy forbids loading
anything even if text slipped through.
All text is escaped with `html.escape(..., quote=True)`, and characters beyond
Latin-1 are written as numeric references (see `svg.e`); newlines are kept
by CSS (`white-space: pre-line`), not by inserting tags.
"""

from __future__ import annotations

from functools import lru_cache

from . import svg
from .content import build
from .document import Block, Cells, Chart, Document, Heading, Items, Paragraph, Reference, SharedRow, Table
from .model import ClassRecord
from .svg import e

STYLE = """
body { font-family: Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
       color: #111; line-height: 1.4; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h2 { border-bottom: 2px solid #333; padding-bottom: .2em; margin-top: 2em; }
p, td, th, li { white-space: pre-line; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .9em; }
th, td { border: 1px solid #999; padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 1em 0; }
svg.chart { width: 100%; max-width: 680px; height: auto; font-family: Arial, sans-serif; }
svg .grid { stroke: #ccc; stroke-width: 1; }
svg .tick { font-size: 10px; fill: #333; }
svg .axis, svg .legend, svg .end { font-size: 11px; fill: #111; }
svg .range { stroke-width: 1.5; opacity: .55; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  section.student, section.class, section.excluded { break-before: page; page-break-before: always; }
  section.overview + section { break-before: auto; page-break-before: auto; }  /* the overview is short */
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure, svg { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
  a { color: inherit; text-decoration: none; }
}
"""

# Nothing may be fetched or run: only the inline styles above.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def render(record: ClassRecord) -> str:
    return render_document(build(record, student_pages=True))


def render_document(document: Document) -> str:
    # Every block adds its pieces to one list, joined once: a class report runs to megabytes, and joining
    # each table and section first would copy all of it again at every level.
    out = ["<!DOCTYPE html>\n", '<html lang="en">\n', "<head>\n", '<meta charset="utf-8">\n',
           f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n',
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
           f"<title>{e(document.title)}</title>\n", f"<style>{STYLE}</style>\n", "</head>\n", "<body>\n"]
    # A block or row many pages hold (a heading, the pointer to the class part, an ending's text, history's
    # rows) is one object, made into HTML once per document; keyed by identity, which holds while the document
    # keeps them alive, and costs far less than hashing a row of cells.
    made: dict[int, str] = {}
    for section in document.sections:
        out.append(f'<section class="{section.kind}">\n')
        for block in section.blocks:
            if isinstance(block, Table):
                _table(block, out, made)
            else:
                html = made.get(id(block))
                if html is None:
                    html = made[id(block)] = _block(block)
                out.append(html)
            out.append("\n")
        out.append("</section>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def _block(block: Block) -> str:
    """Any block but a table (which `_table` writes straight into the page's pieces)."""
    if isinstance(block, Heading):
        anchor = f' id="{e(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        lead = f"<strong>{e(block.lead)}:</strong> " if block.lead else ""
        return f"<p>{lead}{e(block.text)}</p>"
    if isinstance(block, Reference):
        return f'<p>{e(block.text)} <a href="#{e(block.anchor)}">{e(block.target)}</a></p>'
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + f"</{tag}>"
    if isinstance(block, Chart):
        return f"<figure>{svg.render(block)}<figcaption>{e(block.title)}</figcaption></figure>"
    raise TypeError(f"no HTML for {type(block).__name__}")


def _table(table: Table, out: list[str], made: dict[int, str]) -> None:
    append, shared = out.append, made.get
    append(_head(table.headers))
    for row in table.rows:
        if type(row) is SharedRow:
            html = shared(id(row))
            if html is None:
                html = made[id(row)] = _shared_row(row)
            append(html)
            continue
        append("<tr>")
        for item in row:
            append(_run(item) if type(item) is tuple else _cell(item))
        append("</tr>")
    append("</tbody></table>")


@lru_cache(maxsize=1 << 14)
def _shared_row(row: SharedRow) -> str:
    """A row that many tables hold, made into HTML once: one piece instead of one per cell and tag."""
    return "<tr>" + "".join([_run(item) if type(item) is tuple else _cell(item) for item in row]) + "</tr>"


@lru_cache(maxsize=256)
def _head(headers: Cells) -> str:
    return f"<table><thead><tr><th>{'</th><th>'.join(map(e, headers))}</th></tr></thead><tbody>"


@lru_cache(maxsize=1 << 16)
def _cell(text: str) -> str:
    return f"<td>{e(text)}</td>"


@lru_cache(maxsize=1 << 16)
def _run(cells: Cells) -> str:
    """Cells that many rows share, made into HTML once: a class report repeats the scenario's text per student."""
    return "<td>" + "</td><td>".join(map(e, cells)) + "</td>"
