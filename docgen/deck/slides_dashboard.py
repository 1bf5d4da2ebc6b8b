"""Planner of the one-page dashboard shown right after the cover.

A band of RAG tiles (overall with its trend, then each dimension), three panels side by side
(the next milestones with their slip, budget spent and forecast against the budget, the top
risks by score) and, across the bottom, the decisions asked of the committee with their
deadlines. Panels without data are left out and the others take their room; an item that does
not fit is counted in a "+n more" line, a text shortened with "…" is whole in the notes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docgen.deck import text as tx
from docgen.deck.dashboard_panels import budget_height, budget_shapes, decision_rows, milestone_rows, risk_rows
from docgen.deck.fmt import trend_text
from docgen.deck.measure import shorten
from docgen.deck.planning import TITLE_ONLY, Planning
from docgen.deck.rows import Row, place_rows, rows_height
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_risks import ranked
from docgen.model.status import Milestone, Status
from docgen.ooxml.drawingml.shapes import EMPHASIS, MUTED, RAG_FILL, RAG_TEXT, Box, LineShape, Para, Run, TextShape

GAP = 12.0          # between the band and the panels, and above the decisions
COL_GAP = 18.0      # between panels side by side
STRIP_H = 70.0      # the band of RAG tiles
TILE_GAP = 8.0
HEAD_H = 24.0       # a panel's heading and its rule
TOP, FLOOR = 14.0, 12.0  # text sizes tried: no dashboard text under 12 pt
NEXT = 3            # milestones and risks shown


def dashboard(ctx: Planning) -> list[SlidePlan]:
    """Return the dashboard slide, or [] when the status has nothing beyond its overall RAG."""
    s = ctx.status
    if not (s.dimensions and s.dimensions.items() or s.milestones or s.budget or s.risks
            or s.decisions_required):
        return []
    body = ctx.frame.body
    shapes = strip(ctx, Box(body.x, body.y, body.w, STRIP_H))
    lower = Box(body.x, body.y + STRIP_H + GAP, body.w, body.h - STRIP_H - GAP)
    panel_shapes, notes, data = panels(ctx, lower)
    return [SlidePlan("dashboard", TITLE_ONLY, ctx.title("dashboard"), shapes + panel_shapes,
                      notes=notes, data=data)]


def next_milestones(status: Status) -> list[Milestone]:
    """Return the milestones not reached yet, soonest (forecast, else baseline) first; undated ones left out."""
    ahead = [(m.forecast or m.baseline, n, m) for n, m in enumerate(status.milestones)
             if m.actual is None and m.status != "done" and (m.forecast or m.baseline)]
    return [m for _, _, m in sorted(ahead, key=lambda item: (item[0], item[1]))]


def strip(ctx: Planning, band: Box) -> list[TextShape]:
    """Return the band's shapes: the overall RAG tile with its trend, then one tile per dimension."""
    overall = ctx.status.overall
    width = min(170.0, band.w * 0.22)
    paras = [Para([Run(ctx.t("overall"))], 12, align="c"),
             Para([Run(ctx.labels.get(f"deck.rag.{overall.status}").upper(), bold=True)], 22, align="c")]
    if overall.trend:
        paras.append(Para([Run(trend_text(ctx.labels, overall.trend), bold=True)], 12, align="c"))
    for para in paras:
        para.color = RAG_TEXT[overall.status]
    shapes = [TextShape(Box(band.x, band.y, width, band.h), paras, geometry="roundRect",
                        fill=RAG_FILL[overall.status], anchor="ctr", inset=4, name="Overall RAG")]
    dims = ctx.status.dimensions.items() if ctx.status.dimensions else []
    if dims:
        left = band.x + width + GAP
        tile_w = (band.right - left - TILE_GAP * (len(dims) - 1)) / len(dims)
        for n, (name, dim) in enumerate(dims):
            shapes += _tile(ctx, name, dim, Box(left + n * (tile_w + TILE_GAP), band.y, tile_w, band.h))
    return shapes


def _tile(ctx: Planning, name: str, dim, box: Box) -> list[TextShape]:
    """Return a dimension tile: its name above a chip with the RAG word and trend."""
    inner = box.w - 8
    label = shorten(ctx.t(f"dimension_names.{name}"), inner, 12, 1, True, ctx.font)
    head = TextShape(Box(box.x, box.y, box.w, 22), [Para([Run(label, bold=True)], 12, align="c")],
                     anchor="b", inset=2, name=f"Dimension {name}")
    paras = [Para([Run(ctx.labels.get(f"deck.rag.{dim.status}", dim.status), bold=True)], 12, align="c")]
    if dim.trend:
        trend = trend_text(ctx.labels, dim.trend)
        if tx.para_lines(Para([Run(trend)], 12), inner, ctx.font) > 1:
            trend = trend.split(" ", 1)[0]  # the arrow alone when the word does not fit
        paras.append(Para([Run(trend)], 12, align="c"))
    for para in paras:
        para.color = RAG_TEXT[dim.status]
    chip = TextShape(Box(box.x, box.y + 26, box.w, box.h - 26), paras, geometry="roundRect",
                     fill=RAG_FILL[dim.status], anchor="ctr", inset=3, name=f"RAG {name}")
    return [head, chip]


@dataclass
class Panel:
    """A panel of rows: its label key, the rows it builds at a size and width, and how many items it has."""

    key: str
    build: Callable[[float, float, bool], list[Row]] | None  # (size, width, compact); None: the budget
    total: int = 0
    compact: bool = False  # rows without their secondary line, when nothing else fits


