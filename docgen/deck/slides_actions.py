"""Planners of the committee slides: issues, decisions required, actions."""

from __future__ import annotations

from docgen.deck import text as tx
from docgen.deck.figure_tiles import TILE_GAP, TILES_H, Figure, figure_tiles
from docgen.deck.measure import shorten
from docgen.deck.planning import TITLE_ONLY, Planning, numbered, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.tables import Column, fit_table
from docgen.model.status import DecisionRequired
from docgen.ooxml.drawingml.shapes import (
    EMPHASIS,
    HEADING,
    LATE,
    PANEL,
    RAG_FILL,
    RAG_TEXT,
    Box,
    Cell,
    Para,
    Run,
    TextShape,
)

SEVERITY_RAG = {"low": "green", "medium": "amber", "high": "red", "critical": "red"}


def issues(ctx: Planning) -> list[SlidePlan]:
    """Return the issue table slide(s): severity, owner, due, status."""
    items = ctx.status.issues
    if not items:
        return []
    with_comment = any(i.comment for i in items)
    columns = [
        Column(ctx.labels["common.id"], nowrap=True),
        Column(ctx.t("issue"), weight=2),
        Column(ctx.t("severity"), nowrap=True, align="c"),
        Column(ctx.labels["common.owner"], nowrap=True, max_share=0.18),
        Column(ctx.labels["common.due"], nowrap=True),
        Column(ctx.t("status"), nowrap=True),
    ] + ([Column(ctx.t("comment"), weight=1.5)] if with_comment else [])
    rows = []
    for n, issue in enumerate(items, 1):
        sev = issue.severity
        sev_cell = Cell("")
        if sev:
            rag = SEVERITY_RAG[sev]
            sev_cell = Cell(ctx.t(f"severity_names.{sev}"), bold=True, fill=RAG_FILL[rag],
                            color=RAG_TEXT[rag], align="c")
        row = [Cell(issue.id or f"#{n}", bold=True), Cell(issue.title), sev_cell,
               Cell(issue.owner or ""), _due_cell(ctx, issue.due, issue.status != "resolved"),
               Cell(ctx.t(f"issue_status.{issue.status}"))]
        if with_comment:
            row.append(Cell(issue.comment or ""))
        rows.append(row)
    return _with_figures(ctx, table_slides(ctx, "issues", ctx.title("issues"), columns, rows), columns, rows)


def _with_figures(ctx: Planning, slides: list[SlidePlan], columns: list[Column],
                  rows: list[list[Cell]]) -> list[SlidePlan]:
    """Return the issue slides, with the figures of the issues in tiles over a table that still holds on one slide."""
    body = ctx.frame.body
    below = Box(body.x, body.y + TILES_H + TILE_GAP, body.w, body.h - TILES_H - TILE_GAP)
    if len(slides) != 1 or len(tables := fit_table(columns, rows, below, ctx.font, 18, 10)) != 1:
        return slides
    items, report = ctx.status.issues, ctx.status.report_date
    open_ = [i for i in items if i.status != "resolved"]
    figures = [Figure(len(open_), "issue_figures.open"),
               Figure(sum(i.severity in ("high", "critical") for i in open_), "issue_figures.severe", True),
               Figure(sum(bool(i.due and i.due < report) for i in open_), "issue_figures.overdue", True),
               Figure(len(items) - len(open_), "issue_figures.resolved")]
    slides[0].shapes = [*figure_tiles(ctx, Box(body.x, body.y, body.w, TILES_H), figures), *tables]
    return slides


def _due_cell(ctx: Planning, due, is_open: bool) -> Cell:
    late = bool(due and is_open and due < ctx.status.report_date)
    return Cell(ctx.day(due), bold=late, color=LATE if late else None)


def actions(ctx: Planning) -> list[SlidePlan]:
    """Return the action table slide(s); overdue actions flagged against the report date."""
    items = ctx.status.actions
    if not items:
        return []
    today = ctx.status.report_date
    with_comment = any(a.comment for a in items)
    columns = [
        Column(ctx.labels["common.id"], nowrap=True),
        Column(ctx.t("action"), weight=2),
        Column(ctx.labels["common.owner"], nowrap=True, max_share=0.18),
        Column(ctx.labels["common.due"], nowrap=True),
        Column(ctx.t("status"), nowrap=True, max_share=0.18),
    ] + ([Column(ctx.t("comment"), weight=1.2)] if with_comment else [])
    rows = []
    for n, action in enumerate(items, 1):
        late = action.overdue_days(today)
        status = ctx.labels.get(f"action_status.{action.status}", action.status)
        status_cell = Cell(status)
        if late:
            text = ctx.t("overdue").format(days=late)
            status_cell = Cell(text, bold=True, fill=RAG_FILL["red"], color=RAG_TEXT["red"])
        row = [Cell(action.id or f"#{n}", bold=True), Cell(action.text), Cell(action.owner or ""),
               _due_cell(ctx, action.due, action.is_open), status_cell]
        if with_comment:
            row.append(Cell(action.comment or ""))
        rows.append(row)
    return table_slides(ctx, "actions", ctx.title("actions"), columns, rows)


