"""The contents of the dashboard's panels: milestone, risk and decision rows, the budget bars.

Each builder plans at one text size for a panel of a given width; the dashboard
(:mod:`docgen.deck.slides_dashboard`) picks the size and places the rows.
"""

from __future__ import annotations

from docgen.deck import text as tx
from docgen.deck.fmt import NBSP, decimals_for, money, number, percent
from docgen.deck.measure import text_width
from docgen.deck.planning import Planning
from docgen.deck.rows import INSET, Row, clip
from docgen.deck.slides_risks import ZONE_CELL, ZONE_TEXT, zone
from docgen.deck.slides_schedule import MILESTONE_RAG, OVERRUN, UNDERRUN
from docgen.model.status import DecisionRequired, Milestone, Risk
from docgen.ooxml.drawingml.shapes import (
    BORDER,
    EMPHASIS,
    EMPHASIS_TEXT,
    HEADING,
    LATE,
    MUTED,
    RAG_FILL,
    RAG_TEXT,
    TRACK,
    Box,
    LineShape,
    Para,
    Run,
    TextShape,
)

BAR_H = 10.0
TEXT = "text"  # colour role of body text (docgen.ooxml.drawingml.palette)


def _clipped(row: Row, paras: list[tuple[Para, int]], width: float, ctx: Planning) -> Row:
    """Return ``row`` holding ``paras`` each cut to its line count, the full texts of those cut in its notes."""
    inner = row.text_width(width) - 2 * INSET
    row.paras, row.notes = [], []
    for para, lines in paras:
        para, full = clip(para, inner, lines, ctx.font)
        row.paras.append(para)
        if full:
            row.notes.append(full)
    return row


def _slip(ctx: Planning, m: Milestone, size: float) -> TextShape:
    """Return the slip tag of a milestone: "+12 d" in the overrun colour, "0 d", "-3 d"."""
    slip = m.slip_days
    if slip is None:
        text, colour = "", None
    else:
        text = ctx.t("dashboard.days").format(days=f"+{slip}" if slip > 0 else str(slip))
        colour = OVERRUN if slip > 0 else UNDERRUN if slip < 0 else None
    width = max(text_width(ctx.t("dashboard.days").format(days="+888"), size, True, ctx.font), 30) + 6
    para = Para([Run(text.replace(" ", NBSP), bold=True, color=colour)], size, align="r")
    return TextShape(Box(0, 0, width, ctx.font.line_height(size) + 2 * INSET), [para], inset=INSET,
                     name="Slip")


def _when(ctx: Planning, m: Milestone, size: float, width: float, compact: bool) -> list[tuple[Para, int]]:
    """Return the date lines of a milestone: its forecast (late colour when past) and its baseline when different.

    The baseline goes on a line of its own when both do not fit one line (in compact mode they
    share one line, cut with "…").
    """
    due = m.forecast or m.baseline
    late = due is not None and due < ctx.status.report_date  # not reached and past its date
    first = Run(ctx.day(due), bold=late, color=LATE if late else MUTED)
    if not (m.forecast and m.baseline and m.forecast != m.baseline):
        return [(Para([first], size), 1)]
    base = f"{ctx.t('dashboard.baseline')} {ctx.day(m.baseline)}"
    one = Para([first, Run(f" · {base}", color=MUTED)], size)
    if compact or tx.para_lines(one, width - 2 * INSET, ctx.font) == 1:
        return [(one, 1)]
    return [(Para([first], size), 1), (Para([Run(base, color=MUTED)], size), 1)]


def milestone_rows(ctx: Planning, items: list[Milestone], size: float, width: float,
                   compact: bool = False) -> list[Row]:
    """Return one row per milestone: status diamond, name, forecast date against baseline, slip."""
    rows = []
    for m in items:
        rag = MILESTONE_RAG.get(m.status or "")
        mark = TextShape(Box(0, 0, 11, 11), geometry="diamond", fill=RAG_FILL[rag] if rag else EMPHASIS,
                         line=BORDER, name="Marker")
        name = f"{m.id} {m.name}" if m.id else m.name
        row = Row([], mark=mark, tag=_slip(ctx, m, size))
        when = _when(ctx, m, size, row.text_width(width), compact)
        rows.append(_clipped(row, [(Para([Run(name, bold=True)], size), 2), *when], width, ctx))
    return rows


