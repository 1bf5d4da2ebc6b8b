"""Repeated and conditional blocks: table rows (``{%tr ... %}``) and paragraphs (``{%p ... %}``).

docxtpl's convention, carried over to PowerPoint: a table row holding ``{%tr for r in risks %}``
starts a block, a row holding ``{%tr endfor %}`` ends it; the rows between are repeated once
per item (copies of the rows, so cell fills, borders and fonts are kept) and both marker rows
are removed, whatever else they hold. ``{%tr if cond %}`` … ``{%tr endif %}`` keep their rows
only when the condition holds. Paragraphs of a text box or cell work the same way with
``{%p for x in achievements %}`` … ``{%p endfor %}`` and ``{%p if %}`` … ``{%p endif %}``.
Blocks nest. Everything else is rendered paragraph by paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy

from lxml import etree

from docgen.errors import TemplateError
from docgen.ooxml.pptx_template.paragraphs import (
    A,
    P,
    paragraph_text,
    render_paragraph,
    straighten,
)
from docgen.ooxml.pptx_template.where import Engine, Where

TR, TC, TXBODY = f"{{{A}}}tr", f"{{{A}}}tc", f"{{{A}}}txBody"
_MARKER = r"\{{%-?\s*{kind}\s+(for|if|endfor|endif)\b\s*(.*?)\s*-?%\}}"
_CLOSE = {"for": "endfor", "if": "endif"}
Leaf = Callable[[etree._Element, dict], None]


def marker(text: str, kind: str) -> tuple[str, str] | None:
    """Return (verb, expression) of the ``{%<kind> ... %}`` marker in ``text``, or None."""
    found = re.search(_MARKER.format(kind=kind), straighten(text))
    return (found.group(1), found.group(2)) if found else None


def expand(elements: list[etree._Element], kind: str, text_of: Callable[[etree._Element], str],
           leaf: Leaf, engine: Engine, context: dict, where: Where) -> list[etree._Element]:
    """Return ``elements`` with their blocks expanded for ``context`` and every other one rendered."""
    out: list[etree._Element] = []
    i = 0
    while i < len(elements):
        text = text_of(elements[i])
        found = marker(text, kind)
        if found is None:
            leaf(elements[i], context)
            out.append(elements[i])
            i += 1
            continue
        verb, expr = found
        if verb in _CLOSE.values():
            raise TemplateError(f"{where.template}: template syntax error{where.text(text)}: "
                                f"'{{%{kind} {verb} %}}' without its opening marker")
        end = _closing(elements, i, kind, verb, text_of, where, text)
        body = elements[i + 1:end]
        for item in engine.loops(verb, expr, context, where, text):
            copies = [deepcopy(e) for e in body]
            out.extend(expand(copies, kind, text_of, leaf, engine, item, where))
        i = end + 1
    return out


def _closing(elements, start: int, kind: str, verb: str, text_of, where: Where, text: str) -> int:
    depth = 0
    for j in range(start + 1, len(elements)):
        found = marker(text_of(elements[j]), kind)
        if found is None:
            continue
        if found[0] == verb:
            depth += 1
        elif found[0] == _CLOSE[verb]:
            if depth == 0:
                return j
            depth -= 1
    raise TemplateError(f"{where.template}: template syntax error{where.text(text)}: "
                        f"no '{{%{kind} {_CLOSE[verb]} %}}' closes this marker")


def render_text_body(body: etree._Element, engine: Engine, context: dict, where: Where) -> None:
    """Render a text frame (``p:txBody`` or a cell's ``a:txBody``) in place: blocks, then paragraphs."""
    paragraphs = [c for c in body if c.tag == P]
    if not any("{" in paragraph_text(p) for p in paragraphs):
        return
    out = expand(paragraphs, "p", paragraph_text,
                 lambda p, ctx: render_paragraph(p, engine, ctx, where), engine, context, where)
    _replace(body, paragraphs, out)
    if not out:
        body.append(etree.Element(P))  # a text frame holds at least one paragraph


def render_table(tbl: etree._Element, engine: Engine, context: dict, where: Where) -> int:
    """Render a table (``a:tbl``) in place: row blocks, then every cell; return the rows left."""
    rows = [c for c in tbl if c.tag == TR]

    def render_row(tr: etree._Element, ctx: dict) -> None:
        for col, tc in enumerate(tr.iterfind(TC), 1):
            body = tc.find(TXBODY)
            if body is not None:
                number = next((n for n, row in enumerate(rows, 1) if row is tr), None)
                render_text_body(body, engine, ctx, where.cell(number, col))

    out = expand(rows, "tr", _row_text, render_row, engine, context, where)
    _replace(tbl, rows, out)
    return len(out)


def _row_text(tr: etree._Element) -> str:
    return " ".join(paragraph_text(p) for p in tr.iter(P))


def _replace(parent: etree._Element, old: list[etree._Element], new: list[etree._Element]) -> None:
    """Put ``new`` where ``old`` stood among the children of ``parent``."""
    if not old:
        return
    position = list(parent).index(old[0])
    for element in old:
        parent.remove(element)
    for offset, element in enumerate(new):
        parent.insert(position + offset, element)
