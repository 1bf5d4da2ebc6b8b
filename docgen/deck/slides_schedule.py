"""Planners of the delivery slides: milestone table, milestone timeline, budget."""

from __future__ import annotations

from datetime import date

from docgen.deck import text as tx
from docgen.deck.fmt import decimals_for, money, number, unit
from docgen.deck.measure import shorten, text_width
from docgen.deck.planning import TITLE_ONLY, Planning, numbered, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.tables import Column, fit_table
from docgen.model.status import Milestone
from docgen.ooxml.drawingml.shapes import (
    BORDER,
    EMPHASIS,
    EMPHASIS_TEXT,
    LATE,
    MUTED,
    PANEL,
    RAG_FILL,
    RAG_TEXT,
    RULE,
    Box,
    Cell,
    ChartShape,
    LineShape,
    Para,
    Run,
    TextShape,
)

MILESTONE_RAG = {"done": None, "on_track": "green", "at_risk": "amber", "late": "red"}
OVERRUN = "overrun"  # colour roles (docgen.ooxml.drawingml.palette)
UNDERRUN = "underrun"


def milestone_cell(ctx: Planning, status: str | None) -> Cell:
    """Return the status cell of a milestone, coloured like a RAG (done in the emphasis colour)."""
    if not status:
        return Cell("")
    word = ctx.t(f"milestone_status.{status}")
    rag = MILESTONE_RAG[status]
    if rag is None:
        return Cell(word, bold=True, fill=EMPHASIS, color=EMPHASIS_TEXT, align="c")
    return Cell(word, bold=True, fill=RAG_FILL[rag], color=RAG_TEXT[rag], align="c")


def milestones(ctx: Planning) -> list[SlidePlan]:
    """Return the milestone table slide(s): dates, slip in days and status."""
    items = ctx.status.milestones
    if not items:
        return []
    with_comment = any(m.comment for m in items)
    columns = [
        Column("#", nowrap=True, align="c"),
        Column(ctx.t("milestone"), weight=2),
        Column(ctx.t("baseline"), nowrap=True),
        Column(ctx.t("forecast"), nowrap=True),
        Column(ctx.t("actual"), nowrap=True),
        Column(ctx.t("slip"), nowrap=True, align="r"),
        Column(ctx.t("status"), nowrap=True, align="c"),
    ] + ([Column(ctx.t("comment"), weight=1.5)] if with_comment else [])
    rows = []
    for number_, m in enumerate(items, 1):
        slip = m.slip_days
        slip_text = "" if slip is None else (f"+{slip}" if slip > 0 else str(slip))
        row = [
            Cell(m.id or str(number_), align="c"),
            Cell(m.name, bold=True),
            Cell(ctx.day(m.baseline)),
            Cell(ctx.day(m.forecast)),
            Cell(ctx.day(m.actual)),
            Cell(slip_text, align="r", bold=bool(slip and slip > 0),
                 color=OVERRUN if slip and slip > 0 else None),
            milestone_cell(ctx, m.status),
        ]
        if with_comment:
            row.append(Cell(m.comment or ""))
        rows.append(row)
    return table_slides(ctx, "milestones", ctx.title("milestones"), columns, rows)


def _when(m: Milestone) -> date | None:
    return m.actual or m.forecast or m.baseline