def risk_rows(ctx: Planning, items: list[Risk], size: float, width: float, compact: bool = False) -> list[Row]:
    """Return one row per risk: its score on the zone colour, id and title, owner and trend (not in compact mode)."""
    rows = []
    chip_w = text_width("25", size, True, ctx.font) + 12
    for risk in items:
        z = zone(risk.score)
        chip = TextShape(Box(0, 0, chip_w, ctx.font.line_height(size) + 2 * INSET),
                         [Para([Run(str(risk.score), bold=True, color=ZONE_TEXT[z])], size, align="c")],
                         fill=ZONE_CELL[z], anchor="ctr", inset=INSET, name="Score")
        head = [Run(f"{risk.id} ", bold=True)] if risk.id else []
        who = " · ".join(x for x in (risk.owner, ctx.labels.get(f"deck.risk_trend.{risk.trend}", "")
                                     if risk.trend else "") if x)
        paras = [(Para([*head, Run(risk.title)], size), 2)]
        if who and not compact:
            paras.append((Para([Run(who, color=MUTED)], size), 1))
        rows.append(_clipped(Row([], mark=chip), paras, width, ctx))
    return rows


def _deadline(ctx: Planning, d: DecisionRequired, size: float) -> TextShape | None:
    """Return the deadline tag of a decision (on the late colour when past the report date), or None."""
    if d.deadline is None:
        return None
    late = d.deadline < ctx.status.report_date
    text = ctx.t("dashboard.by").format(date=ctx.day(d.deadline))
    width = text_width(text, size, True, ctx.font) + 16
    fill, colour = (RAG_FILL["red"], RAG_TEXT["red"]) if late else (EMPHASIS, EMPHASIS_TEXT)
    return TextShape(Box(0, 0, width, ctx.font.line_height(size) + 8),
                     [Para([Run(text, bold=True, color=colour)], size, align="c")], geometry="roundRect",
                     fill=fill, anchor="ctr", inset=INSET, name="Deadline")


def decision_rows(ctx: Planning, items: list[DecisionRequired], size: float, width: float,
                  compact: bool = False) -> list[Row]:
    """Return one row per decision asked: id and title, the recommendation (not in compact mode), the deadline tag."""
    rows = []
    for d in items:
        head = [Run(f"{d.id}  ", bold=True, color=EMPHASIS)] if d.id else []
        paras = [(Para([*head, Run(d.title, bold=True)], size), 2)]
        if d.recommendation and not compact:
            text = ctx.t("dashboard.recommendation").format(text=" ".join(d.recommendation.split()))
            paras.append((Para([Run(text, color=MUTED)], size), 1))
        rows.append(_clipped(Row([], tag=_deadline(ctx, d, size)), paras, width, ctx))
    return rows


def _totals(ctx: Planning) -> tuple[float, float, float]:
    """Return the budget, actual and forecast totals of the budget lines (forecast defaults to the budget)."""
    lines = ctx.status.budget
    return (sum(b.budget for b in lines), sum(b.actual for b in lines),
            sum(b.budget if b.forecast is None else b.forecast for b in lines))


def _figure_rows(ctx: Planning) -> list[tuple[str, str, float]]:
    """Return (label, value, share of the bar scale) of the spent and forecast lines of the budget."""
    budget, actual, forecast = _totals(ctx)
    cur, lang = ctx.status.project.currency, ctx.lang
    dec = decimals_for([budget, actual, forecast])
    scale = max(budget, actual, forecast) or 1.0
    spent = money(actual, cur, lang, dec)
    if budget:
        spent += f" · {percent(round(100 * actual / budget), lang)}"
    return [(ctx.t("dashboard.spent").format(budget=money(budget, cur, lang, dec)), spent, actual / scale),
            (ctx.t("dashboard.forecast"), money(forecast, cur, lang, dec), forecast / scale)]


