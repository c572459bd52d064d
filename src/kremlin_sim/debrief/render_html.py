"""The report as one self-contained, printable HTML file.

No scripts, fonts, images or links to fetch: it works offline, and a
Content-Security-Policy forbids loading anything even if text slipped through.
All text is escaped with `html.escape(..., quote=True)`; newlines are kept
by CSS (`white-space: pre-line`), not by inserting tags.
"""

from __future__ import annotations

from . import svg
from .content import build
from .document import Block, Chart, Document, Heading, Items, Paragraph, Section, Table
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
}
"""

# Nothing may be fetched or run: only the inline styles above.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def render(record: ClassRecord) -> str:
    return render_document(build(record, student_pages=True))


def render_document(document: Document) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(document.title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>"]
    out += [_section(section) for section in document.sections]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _section(section: Section) -> str:
    return f'<section class="{section.kind}">\n' + "\n".join(_block(b) for b in section.blocks) + "\n</section>"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        lead = f"<strong>{e(block.lead)}:</strong> " if block.lead else ""
        return f"<p>{lead}{e(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f"<th>{e(h)}</th>" for h in block.headers)
        body = "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + f"</{tag}>"
    if isinstance(block, Chart):
        return f"<figure>{svg.render(block)}<figcaption>{e(block.title)}</figcaption></figure>"
    raise TypeError(f"no HTML for {type(block).__name__}")