def timeline(ctx: Planning) -> list[SlidePlan]:
    """Return timeline slide(s): milestones on a date axis, labels above and below, no overlap.

    Milestones are spread over as few slides as lets every label find a free lane.
    """
    dated = [(i, m) for i, m in enumerate(ctx.status.milestones, 1) if _when(m)]
    if not dated:
        return []
    dated.sort(key=lambda item: (_when(item[1]), item[0]))
    for per_slide in (12, 10, 8, 7, 6, 5, 4, 3, 2, 1):
        count = -(-len(dated) // per_slide)
        even = -(-len(dated) // count)
        chunks = [dated[i:i + even] for i in range(0, len(dated), even)]
        placed = [_timeline_shapes(ctx, chunk) for chunk in chunks]
        if all(p is not None for p in placed):
            break
    return [
        SlidePlan("milestones", TITLE_ONLY,
                  numbered(ctx.t("titles.timeline"), n, len(chunks)), shapes or [])
        for n, shapes in enumerate(placed, 1)  # one milestone a slide always fits: no None is left
    ]


def _timeline_shapes(ctx: Planning, chunk: list[tuple[int, Milestone]]) -> list | None:
    body = ctx.frame.body
    dates = [d for _, m in chunk for d in (m.baseline, m.forecast, m.actual) if d]
    dates.append(ctx.status.report_date)
    start, end = min(dates), max(dates)
    span = max((end - start).days, 1)
    left, right = body.x + 60, body.right - 60
    axis_y = body.y + body.h / 2

    def x_of(day: date) -> float:
        return left + (right - left) * (day - start).days / span

    shapes: list = [LineShape(body.x, axis_y, body.right, axis_y, EMPHASIS, 2.5, overlay=False)]
    today = x_of(ctx.status.report_date)
    shapes.append(LineShape(today, body.y + 8, today, body.bottom - 8, LATE, 1.25, dash=True))
    label_w, size = 150.0, 11.0
    lane_h = 3 * ctx.font.line_height(size) + 8
    lanes = min(4, max(1, int((body.h / 2 - 30) // lane_h)))
    ends = {(side, lane): -1e9 for side in (-1, 1) for lane in range(lanes)}
    slots = [(side, lane) for lane in range(lanes) for side in (-1, 1)]
    for number_, m in chunk:
        day = _when(m)
        assert day is not None  # a chunk holds dated milestones only
        x = x_of(day)
        lx = min(max(x - label_w / 2, body.x), body.right - label_w)
        slot = next((s for s in slots if ends[s] + 6 <= lx), None)
        if slot is None:
            return None
        ends[slot] = lx + label_w
        side, lane = slot
        name = m.id or str(number_)
        line1 = tx.fit_para(Para([Run(f"{name}. {m.name}" if not m.id else f"{m.id} {m.name}",
                                      bold=True)], size), label_w - 8,
                            2 * ctx.font.line_height(size), ctx.font)
        slip = m.slip_days
        when = ctx.day(day) + (f" (+{slip} d)" if slip and slip > 0 else "")
        line2 = Para([Run(when, color=MUTED)], size - 1)
        height = tx.paras_height([line1, line2], label_w - 8, ctx.font) + 8
        gap = 16 + lane * lane_h
        y = axis_y - gap - height if side < 0 else axis_y + gap
        shapes.append(TextShape(Box(lx, y, label_w, height), [line1, line2], inset=4,
                                fill=PANEL, name=f"Milestone {name}"))
        shapes.append(LineShape(x, axis_y, x, y + height if side < 0 else y, RULE, 0.75))
        rag = MILESTONE_RAG.get(m.status or "", None)
        colour = RAG_FILL[rag] if rag else EMPHASIS
        shapes.append(TextShape(Box(x - 7, axis_y - 7, 14, 14), geometry="diamond", fill=colour,
                                line=BORDER, overlay=True, name="Marker"))
    months = _month_ticks(start, end)
    for tick in months:
        tx_ = x_of(tick)
        label = ctx.labels["date.months_short"][tick.month - 1] + f" {tick.year % 100:02d}"
        w = text_width(label, 10, False, ctx.font) + 8
        shapes.append(TextShape(Box(tx_ - w / 2, axis_y + 2, w, 14),
                                [Para([Run(label, color=MUTED)], 10, align="c")], inset=0,
                                overlay=True, name="Month"))
    return shapes


def _month_ticks(start: date, end: date) -> list[date]:
    ticks, y, m = [], start.year, start.month + 1
    while True:
        if m > 12:
            y, m = y + 1, 1
        day = date(y, m, 1)
        if day > end:
            break
        ticks.append(day)
        m += 1
    step = max(1, len(ticks) // 12 + (1 if len(ticks) % 12 else 0)) if len(ticks) > 12 else 1
    return ticks[::step]


def budget(ctx: Planning) -> list[SlidePlan]:
    """Return the budget slide(s): native chart, table with variance and totals, earned value."""
    s, body = ctx.status, ctx.frame.body
    lines = s.budget
    if not lines:
        return []
    cur, lang = s.project.currency, ctx.lang
    amounts = [a for b in lines for a in (b.budget, b.actual, b.forecast or 0)]
    dec = decimals_for(amounts)

    def fmt(value: float, signed: bool = False) -> str:
        return money(value, cur, lang, dec, signed)

    columns = [Column(ctx.t("category"), weight=1)] + [
        Column(ctx.t(k), nowrap=True, align="r")
        for k in ("budget_col", "actual_col", "forecast_col", "variance")
    ]

    def row(name: str, b: float, a: float, f: float, bold: bool = False) -> list[Cell]:
        v = f - b
        colour = OVERRUN if v > 0 else UNDERRUN if v < 0 else None
        fill = PANEL if bold else None
        return [Cell(name, bold=True, fill=fill)] + [
            Cell(fmt(x), align="r", bold=bold, fill=fill) for x in (b, a, f)
        ] + [Cell(fmt(v, True), align="r", bold=True, color=colour, fill=fill)]

    rows = [row(b.category, b.budget, b.actual, b.forecast if b.forecast is not None else b.budget)
            for b in lines]
    tb = sum(b.budget for b in lines)
    ta = sum(b.actual for b in lines)
    tf = sum(b.forecast if b.forecast is not None else b.budget for b in lines)
    total = row(ctx.t("total"), tb, ta, tf, bold=True)
    ev_paras = _earned_value(ctx)
    ev_h = 46.0 if ev_paras else 0.0
    chart_w = body.w * 0.46
    right = Box(body.x + chart_w + 20, body.y, body.w - chart_w - 20, body.h - ev_h)
    tables = fit_table(columns, rows, right, ctx.font, 14, 10, total)
    wide = len(tables) > 1  # the table takes the whole width; the chart gets a slide of its own
    if wide:
        full = Box(body.x, body.y, body.w, body.h - ev_h)
        tables = fit_table(columns, rows, full, ctx.font, 14, 10, total)
    chart = _budget_chart(ctx, Box(body.x, body.y, chart_w, body.h), unit(cur, lang))
    slides = []
    for i, table in enumerate(tables, 1):
        shapes: list = [table]
        if not wide:
            shapes.insert(0, chart)
        if ev_paras and i == len(tables):
            ev_y = min(table.box.bottom + 16, body.bottom - ev_h + 8)
            shapes.append(TextShape(Box(table.box.x, ev_y, table.box.w,
                                        ev_h - 8), ev_paras, fill=PANEL, anchor="ctr",
                                    name="Earned value"))
        slides.append(SlidePlan("budget", TITLE_ONLY,
                                numbered(ctx.title("budget"), i, len(tables)), shapes))
    if wide:
        slides.insert(0, SlidePlan("budget", TITLE_ONLY, ctx.title("budget"),
                                   [ChartShape(body, chart.categories, chart.series,
                                               chart.title, descr=chart.descr)]))
    return slides


def _budget_chart(ctx: Planning, box: Box, amounts: str) -> ChartShape:
    """Return the column chart of the budget lines (in thousands, ``amounts`` their unit) with its alt text."""
    lines = ctx.status.budget
    # A category label longer than two lines under its columns is shortened (whole in the table).
    categories = [shorten(b.category, box.w / 2, 10, 2, False, ctx.font) for b in lines]
    series = [(ctx.t(k), [round(getattr(b, a) if getattr(b, a) is not None else b.budget) / 1000
                          for b in lines])
              for k, a in (("budget_col", "budget"), ("actual_col", "actual"), ("forecast_col", "forecast"))]
    title = f"{ctx.t('chart_title')} ({amounts})"
    descr = ctx.labels.get("deck.chart_alt", "{title}: {series}; {categories}.").format(
        title=title, series=", ".join(name for name, _ in series), count=len(lines),
        categories=", ".join(b.category for b in lines))
    return ChartShape(box, categories, series, title=title, descr=descr)


def _earned_value(ctx: Planning) -> list[Para]:
    ev = ctx.status.earned_value
    if ev is None:
        return []
    parts = []
    for key, value in (("spi", ev.schedule_index), ("cpi", ev.cost_index)):
        if value is not None:
            parts.append(f"{ctx.t(key)} {number(value, ctx.lang)}")
    if not parts:
        return []
    runs = [Run(ctx.t("earned_value") + ":  ", bold=True), Run("   ·   ".join(parts), bold=True)]
    return [Para(runs, 14, align="c")]