def _variance_paras(ctx: Planning, size: float) -> list[Para]:
    """Return the variance line (forecast against budget) and the earned value line when given."""
    budget, _, forecast = _totals(ctx)
    cur, lang = ctx.status.project.currency, ctx.lang
    variance = forecast - budget
    text = ctx.t("dashboard.vs_budget").format(
        variance=money(variance, cur, lang, decimals_for([budget, forecast]), True))
    if budget and variance:
        text += f" ({'+' if variance > 0 else ''}{number(100 * variance / budget, lang, 1)}{NBSP}%)"
    colour = OVERRUN if variance > 0 else UNDERRUN if variance < 0 else None
    paras = [Para([Run(text, bold=True, color=colour)], size)]
    ev = ctx.status.earned_value
    parts = [f"{ctx.t(k)} {number(v, lang)}" for k, v in
             (("spi", ev.schedule_index if ev else None), ("cpi", ev.cost_index if ev else None)) if v is not None]
    if parts:
        paras.append(Para([Run(" · ".join(parts), color=MUTED)], size, space_before=4))
    return paras


def _figure(ctx: Planning, label: str, value: str, size: float, x: float, y: float,
            width: float) -> tuple[list[TextShape], float]:
    """Return a label (left) and its value (right, bold) on one line, and their height."""
    value_w = min(text_width(value, size, True, ctx.font) + 2 * INSET + 2, width * 0.6)
    label_w = width - value_w - 4
    left = [Para([Run(label, color=MUTED)], size)]
    right = [Para([Run(value, bold=True)], size, align="r")]
    height = max(tx.paras_height(left, label_w - 2 * INSET, ctx.font),
                 tx.paras_height(right, value_w - 2 * INSET, ctx.font)) + 2 * INSET
    return [TextShape(Box(x, y, label_w, height), left, inset=INSET, name="Budget label"),
            TextShape(Box(x + width - value_w, y, value_w, height), right, inset=INSET, name="Budget figure")], height


def budget_height(ctx: Planning, size: float, width: float) -> float:
    """Return the height of the budget panel's content at ``size`` in a panel ``width`` wide."""
    return budget_layout(ctx, Box(0, 0, width, 1e6), size)[1]


def budget_shapes(ctx: Planning, box: Box, size: float) -> list:
    """Return the budget panel's content: spent and forecast against the budget, with bars and variance."""
    return budget_layout(ctx, box, size)[0]


def budget_layout(ctx: Planning, box: Box, size: float) -> tuple[list, float]:
    """Return the budget panel's shapes in ``box`` at ``size`` and the height they take."""
    budget, actual, forecast = _totals(ctx)
    scale = max(budget, actual, forecast) or 1.0
    shapes: list = []
    y = box.y
    for n, (label, value, share) in enumerate(_figure_rows(ctx)):
        got, height = _figure(ctx, label, value, size, box.x, y, box.w)
        shapes += got
        y += height + 3
        track = Box(box.x, y, box.w, BAR_H)
        shapes.append(TextShape(track, fill=TRACK, name="Budget track"))
        if share > 0:
            shapes.append(TextShape(Box(box.x, y, max(1.0, box.w * min(share, 1.0)), BAR_H),
                                    fill=EMPHASIS if n == 0 else HEADING, overlay=True, name="Budget bar"))
        if budget:  # the budget mark on the bar
            at = box.x + box.w * budget / scale
            shapes.append(LineShape(at, y - 3, at, y + BAR_H + 3, TEXT, 1.5))
        y += BAR_H + 10
    paras = _variance_paras(ctx, size)
    height = tx.paras_height(paras, box.w - 2 * INSET, ctx.font) + 2 * INSET
    shapes.append(TextShape(Box(box.x, y, box.w, height), paras, inset=INSET, name="Budget variance"))
    return shapes, y + height - box.y
