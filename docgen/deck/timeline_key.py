"""The key under a milestone timeline: what its markers' colours mean, and the schedule's RAG and comment.

A committee reading a timeline asks two things the diagram does not say: what a red diamond
means, and what the project says about its schedule. Both go in a band at the foot of the body,
the same on every slide of the timeline.
"""

from __future__ import annotations

from docgen.deck import text as tx
from docgen.deck.measure import text_width
from docgen.deck.planning import Planning
from docgen.ooxml.drawingml.shapes import (
    BORDER,
    EMPHASIS,
    LATE,
    MUTED,
    PANEL,
    RAG_FILL,
    RAG_TEXT,
    Box,
    LineShape,
    Para,
    Run,
    TextShape,
)

LEGEND_SIZE = 12.0
COMMENT_SIZE = 14.0
COMMENT_LINES = 3  # a longer comment is shortened with "…": the dimensions slide has it whole
TILE_W = 120.0
GAP = 6.0
MARKER_COLOURS = {"done": EMPHASIS, "on_track": RAG_FILL["green"], "at_risk": RAG_FILL["amber"],
                  "late": RAG_FILL["red"]}


def key_height(ctx: Planning, comment_too: bool = True) -> float:
    """Return the height of the key band: the legend line, and the schedule comment's panel when there is one."""
    legend = ctx.font.line_height(LEGEND_SIZE) + 6
    comment = _comment_paras(ctx) if comment_too else []
    if not comment:
        return legend
    return legend + GAP + _panel_height(ctx, comment)


def key_shapes(ctx: Planning, box: Box, statuses: list[str], report: str | None,
               comment_too: bool = True) -> list:
    """Return the key in ``box``: a marker per milestone status in ``statuses``, the report date, the comment.

    ``report`` is the legend's text for the report date's line ("Report date 23 Nov 2026"), None
    when the line is not on the slide.
    """
    legend_h = ctx.font.line_height(LEGEND_SIZE) + 6
    shapes = _legend(ctx, Box(box.x, box.y, box.w, legend_h), statuses, report)
    comment = _comment_paras(ctx) if comment_too else []
    if comment:
        panel = Box(box.x, box.y + legend_h + GAP, box.w, box.bottom - box.y - legend_h - GAP)
        shapes += _schedule(ctx, panel, comment)
    return shapes


def _legend(ctx: Planning, box: Box, statuses: list[str], report: str | None) -> list:
    """Return the legend line: a diamond and word per status present, then the report date's dashed line."""
    shapes: list = []
    x, centre = box.x, box.y + box.h / 2
    for status in [s for s in MARKER_COLOURS if s in statuses]:
        shapes.append(TextShape(Box(x, centre - 6, 12, 12), geometry="diamond", fill=MARKER_COLOURS[status],
                                line=BORDER, overlay=True, name="Key"))
        x = _legend_word(ctx, shapes, ctx.t(f"milestone_status.{status}"), x + 14, box)
    if report:
        shapes.append(LineShape(x + 6, centre - 7, x + 6, centre + 7, LATE, 1.25, dash=True))
        dated = report != ctx.t("today")  # the day written here: the slide's one label of the report date
        _legend_word(ctx, shapes, report, x + 14, box, "Report date" if dated else "Legend", LATE if dated else MUTED)
    return shapes


def _legend_word(ctx: Planning, shapes: list, word: str, x: float, box: Box, name: str = "Legend",
                 colour: str = MUTED) -> float:
    """Append the legend's ``word`` at ``x`` to ``shapes``; return where the next entry starts."""
    bold = colour != MUTED
    width = text_width(word, LEGEND_SIZE, bold, ctx.font) + 6
    shapes.append(TextShape(Box(x, box.y, width, box.h), [Para([Run(word, bold=bold, color=colour)], LEGEND_SIZE)],
                            anchor="ctr", inset=2, name=name))
    return x + width + 16


def _comment_paras(ctx: Planning) -> list[Para]:
    """Return the schedule dimension's comment as one paragraph, or [] when the status has none."""
    dims = ctx.status.dimensions
    schedule = dims.schedule if dims else None
    if not schedule or not schedule.comment:
        return []
    runs = [run for para in tx.markdown_paras(schedule.comment, COMMENT_SIZE) for run in [*para.runs, Run(" ")]]
    return [Para(runs[:-1], COMMENT_SIZE)]


def _panel_height(ctx: Planning, paras: list[Para]) -> float:
    """Return the height of the comment's panel: its text up to COMMENT_LINES lines, and the RAG tile's two lines."""
    width = ctx.frame.body.w - TILE_W - GAP - 8
    text = min(tx.paras_height(paras, width, ctx.font), COMMENT_LINES * ctx.font.line_height(COMMENT_SIZE))
    tile = ctx.font.line_height(LEGEND_SIZE) + ctx.font.line_height(COMMENT_SIZE)
    return max(text, tile) + 8


def _schedule(ctx: Planning, box: Box, paras: list[Para]) -> list:
    """Return the schedule's RAG tile ("Schedule", "AMBER ↓") and its comment in a panel beside it."""
    dims = ctx.status.dimensions
    schedule = dims.schedule if dims else None
    assert schedule is not None  # called only when the schedule has a comment
    rag, trend = schedule.status, {"up": " ↑", "stable": " →", "down": " ↓"}.get(schedule.trend or "", "")
    tile = TextShape(Box(box.x, box.y, TILE_W, box.h), [
        Para([Run(ctx.t("dimension_names.schedule"))], LEGEND_SIZE, align="c", color=RAG_TEXT[rag]),
        Para([Run(ctx.labels.get(f"deck.rag.{rag}", rag).upper() + trend, bold=True)], COMMENT_SIZE, align="c",
             color=RAG_TEXT[rag]),
    ], fill=RAG_FILL[rag], anchor="ctr", inset=4, name="Schedule RAG")
    panel = Box(box.x + TILE_W + GAP, box.y, box.w - TILE_W - GAP, box.h)
    fitted = [tx.fit_para(p, panel.w - 8, panel.h - 8, ctx.font) for p in paras]
    return [tile, TextShape(panel, fitted, fill=PANEL, inset=4, anchor="ctr", name="Schedule comment")]
