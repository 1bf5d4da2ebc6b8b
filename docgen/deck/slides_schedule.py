"""Planners of the delivery slides: milestone table and budget (the timeline: docgen.deck.slides_timeline)."""

from __future__ import annotations

from docgen.deck.fmt import decimals_for, money, number, unit
from docgen.deck.measure import shorten
from docgen.deck.planning import TITLE_ONLY, Planning, numbered, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.tables import Column, fit_table
from docgen.ooxml.drawingml.shapes import (
    EMPHASIS,
    EMPHASIS_TEXT,
    PANEL,
    RAG_FILL,
    RAG_TEXT,
    Box,
    Cell,
    ChartShape,
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


EV_H = 46.0  # the earned-value band under the budget table


def budget(ctx: Planning) -> list[SlidePlan]:
    """Return the budget slide(s): native chart, table with variance and totals, earned value.

    The chart sits left of the table; a table too long for that room takes the whole width
    and the chart gets a slide of its own, first.
    """
    s, body = ctx.status, ctx.frame.body
    if not s.budget:
        return []
    columns, rows, total = _budget_table(ctx)
    ev_paras = _earned_value(ctx)
    ev_h = EV_H if ev_paras else 0.0
    chart_w = body.w * 0.46
    right = Box(body.x + chart_w + 20, body.y, body.w - chart_w - 20, body.h - ev_h)
    tables = fit_table(columns, rows, right, ctx.font, 14, 10, total)
    wide = len(tables) > 1
    if wide:
        tables = fit_table(columns, rows, Box(body.x, body.y, body.w, body.h - ev_h), ctx.font, 14, 10, total)
    chart = _budget_chart(ctx, Box(body.x, body.y, chart_w, body.h), unit(s.project.currency, ctx.lang))
    slides = []
    for i, table in enumerate(tables, 1):
        shapes: list = [table] if wide else [chart, table]
        if ev_paras and i == len(tables):
            shapes.append(_earned_value_band(ctx, table.box, ev_paras, ev_h))
        slides.append(SlidePlan("budget", TITLE_ONLY, numbered(ctx.title("budget"), i, len(tables)), shapes))
    if wide:
        slides.insert(0, SlidePlan("budget", TITLE_ONLY, ctx.title("budget"),
                                   [ChartShape(body, chart.categories, chart.series, chart.title,
                                               descr=chart.descr)]))
    return slides


def _budget_table(ctx: Planning) -> tuple[list[Column], list[list[Cell]], list[Cell]]:
    """Return the columns, the rows (one a budget line) and the total row of the budget table."""
    lines, cur, lang = ctx.status.budget, ctx.status.project.currency, ctx.lang
    dec = decimals_for([a for b in lines for a in (b.budget, b.actual, b.forecast or 0)])

    def fmt(value: float, signed: bool = False) -> str:
        return money(value, cur, lang, dec, signed)

    def row(name: str, b: float, a: float, f: float, bold: bool = False) -> list[Cell]:
        v = f - b
        colour = OVERRUN if v > 0 else UNDERRUN if v < 0 else None
        fill = PANEL if bold else None
        return [Cell(name, bold=True, fill=fill)] + [
            Cell(fmt(x), align="r", bold=bold, fill=fill) for x in (b, a, f)
        ] + [Cell(fmt(v, True), align="r", bold=True, color=colour, fill=fill)]

    columns = [Column(ctx.t("category"), weight=1)] + [
        Column(ctx.t(k), nowrap=True, align="r") for k in ("budget_col", "actual_col", "forecast_col", "variance")
    ]
    forecasts = [b.forecast if b.forecast is not None else b.budget for b in lines]
    rows = [row(b.category, b.budget, b.actual, f) for b, f in zip(lines, forecasts)]
    total = row(ctx.t("total"), sum(b.budget for b in lines), sum(b.actual for b in lines), sum(forecasts),
                bold=True)
    return columns, rows, total


def _earned_value_band(ctx: Planning, table: Box, paras: list[Para], ev_h: float) -> TextShape:
    """Return the earned-value band under the budget table (``table`` its box), kept on the body."""
    body = ctx.frame.body
    y = min(table.bottom + 16, body.bottom - ev_h + 8)
    return TextShape(Box(table.x, y, table.w, ev_h - 8), paras, fill=PANEL, anchor="ctr", name="Earned value")


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