def decisions(ctx: Planning) -> list[SlidePlan]:
    """Return decisions required: one table slide when short, else one decision per slide."""
    items = ctx.status.decisions_required
    if not items:
        return []
    columns = [
        Column(ctx.labels["common.id"], nowrap=True),
        Column(ctx.t("decision"), weight=1.6),
        Column(ctx.t("options"), weight=1.6),
        Column(ctx.t("recommendation"), weight=1.1),
        Column(ctx.t("deadline"), nowrap=True),
    ]
    rows = [[
        Cell(d.id or f"#{n}", bold=True),
        Cell(d.title + (f"\n{d.context}" if d.context else ""), lead_bold=True),
        Cell("\n".join(f"{k}. {o}" for k, o in enumerate(d.options, 1))),
        Cell(d.recommendation or "", bold=True),
        Cell(ctx.day(d.deadline), bold=True),
    ] for n, d in enumerate(items, 1)]
    tables = fit_table(columns, rows, ctx.frame.body, ctx.font, 16, 13)
    if len(tables) == 1 and len(items) > 1:
        return [SlidePlan("decisions", TITLE_ONLY, ctx.title("decisions"), tables)]
    pages = [page for d in items for page in _decision_pages(ctx, d)]
    title = ctx.title("decisions", "decisions" if len(items) > 1 else "decision")
    return [SlidePlan("decisions", TITLE_ONLY, numbered(title, i, len(pages)), shapes, notes=notes)
            for i, (shapes, notes) in enumerate(pages, 1)]


HEADING_LINES = 3  # a longer decision title is shortened with "…", whole in the slide's notes


def _decision_pages(ctx: Planning, d: DecisionRequired) -> list[tuple[list, list[str]]]:
    """Return (shapes, notes) of each slide of decision ``d``; the first slide's notes hold a shortened title."""
    body = ctx.frame.body
    left = Box(body.x, body.y, body.w * 0.6, body.h)
    right = Box(left.right + 24, body.y, body.right - left.right - 24, body.h)
    heading = f"{d.id} — {d.title}" if d.id else d.title
    inner_l, inner_r = left.w - 16, right.w - 24

    def build_left(size: float) -> list[Para]:
        short = shorten(heading, inner_l, size + 4, HEADING_LINES, True, ctx.font)
        paras = [Para([Run(short, bold=True, color=EMPHASIS)], size + 4)]
        if d.context:
            paras.append(Para([Run(ctx.t("context"), bold=True, color=HEADING)], size,
                              space_before=10, keep_next=True))
            paras += tx.markdown_paras(d.context, size)
        if d.options:
            paras.append(Para([Run(ctx.t("options"), bold=True, color=HEADING)], size,
                              space_before=10, keep_next=True))
            paras += [Para([Run(f"{k}.  {o}")], size, space_before=4)
                      for k, o in enumerate(d.options, 1)]
        return paras

    def build_right(size: float) -> list[Para]:
        paras = []
        if d.recommendation:
            paras.append(Para([Run(ctx.t("recommendation"), bold=True, color=HEADING)], size))
            paras += tx.markdown_paras(d.recommendation, size)
            paras[-1].runs = [Run(r.text, bold=True, italic=r.italic) for r in paras[-1].runs]
        if d.deadline:
            paras.append(Para([Run(ctx.t("deadline"), bold=True, color=HEADING)], size,
                              space_before=14 if paras else 0))
            paras.append(Para([Run(ctx.labels.format_date(d.deadline), bold=True)], size + 2))
        return paras

    fit = tx.largest_fit(build_left, inner_l, left.h - 16, ctx.font, 18, 12)
    size = fit[0] if fit else 12
    pages = [fit[1]] if fit else tx.paginate(build_left(12), inner_l, left.h - 16, ctx.font,
                                             split=True)
    rfit = tx.largest_fit(build_right, inner_r, right.h - 24, ctx.font, min(size, 16), 11)
    rparas = rfit[1] if rfit else tx.paginate(build_right(11), inner_r, right.h - 24,
                                              ctx.font)[0]
    slides: list[tuple[list, list[str]]] = []
    notes = [heading] if pages[0] and pages[0][0].text != heading else []
    for paras in pages:
        h = tx.paras_height(paras, inner_l, ctx.font) + 16
        shapes: list = [TextShape(Box(left.x, left.y, left.w, h), paras, inset=8, name="Decision")]
        if rparas:
            rh = tx.paras_height(rparas, inner_r, ctx.font) + 24
            shapes.append(TextShape(Box(right.x, right.y, right.w, rh), rparas, fill=PANEL,
                                    line=HEADING, inset=12, name="Recommendation"))
        slides.append((shapes, notes if not slides else []))
    return slides
