"""Planners of the risk slides: the 5 x 5 heat map and the register sorted by score."""

from __future__ import annotations

from docgen.deck import text as tx
from docgen.deck.measure import wrap
from docgen.deck.planning import TITLE_ONLY, Planning, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.tables import Column
from docgen.model.status import Risk
from docgen.ooxml.drawingml.shapes import BORDER, EMPHASIS, MUTED, RAG_FILL, RAG_TEXT, Box, Cell, Para, Run, TextShape

# Colour roles (docgen.ooxml.drawingml.palette): zones as light fills, scores on the RAG colours.
ZONE_FILL = {"low": "zone_low", "medium": "zone_medium", "high": "zone_high"}
ZONE_RAG = {"low": "green", "medium": "amber", "high": "red"}
ZONE_CELL = {z: RAG_FILL[rag] for z, rag in ZONE_RAG.items()}
ZONE_TEXT = {z: RAG_TEXT[rag] for z, rag in ZONE_RAG.items()}


def zone(score: int) -> str:
    """Return the zone of a P x I score: low (1-4), medium (5-11) or high (12-25)."""
    return "low" if score <= 4 else "medium" if score <= 11 else "high"


def ranked(risks: list[Risk]) -> list[Risk]:
    """Return the risks sorted by score, highest first (input order kept on ties)."""
    return sorted(risks, key=lambda r: -r.score)


def heatmap(ctx: Planning) -> list[SlidePlan]:
    """Return the heat map slide: open risk ids in their probability x impact cell, legend, top risks."""
    risks = [r for r in ctx.status.risks if r.status == "open"]
    if not ctx.status.risks:
        return []
    body = ctx.frame.body
    grid_w = min(body.w * 0.56, 500.0)
    axis = 34.0
    cell_w = (grid_w - 2 * axis) / 5
    cell_h = (body.h - 2 * axis + 6) / 5
    x0, y0 = body.x + 2 * axis, body.y
    shapes: list = []
    size_axis = 12
    cells = _open_ids_by_cell(ctx.status.risks)
    shapes.append(TextShape(Box(body.x, y0, axis, 5 * cell_h), [
        Para([Run(ctx.t("probability"), bold=True)], size_axis, align="c")],
        anchor="ctr", inset=0, name="Probability axis", geometry="vert"))
    for p in range(5, 0, -1):
        y = y0 + (5 - p) * cell_h
        shapes.append(TextShape(Box(body.x + axis, y, axis, cell_h),
                                [Para([Run(str(p), bold=True)], 14, align="c")],
                                anchor="ctr", inset=0, name="P"))
        for i in range(1, 6):
            ids = cells.get((p, i), [])
            box = Box(x0 + (i - 1) * cell_w, y, cell_w, cell_h)
            shapes.append(TextShape(box, _cell_paras(ctx, ids, box), fill=ZONE_FILL[zone(p * i)],
                                    line=BORDER, anchor="ctr", inset=3, name=f"Cell P{p} I{i}"))
    y_num = y0 + 5 * cell_h
    for i in range(1, 6):
        shapes.append(TextShape(Box(x0 + (i - 1) * cell_w, y_num, cell_w, axis - 8),
                                [Para([Run(str(i), bold=True)], 14, align="c")],
                                anchor="ctr", inset=0, name="I"))
    shapes.append(TextShape(Box(x0, y_num + axis - 8, 5 * cell_w, axis - 6),
                            [Para([Run(ctx.t("impact"), bold=True)], size_axis, align="c")],
                            anchor="ctr", inset=0, name="Impact axis"))
    side = Box(x0 + 5 * cell_w + 30, body.y, body.right - (x0 + 5 * cell_w + 30), body.h)
    shapes += _side_panel(ctx, risks, side)
    return [SlidePlan("risks", TITLE_ONLY, ctx.t("titles.heatmap"), shapes)]


def _open_ids_by_cell(risks: list[Risk]) -> dict[tuple[int, int], list[str]]:
    """Return the ids (``#n`` when unnamed) of open risks by (probability, impact), in input order.

    One pass and no model comparisons (``risk in list`` compares pydantic models field by field).
    """
    cells: dict[tuple[int, int], list[str]] = {}
    for n, risk in enumerate(risks, 1):
        if risk.status == "open":
            cells.setdefault((risk.probability, risk.impact), []).append(risk.id or f"#{n}")
    return cells


