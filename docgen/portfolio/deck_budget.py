"""Planner of the budget roll-up slides: per currency a native chart and a project table with its total.

Amounts of different currencies are never added: with several currencies a summary slide lists
one total per currency, then each currency has its own slides. The chart shows at most
CHART_MAX projects (the largest budgets); every project is in the table.
"""

from __future__ import annotations

from docgen.deck.fmt import decimals_for, money, unit
from docgen.deck.measure import shorten
from docgen.deck.planning import TITLE_ONLY, numbered
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_schedule import OVERRUN, UNDERRUN
from docgen.deck.tables import Column, fit_table
from docgen.ooxml.drawingml.shapes import PANEL, Box, Cell, ChartShape
from docgen.portfolio.deck_planning import PortfolioPlanning
from docgen.portfolio.summary import CurrencyTotal, Portfolio

CHART_MAX = 12


def budget(pc: PortfolioPlanning, portfolio: Portfolio) -> list[SlidePlan]:
    """Return the budget roll-up slides: a per-currency summary when there are several, then each currency."""
    slides = _summary(pc, portfolio.totals) if len(portfolio.totals) > 1 else []
    for total in portfolio.totals:
        slides += _currency(pc, total)
    return slides


def _amount_cells(pc: PortfolioPlanning, currency: str, values: tuple[float, float, float], dec: int,
                  bold: bool = False) -> list[Cell]:
    fill = PANEL if bold else None
    b, a, f = values
    v = f - b
    colour = OVERRUN if v > 0 else UNDERRUN if v < 0 else None
    lang = pc.words.language
    return [Cell(money(x, currency, lang, dec), align="r", bold=bold, fill=fill) for x in (b, a, f)] + [
        Cell(money(v, currency, lang, dec, True), align="r", bold=True, color=colour, fill=fill)]


def _amount_columns(pc: PortfolioPlanning) -> list[Column]:
    w = pc.words
    return [Column(w(k), nowrap=True, align="r") for k in ("budget", "actual", "forecast", "variance")]


def _summary(pc: PortfolioPlanning, totals: list[CurrencyTotal]) -> list[SlidePlan]:
    w = pc.words
    columns = [Column(w("currency"), weight=1), Column(w("projects"), nowrap=True, align="r"),
               *_amount_columns(pc)]
    rows = []
    for t in totals:
        dec = decimals_for([t.budget, t.actual, t.forecast])
        rows.append([Cell(t.currency, bold=True), Cell(str(len(t.rows)), align="r"),
                     *_amount_cells(pc, t.currency, (t.budget, t.actual, t.forecast), dec)])
    tables = fit_table(columns, rows, pc.ctx.frame.body, pc.ctx.font, 18, 10)
    title = w("titles.budget_summary")
    return [SlidePlan("budget", TITLE_ONLY, numbered(title, i, len(tables)), [t])
            for i, t in enumerate(tables, 1)]


def _currency(pc: PortfolioPlanning, total: CurrencyTotal) -> list[SlidePlan]:
    w, ctx = pc.words, pc.ctx
    body, cur = ctx.frame.body, total.currency
    dec = decimals_for([x for r in total.rows for x in r.amounts])
    columns = [Column(w("project"), weight=1), *_amount_columns(pc)]
    rows = [[Cell(r.code or r.name, bold=True), *_amount_cells(pc, cur, r.amounts, dec)]
            for r in total.rows]
    total_row = [Cell(w("total", currency=cur), bold=True, fill=PANEL),
                 *_amount_cells(pc, cur, (total.budget, total.actual, total.forecast), dec, bold=True)]
    chart_w = body.w * 0.46
    right = Box(body.x + chart_w + 20, body.y, body.w - chart_w - 20, body.h)
    tables = fit_table(columns, rows, right, ctx.font, 14, 10, total_row)
    wide = len(tables) > 1
    if wide:
        tables = fit_table(columns, rows, body, ctx.font, 14, 10, total_row)
    shown = sorted(total.rows, key=lambda r: -r.amounts[0])[:CHART_MAX] if len(total.rows) > CHART_MAX else total.rows
    chart_title = w("chart_top", count=len(shown)) if len(shown) < len(total.rows) else w("chart")
    chart = ChartShape(
        Box(body.x, body.y, chart_w, body.h) if not wide else body,
        [shorten(r.code or r.name, chart_w / 2, 10, 2, False, ctx.font) for r in shown],
        [(w(k), [round(getattr(r, k)) / 1000 for r in shown]) for k in ("budget", "actual", "forecast")],
        title=f"{chart_title} ({unit(cur, w.language)})")
    title = w("titles.budget", currency=cur)
    if wide:
        return [SlidePlan("budget", TITLE_ONLY, title, [chart])] + [
            SlidePlan("budget", TITLE_ONLY, numbered(title, i, len(tables)), [t]) for i, t in enumerate(tables, 1)]
    return [SlidePlan("budget", TITLE_ONLY, title, [chart, tables[0]])]
