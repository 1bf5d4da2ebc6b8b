"""Planner of the "Changes since <previous period>" slide(s), built with ``--previous``."""

from __future__ import annotations

from dataclasses import replace

from docgen.deck import changes_text as ct
from docgen.deck import text as tx
from docgen.deck.measure import text_width
from docgen.deck.planning import TITLE_ONLY, Planning, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.tables import MARGIN_X, Column
from docgen.ooxml.drawingml.shapes import MUTED, RAG_FILL, RAG_TEXT, Box, Cell, Para, Run, TableShape, TextShape


def changes(ctx: Planning) -> list[SlidePlan]:
    """Return the changes slide(s): one table grouped by kind, or a single "No change" line."""
    if ctx.changes is None:
        return []
    title = ct.title(ctx.changes, ctx.labels)
    rows = ct.rows(ctx.changes, ctx.labels, ctx.status.project.currency)
    if not rows:
        body = ctx.frame.body
        para = Para([Run(ct.none_text(ctx.changes, ctx.labels))], 20, color=MUTED)
        para = tx.fit_para(para, body.w - 8, body.h - 8, ctx.font)
        height = tx.paras_height([para], body.w - 8, ctx.font) + 8
        shape = TextShape(Box(body.x, body.y, body.w, height), [para], name="No change")
        return [SlidePlan("changes", TITLE_ONLY, title, [shape])]
    columns = [
        Column(ctx.t("changes.area"), nowrap=True, max_share=0.3),
        Column(ctx.t("changes.item"), weight=2),
        Column(ctx.t("changes.change"), nowrap=True, max_share=0.32),
        Column(ctx.t("changes.effect"), nowrap=True, align="c", max_share=0.2),
    ]
    cells = []
    for n, row in enumerate(rows):
        first = n == 0 or rows[n - 1].group != row.group
        rag = "green" if row.better else "red"
        cells.append([
            Cell(row.group if first else "", bold=True),
            Cell(row.item),
            Cell(row.change),
            Cell(ct.effect(ctx.labels, row.better), bold=True, fill=RAG_FILL[rag], color=RAG_TEXT[rag],
                 align="c"),
        ])
    slides = table_slides(ctx, "changes", title, columns, cells, max_size=16, floor=10)
    groups = [row.group for row in rows]
    shown = 0
    for slide in slides:
        table = slide.shapes[0]
        _repeat_group(ctx, table, groups[shown])
        shown += len(table.rows) - 1
    return slides


def _repeat_group(ctx: Planning, table: TableShape, group: str) -> None:
    # A continuation slide names the group its first row belongs to, when that fits one line
    # (the row heights were measured without it).
    first = table.rows[1][0]
    room = table.col_widths[0] - 2 * MARGIN_X
    if not first.text and text_width(group, table.size, True, ctx.font) <= room:
        table.rows[1][0] = replace(first, text=group)