def _panels_of(ctx: Planning) -> tuple[list[Panel], Panel | None]:
    """Return the panels side by side (those with data) and the decisions panel (None without decisions)."""
    s = ctx.status
    upcoming = next_milestones(s)
    open_risks = ranked([r for r in s.risks if r.status == "open"])
    mid = []
    if s.milestones:
        mid.append(Panel("next_milestones", lambda size, w, c: milestone_rows(ctx, upcoming[:NEXT], size, w, c),
                         len(upcoming)))
    if s.budget:
        mid.append(Panel("budget", None))
    if s.risks:
        mid.append(Panel("top_risks", lambda size, w, c: risk_rows(ctx, open_risks[:NEXT], size, w, c),
                         len(open_risks)))
    decisions = sorted(s.decisions_required, key=lambda d: (d.deadline is None, d.deadline or s.report_date))
    asked = Panel("decisions", lambda size, w, c: decision_rows(ctx, decisions, size, w, c), len(decisions))
    return mid, asked if decisions else None


def panels(ctx: Planning, area: Box) -> tuple[list, list[str], list[str]]:
    """Return the shapes of the panels in ``area``, the full texts they shortened and what they leave out.

    One text size for the whole slide: the largest at which the decisions and the panels side by
    side above them all fit.
    """
    mid, asked = _panels_of(ctx)
    size, dec_h = _split(ctx, mid, asked, area)
    mid_h = area.h - dec_h - (GAP if dec_h and mid else 0)
    shapes: list = []
    notes: list[str] = []
    data: list[str] = []
    col_w = (area.w - COL_GAP * (len(mid) - 1)) / max(len(mid), 1)
    for n, panel in enumerate(mid):
        got, said, left = _panel(ctx, panel, Box(area.x + n * (col_w + COL_GAP), area.y, col_w, mid_h), size)
        shapes += got
        notes += said
        data += left
    if asked is not None:
        got, said, left = _panel(ctx, asked, Box(area.x, area.bottom - dec_h, area.w, dec_h), size)
        shapes += got
        notes += said
        data += left
    return shapes, notes, data


def _split(ctx: Planning, mid: list[Panel], asked: Panel | None, area: Box) -> tuple[float, float]:
    """Return the text size of the panels and the height of the decisions panel at the bottom of ``area``.

    Sizes go from TOP down to FLOOR; at FLOOR a panel that still does not fit is made compact
    (no owner, recommendation or separate baseline line), the decisions last. The decisions
    take what they need, at most 45 % of ``area``.
    """
    col_w = (area.w - COL_GAP * (len(mid) - 1)) / max(len(mid), 1)
    size = TOP
    while True:
        dec_h = _decisions_height(ctx, mid, asked, area, size)
        box = _content(Box(area.x, area.y, col_w, area.h - dec_h - (GAP if dec_h and mid else 0)))
        if size <= FLOOR:
            break
        if all(_fits(ctx, panel, box, size) for panel in mid):
            return size, dec_h
        size -= 1
    for panel in mid:
        panel.compact = panel.build is not None and not _fits(ctx, panel, box, size)
    if asked is not None and not all(_fits(ctx, panel, box, size) for panel in mid):
        asked.compact = True
        dec_h = _decisions_height(ctx, mid, asked, area, size)
    return size, dec_h


def _decisions_height(ctx: Planning, mid: list[Panel], asked: Panel | None, area: Box, size: float) -> float:
    """Return the height of the decisions panel: all of ``area`` alone, else its need up to 45 % of it."""
    if asked is None:
        return 0.0
    if not mid:
        return area.h
    assert asked.build is not None  # only the budget panel builds no rows
    need = HEAD_H + 4 + rows_height(asked.build(size, area.w, asked.compact), area.w, ctx.font)
    return min(need, area.h * 0.45)


def _fits(ctx: Planning, panel: Panel, box: Box, size: float) -> bool:
    """Return True when the content of ``panel`` at ``size`` fits ``box``."""
    if panel.build is None:
        return budget_height(ctx, size, box.w) <= box.h
    return rows_height(panel.build(size, box.w, panel.compact), box.w, ctx.font) <= box.h


def _content(box: Box) -> Box:
    """Return the part of a panel box below its heading."""
    return Box(box.x, box.y + HEAD_H + 4, box.w, box.h - HEAD_H - 4)


def _panel(ctx: Planning, panel: Panel, box: Box, size: float) -> tuple[list, list[str], list[str]]:
    """Return a panel's heading, rule and content at ``size``, the texts it shortened and what it leaves out."""
    title = ctx.t(f"dashboard.{panel.key}")
    heading = TextShape(Box(box.x, box.y, box.w, HEAD_H - 2),
                        [Para([Run(shorten(title, box.w - 4, 14, 1, True, ctx.font), bold=True,
                                   color=EMPHASIS)], 14)], anchor="b", inset=2, name=title)
    y = box.y + HEAD_H - 1
    shapes: list = [heading, LineShape(box.x, y, box.right, y, EMPHASIS, 1.5)]
    content = _content(box)
    if panel.build is None:
        return shapes + budget_shapes(ctx, content, size), [], []
    built = panel.build(size, content.w, panel.compact)
    notes = [text for row in built for text in row.notes or []]
    placed, left_out = place_rows(built, content, ctx.font, title)
    if left_out:  # a line at the bottom says how many more there are
        line = ctx.font.line_height(size) + 4
        placed, left_out = place_rows(built, Box(content.x, content.y, content.w, content.h - line),
                                      ctx.font, title)
        more = Para([Run(ctx.t("dashboard.more").format(count=left_out), italic=True, color=MUTED)], size)
        placed.append(TextShape(Box(content.x, content.bottom - line, content.w, line), [more], inset=2,
                                name="More"))
    shown = len(built) - left_out
    data = ([ctx.t("dashboard.shown").format(title=title, shown=shown, total=panel.total)]
            if panel.total > shown else [])
    return shapes + placed, notes, data
