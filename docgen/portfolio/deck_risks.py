"""Planner of the top-risk slides: the deck's 5 x 5 heat map and risk register on the open risks scored 12
or more across projects, each named with its project (``HRIS-26/R-004``).

The heat map cells are refilled so a project-qualified id is never broken inside: ids wrap only
between ids, the size goes down to 8 pt, then a crowded cell reads "HRIS-26/R-004 +3".
"""

from __future__ import annotations

from dataclasses import replace

from docgen.deck.measure import text_width
from docgen.deck.planning import numbered
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_risks import heatmap, register
from docgen.ooxml.drawingml.shapes import Para, Run, TextShape
from docgen.portfolio.deck_planning import PortfolioPlanning


def top_risks(pc: PortfolioPlanning) -> list[SlidePlan]:
    """Return the heat map and register slides of the portfolio's top risks (none without any)."""
    if not pc.ctx.status.risks:
        return []
    w = pc.words
    slides = heatmap(pc.ctx)
    for slide in slides:
        slide.title = w("titles.heatmap")
        slide.shapes = [_refill(pc, s) if isinstance(s, TextShape) and s.name.startswith("Cell P") else s
                        for s in slide.shapes]
    table = register(pc.ctx)
    for i, slide in enumerate(table, 1):
        slide.title = numbered(w("titles.risks"), i, len(table))
    return slides + table


def _refill(pc: PortfolioPlanning, shape: TextShape) -> TextShape:
    """Return the heat map cell ``shape`` with its ids laid out whole, one line per run of ids."""
    ids = _cell_ids(pc, shape)
    if not ids:
        return shape
    font = pc.ctx.font
    width, height = shape.box.w - 6, shape.box.h - 6
    for size in (14, 13, 12, 11, 10, 9, 8):
        lines = _lines(ids, width, size, font)
        if lines and len(lines) * font.line_height(size) <= height:
            return replace(shape, paras=[Para([Run(line, bold=True)], size, align="c") for line in lines])
    for keep in range(len(ids) - 1, 0, -1):
        lines = _lines(ids[:keep], width, 8, font)
        if lines:
            lines[-1] += f" +{len(ids) - keep}"
            if text_width(lines[-1], 8, True, font) <= width and len(lines) * font.line_height(8) <= height:
                return replace(shape, paras=[Para([Run(line, bold=True)], 8, align="c") for line in lines])
    return replace(shape, paras=[Para([Run(str(len(ids)), bold=True)], 12, align="c")])


def _cell_ids(pc: PortfolioPlanning, shape: TextShape) -> list[str]:
    """Return the qualified ids of the open risks in the heat map cell ``shape`` ("Cell P4 I5")."""
    p, i = (int(part[1:]) for part in shape.name.split()[1:3])
    return [r.id or "" for r in pc.ctx.status.risks if r.status == "open" and (r.probability, r.impact) == (p, i)]


def _lines(ids: list[str], width: float, size: float, font) -> list[str] | None:
    """Return ``ids`` joined by ", " in lines no wider than ``width``, or None when one id alone is wider."""
    lines: list[str] = []
    for ident in ids:
        if text_width(ident + ",", size, True, font) > width:
            return None
        candidate = f"{lines[-1]}, {ident}" if lines else ident
        if lines and text_width(candidate + ",", size, True, font) <= width:
            lines[-1] = candidate
        else:
            if lines:
                lines[-1] += ","
            lines.append(ident)
    return lines