def _cell_paras(ctx: Planning, ids: list[str], box: Box) -> list[Para]:
    if not ids:
        return []
    width, height = box.w - 6, box.h - 6
    for size in (14, 13, 12, 11, 10, 9, 8):
        lines = wrap(", ".join(ids), width, size, True, ctx.font)
        if len(lines) * ctx.font.line_height(size) <= height:
            # Our own line breaks: a renderer would otherwise break ids at their hyphen.
            return [Para([Run(line, bold=True)], size, align="c") for line in lines]
    for keep in range(len(ids) - 1, 0, -1):
        text = ", ".join(ids[:keep]) + f" +{len(ids) - keep}"
        para = Para([Run(text, bold=True)], 8, align="c")
        if tx.para_height(para, width, ctx.font) <= height:
            return [para]
    return [Para([Run(f"{len(ids)}", bold=True)], 12, align="c")]


def _side_panel(ctx: Planning, risks: list[Risk], side: Box) -> list[TextShape]:
    shapes = []
    y = side.y
    for name in ("high", "medium", "low"):
        shapes.append(TextShape(Box(side.x, y, 22, 18), fill=ZONE_FILL[name], line=MUTED,
                                name="Swatch"))
        shapes.append(TextShape(Box(side.x + 30, y, side.w - 30, 20),
                                [Para([Run(ctx.t(f"zones.{name}"))], 12)], inset=1, name="Zone"))
        y += 26
    closed = len(ctx.status.risks) - len(risks)
    note = ctx.count(len(risks), "open_risks")
    if closed:
        note += ctx.labels.get("deck.list_separator", "; ") + ctx.count(closed, "closed_risks")
    shapes.append(TextShape(Box(side.x, y + 4, side.w, 22),
                            [Para([Run(note, color=MUTED, italic=True)], 12)], inset=1,
                            name="Count"))
    y += 40
    top = ranked(risks)[:6]
    if not top:
        return shapes
    box = Box(side.x, y, side.w, side.bottom - y)
    head = Para([Run(ctx.t("top_risks"), bold=True, color=EMPHASIS)], 14)
    paras = [head]
    for risk in top:
        para = Para([Run(f"{risk.id or ''} ({risk.score})  ", bold=True), Run(risk.title)], 12,
                    space_before=6)
        paras.append(tx.fit_para(para, box.w - 8, 3 * ctx.font.line_height(12) + 6, ctx.font))
    pages = tx.paginate(paras, box.w - 8, box.h - 8, ctx.font)
    paras = pages[0]
    shapes.append(TextShape(Box(box.x, box.y, box.w, tx.paras_height(paras, box.w - 8,
                                                                     ctx.font) + 8),
                            paras, inset=4, name="Top risks"))
    return shapes


def register(ctx: Planning) -> list[SlidePlan]:
    """Return the risk register slide(s), sorted by score, header repeated on continuations."""
    risks = ctx.status.risks
    if not risks:
        return []
    with_status = any(r.status != "open" for r in risks)
    columns = [
        Column(ctx.labels["common.id"], nowrap=True),
        Column(ctx.t("risk"), weight=1.3),
        Column(ctx.t("p"), nowrap=True, align="c"),
        Column(ctx.t("i"), nowrap=True, align="c"),
        Column(ctx.t("score"), nowrap=True, align="c"),
        Column(ctx.labels["common.owner"], nowrap=True, max_share=0.15),
        Column(ctx.t("mitigation"), weight=1.5),
        Column(ctx.labels["deck.trend_header"], nowrap=True, max_share=0.12),
    ] + ([Column(ctx.t("status"), nowrap=True)] if with_status else [])
    rows = []
    for n, r in enumerate(ranked(risks), 1):
        z = zone(r.score)
        row = [
            Cell(r.id or f"#{n}", bold=True),
            Cell(r.title),
            Cell(str(r.probability), align="c"),
            Cell(str(r.impact), align="c"),
            Cell(str(r.score), bold=True, align="c", fill=ZONE_CELL[z], color=ZONE_TEXT[z]),
            Cell(r.owner or ""),
            Cell(r.mitigation or ""),
            Cell(ctx.labels.get(f"deck.risk_trend.{r.trend}", "") if r.trend else ""),
        ]
        if with_status:
            row.append(Cell(ctx.t(f"risk_status.{r.status}")))
        rows.append(row)
    return table_slides(ctx, "risks", ctx.title("risks"), columns, rows)
