"""Place a DeckPlan on the template and write a reproducible .pptx atomically.

The plan decides what goes where (reading order, footer sizes); the package and its DrawingML
are written by :mod:`docgen.ooxml.pptx_deck` on the template's cached skeleton.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from docgen.deck.measure import Font, font_for, shorten, text_width
from docgen.deck.palette import palette_for
from docgen.deck.shapes import DeckPlan, SlidePlan
from docgen.deck.template import DeckTemplate
from docgen.ooxml.drawingml.palette import Palette
from docgen.ooxml.drawingml.shape_xml import EMU, emu
from docgen.ooxml.drawingml.shapes import Box, ChartShape, TableShape, TextShape
from docgen.ooxml.package import write_package
from docgen.ooxml.pptx_deck import DeckPackage, footer_xml, subtitle_xml, title_xml
from docgen.ooxml.pptx_skeleton import LayoutInfo

FOOTER_FLOOR = 7.0  # footer sizes go down to 7 pt; a longer footer is then shortened with "…"

TOL = 0.5  # points: boxes sharing a hairline do not overlap (as Box.overlaps)


def write_deck(plan: DeckPlan, template: DeckTemplate, dest: Path, when: datetime) -> Path:
    """Write ``plan`` on ``template`` to ``dest`` (reproducible, atomic); return ``dest``."""
    template.check([(s.kind, s.layout) for s in plan.slides])
    return write_package(deck_parts(plan, template, when), dest)


def deck_parts(plan: DeckPlan, template: DeckTemplate, when: datetime) -> dict[str, bytes]:
    """Return the parts of the deck package for ``plan`` with core times set to ``when``."""
    skeleton = template.skeleton
    if any(s.notes for s in plan.slides):  # speaker notes need a notes master
        skeleton = skeleton.with_notes()
    deck = DeckPackage.start(skeleton, when)
    font = font_for(template.frame.font_name)
    pal = palette_for(template.path)  # deck.yaml beside the template, else theme colours
    deck.palette = pal
    for number, slide_plan in enumerate(plan.slides, 1):
        info = skeleton.layouts[template.layout_for(slide_plan.kind, slide_plan.layout)]
        title, placed = _placeholders_xml(slide_plan, plan, number, info, font, pal, template.moved)
        deck.add_slide(info, title, placed, _keyed(slide_plan.shapes), slide_plan.notes)
    core = skeleton.core_xml(plan.title, plan.footer, plan.language).encode("utf-8")
    return deck.finish(core)


def _placeholders_xml(sp: SlidePlan, plan: DeckPlan, number: int, info: LayoutInfo,
                      font: Font, pal: Palette, moved: dict[str, Box]) -> tuple[str, list[tuple[tuple[int, int], str]]]:
    """Return the title placeholder's XML, and ((top, left), XML) of the subtitle and footer placeholders."""
    title = ""
    placed = []
    if info.title_ph:
        title = title_xml(info.title_ph, sp.title, sp.title_size, moved.get(
            "cover_title" if sp.layout == "Title Slide" else "title"))
    if info.subtitle_ph and sp.subtitle:
        placed.append((info.positions.get("subtitle", (0, 0)),
                       subtitle_xml(info.subtitle_ph, sp.subtitle, pal, moved.get("cover_subtitle"))))
    if sp.layout == "Title Slide":
        return title, placed
    values = {"footer": plan.footer, "date": plan.date_text, "number": str(number)}
    for kind, template, width, _ in info.footers:
        placed.append((info.positions.get(kind, (0, 0)), _footer_xml(kind, values[kind], template, width, font)))
    return title, placed


def _footer_xml(kind: str, text: str, template: str, width: float, font: Font) -> str:
    """Return a footer placeholder (``kind`` footer, date or number) holding ``text`` sized to fit ``width`` points."""
    size = 10.0
    while size > FOOTER_FLOOR and text_width(text, size, False, font) > width - 14.4:
        size -= 0.5
    # Still too wide: shortened, whole on the cover or in its notes (a width of 0 is unknown).
    if width > 14.4 and text_width(text, size, False, font) > width - 14.4:
        text = shorten(text, width - 14.4, size, 1, False, font)
    return footer_xml(kind, text, template, size)


def _keyed(shapes: list) -> list[tuple[tuple[int, int], object]]:
    """Return ``shapes`` in reading order (see :func:`reading_order`), each with the (top, left) it is read out at.

    A decoration goes with the shape before it.
    """
    keyed, key = [], (-1, -1)
    for shape in reading_order(shapes):
        key = position(shape) if _holds_text(shape) else key
        keyed.append((key, shape))
    return keyed


def _holds_text(shape) -> bool:
    """Return True when ``shape`` is read out: a table, a chart, or a text shape with some text."""
    if isinstance(shape, (TableShape, ChartShape)):
        return True
    return isinstance(shape, TextShape) and any(p.text.strip() for p in shape.paras)


def position(shape) -> tuple[int, int]:
    """Return (top, left) in EMU of ``shape`` as written: where it falls in the reading order."""
    if isinstance(shape, ChartShape):  # chart frames truncate, as python-pptx does
        return int(shape.box.y * EMU), int(shape.box.x * EMU)
    return emu(shape.box.y), emu(shape.box.x)


def reading_order(shapes: list) -> list:
    """Return ``shapes`` in the order the shape tree draws them, so a screen reader reads them in visual order.

    The shapes read out (:func:`_holds_text`) go top to bottom, then left to right. Each decoration
    (line, empty fill) goes just above the last shape it was planned over (a progress bar over its
    table, a marker over its connector), and never above a shape planned over it (a label over a
    connector): that one wins when both cannot hold.
    """
    read = [_holds_text(s) for s in shapes]
    edges = [_edges(n, s.box) for n, s in enumerate(shapes)]  # a line's box is made on each call: once here
    out = sorted((edges[n] for n, holds in enumerate(read) if holds), key=lambda e: position(shapes[e[0]]))
    for n in range(len(shapes)):
        if read[n]:
            continue
        _, x0, y0, x1, y1 = edges[n]
        under, over = -1, len(out)
        for k, (other, ox0, oy0, ox1, oy1) in enumerate(out):
            if x0 < ox1 and ox0 < x1 and y0 < oy1 and oy0 < y1:  # Box.overlaps: more than a hairline shared
                if other < n:
                    under = k
                elif k < over:
                    over = k
        out.insert(min(under + 1, over), edges[n])
    return [shapes[e[0]] for e in out]


def _edges(n: int, box) -> tuple[int, float, float, float, float]:
    """Return (n, left, top, right, bottom) of ``box``, its right and bottom brought in by TOL.

    Two such boxes overlap as :meth:`Box.overlaps` says when each one's left and top lie before
    the other's (brought in) right and bottom.
    """
    return n, box.x, box.y, box.x + box.w - TOL, box.y + box.h - TOL
