"""Planners of the overview slides: cover, executive summary, RAG by dimension, workstreams."""

from __future__ import annotations

from functools import partial

from docgen.deck import text as tx
from docgen.deck.fmt import percent, trend_text
from docgen.deck.measure import shorten, shorten_keeping
from docgen.deck.planning import TITLE_ONLY, TITLE_SLIDE, Planning, numbered, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.tables import MARGIN_X, Column
from docgen.ooxml.drawingml.shapes import (
    EMPHASIS,
    HEADING,
    PANEL,
    RAG_FILL,
    RAG_TEXT,
    TRACK,
    Box,
    Cell,
    Para,
    Run,
    TableShape,
    TextShape,
)

INSET = 4.0


def cover(ctx: Planning) -> list[SlidePlan]:
    """Return the cover slide: project name, committee, period and who is who.

    A name, code or detail too long for its box is shortened with "…" (a detail to two lines,
    then one); the cover's notes then hold the full title and subtitle lines.
    """
    p = ctx.status.project
    name = f"{p.name}" + (f" ({p.code})" if p.code else "")
    first = [x for x in (p.committee, p.period) if x]
    colon = "\u00a0: " if ctx.lang == "fr" else ": "
    details = [
        (ctx.t("cover.sponsor"), p.sponsor),
        (ctx.t("cover.manager"), p.manager),
        (ctx.t("cover.phase"), p.phase),
        (ctx.t("cover.report_date"), ctx.labels.format_date(p.report_date)),
    ]
    box = ctx.frame.cover_subtitle
    width, height = box.w - 2 * 7.2, box.h - 2 * 3.6

    def build(size: float, cap: int) -> list[Para]:
        def capped(text: str, at: float, bold: bool = False) -> str:
            return shorten(text, width, at, cap, bold, ctx.font)

        paras = ([Para([Run(" · ".join(capped(x, size + 4, True) for x in first), bold=True)], size + 4)]
                 if first else [])
        line = "   ·   ".join(f"{k}{colon}{capped(v, size)}" for k, v in details if v)
        paras.append(Para([Run(line)], size, space_before=size * 0.8 if paras else 0))
        return paras

    fitted = None
    for cap in (2, 1):
        fitted = tx.largest_fit(partial(build, cap=cap), width, height, ctx.font, 18, 10)
        if fitted:
            break
    if fitted:
        paras = fitted[1]
    else:  # unreachable with the built-in frame: each paragraph gets its share of the box
        paras = build(10, 1)
        paras = [tx.fit_para(para, width, height / len(paras), ctx.font) for para in paras]
    full = ([" · ".join(first)] if first else []) + [
        "   ·   ".join(f"{k}{colon}{v}" for k, v in details if v)]
    notes = full if [para.text for para in paras] != full else []
    title, size = _cover_title(ctx, name)
    if title != name:
        notes.insert(0, name)
    slide = SlidePlan("cover", TITLE_SLIDE, title, subtitle=paras, notes=notes)
    slide.title_size = size
    return [slide]


def _cover_title(ctx: Planning, name: str) -> tuple[str, float]:
    """Return the cover title and its size: 40 pt down to 24, then shortened with "…" (code kept)."""
    box = ctx.frame.cover_title
    width, height = box.w - 14.4, box.h - 7.2
    size = 40.0
    while size > 24 and tx.paras_height([Para([Run(name, bold=True)], size)], width,
                                        ctx.font) > height:
        size -= 2
    if tx.paras_height([Para([Run(name, bold=True)], size)], width, ctx.font) <= height:
        return name, size
    p = ctx.status.project
    lines = max(1, int(height // ctx.font.line_height(size)))
    code = f" ({shorten(p.code, width / 3, size, 1, True, ctx.font)})" if p.code else ""
    return shorten_keeping(p.name, code, width, size, lines, True, ctx.font), size


def summary(ctx: Planning) -> list[SlidePlan]:
    """Return the executive summary: overall RAG and trend, summary, achievements, next steps."""
    s, body = ctx.status, ctx.frame.body
    overall = s.overall
    badge = Box(body.x, body.y, 170, 70)
    badge_shape = TextShape(badge, [
        Para([Run(ctx.t("overall"))], 12, align="c", color=RAG_TEXT[overall.status]),
        Para([Run(ctx.labels.get(f"deck.rag.{overall.status}").upper(), bold=True)], 24,
             align="c", color=RAG_TEXT[overall.status]),
    ], geometry="roundRect", fill=RAG_FILL[overall.status], anchor="ctr", name="Overall RAG")
    shapes: list = [badge_shape]
    top = badge.bottom
    if overall.trend:
        trend = Box(body.x, badge.bottom + 6, 170, 26)
        shapes.append(TextShape(trend, [Para([Run(trend_text(ctx.labels, overall.trend),
                                                  bold=True)], 14, align="c")], name="Trend"))
        top = trend.bottom
    text_box = Box(body.x + 190, body.y, body.w - 190, 0)
    lists = [(ctx.t("achievements"), s.achievements), (ctx.t("next_steps"), s.next_steps)]
    lists = [(head, items) for head, items in lists if items]
    col_w = (body.w - 24) / 2 if len(lists) == 2 else body.w
    inner = col_w - 2 * INSET
    for size in (16, 15, 14, 13, 12):  # past 12 pt the lists continue on another slide
        summary_paras = tx.markdown_paras(overall.summary, size)
        sum_h = tx.paras_height(summary_paras, text_box.w - 2 * INSET, ctx.font) + 2 * INSET
        list_top = max(top, body.y + sum_h) + 16
        columns = [_list_paras(head, items, size) for head, items in lists]
        need = max((tx.paras_height(c, inner, ctx.font) + 2 * INSET for c in columns), default=0)
        if list_top + need <= body.bottom:
            break
    limit = body.h * 0.45
    overflow: list[list] = []
    if sum_h > limit:
        # A long summary starts beside the badge and continues on full-width slides after it.
        flowed = tx.paginate(summary_paras, text_box.w - 2 * INSET, limit - 2 * INSET, ctx.font,
                             split=True)
        summary_paras = flowed[0]
        sum_h = tx.paras_height(summary_paras, text_box.w - 2 * INSET, ctx.font) + 2 * INSET
        list_top = max(top, body.y + sum_h) + 16
        rest = [p for page in flowed[1:] for p in page]
        pages = tx.paginate(rest, body.w - 2 * INSET, body.h - 2 * INSET, ctx.font,
                            split=True) if rest else []
        for page in pages:
            h = tx.paras_height(page, body.w - 2 * INSET, ctx.font) + 2 * INSET
            overflow.append([TextShape(Box(body.x, body.y, body.w, h), page, fill=PANEL,
                                       inset=INSET, name="Summary")])
    if summary_paras:
        shapes.append(TextShape(Box(text_box.x, body.y, text_box.w, sum_h), summary_paras,
                                fill=PANEL, inset=INSET, name="Summary"))
    if not lists:
        return _numbered_summary(ctx, [shapes, *overflow])
    pages_per_col = _list_pages(ctx, lists, size, inner, body.bottom - list_top - 2 * INSET,
                                body.h - 2 * INSET - 30)
    count = max(len(p) for p in pages_per_col)
    pages_shapes = []
    for index in range(count):
        page_shapes = shapes if index == 0 else []
        y = list_top if index == 0 else body.y
        for col, pages in enumerate(pages_per_col):
            if index < len(pages):
                paras = pages[index]
                h = tx.paras_height(paras, inner, ctx.font) + 2 * INSET
                box = Box(body.x + col * (col_w + 24), y, col_w, h)
                page_shapes.append(TextShape(box, paras, inset=INSET, name=lists[col][0]))
        pages_shapes.append(page_shapes)
    return _numbered_summary(ctx, [pages_shapes[0], *overflow, *pages_shapes[1:]])


def _list_pages(ctx: Planning, lists: list[tuple[str, list[str]]], size: float, inner: float,
                first_room: float, next_room: float) -> list[list[list[Para]]]:
    """Return, per list, its pages: the first under the summary, the others with the heading repeated.

    When the lists continue, their items are spread evenly over the pages they need (each page
    given the smallest share of its room that needs no more pages), so the last page is never a
    leftover of two items.
    """
    def pages(share: float) -> list[list[list[Para]]]:
        out = []
        for head, items in lists:
            paras = _list_paras(head, items, size)
            first = tx.paginate(paras, inner, first_room * share, ctx.font)
            more = tx.paginate([p for page in first[1:] for p in page], inner, next_room * share,
                               ctx.font) if len(first) > 1 else []
            out.append([first[0], *[[_heading(head, size), *pg] for pg in more]])
        return out

    full = pages(1.0)
    count = max(len(p) for p in full)
    if count == 1:
        return full
    low, high = 1.0 / count, 1.0  # the share that needs no more pages lies between
    for _ in range(12):
        middle = (low + high) / 2
        if max(len(p) for p in pages(middle)) > count:
            low = middle
        else:
            high = middle
    return pages(high)


def _numbered_summary(ctx: Planning, pages: list[list]) -> list[SlidePlan]:
    """Return one summary slide per page of shapes, titled "Executive summary (2/3)"."""
    return [SlidePlan("summary", TITLE_ONLY, numbered(ctx.t("titles.summary"), i, len(pages)), shapes)
            for i, shapes in enumerate(pages, 1)]


def _heading(head: str, size: float) -> Para:
    return Para([Run(head, bold=True, color=HEADING)], size + 2)


def _list_paras(head: str, items: list[str], size: float) -> list[Para]:
    paras = tx.bullets(items, size)
    if paras:
        paras[0].space_before = 6
    return [_heading(head, size), *paras]


def dimensions(ctx: Planning) -> list[SlidePlan]:
    """Return the RAG-by-dimension table slide(s)."""
    dims = ctx.status.dimensions.items() if ctx.status.dimensions else []
    if not dims:
        return []
    columns = [
        Column(ctx.t("dimension"), nowrap=True),
        Column(ctx.t("status"), nowrap=True, align="c", min_width=80),
        Column(ctx.t("trend_header"), nowrap=True),
        Column(ctx.t("comment"), weight=1),
    ]
    rows = [[
        Cell(ctx.t(f"dimension_names.{name}"), bold=True),
        ctx.rag_cell(dim.status),
        Cell(trend_text(ctx.labels, dim.trend)),
        Cell("\n".join(x for x in (dim.comment, (ctx.rule_flags or {}).get(name)) if x)),
    ] for name, dim in dims]
    return table_slides(ctx, "dimensions", ctx.t("titles.dimensions"), columns, rows,
                        max_size=18, floor=10)


def workstreams(ctx: Planning) -> list[SlidePlan]:
    """Return the workstream table slide(s) with a progress bar in each progress cell."""
    items = ctx.status.workstreams
    if not items:
        return []
    columns = [
        Column(ctx.t("workstream"), weight=1.2),
        Column(ctx.t("lead"), nowrap=True, max_share=0.18),
        Column(ctx.t("status"), nowrap=True, align="c", min_width=70),
        Column(ctx.t("progress"), nowrap=True, min_width=130),
        Column(ctx.t("comment"), weight=2),
    ]
    rows = [[
        Cell(w.name, bold=True),
        Cell(w.lead or ""),
        ctx.rag_cell(w.status),
        Cell(percent(w.progress, ctx.lang)),
        Cell(w.comment or ""),
    ] for w in items]
    slides = table_slides(ctx, "workstreams", ctx.title("workstreams"), columns, rows,
                          max_size=16, floor=10)
    for slide in slides:
        slide.shapes += _progress_bars(ctx, slide.shapes[0], 3)
    return slides


def _progress_bars(ctx: Planning, table: TableShape, col: int) -> list[TextShape]:
    x0 = table.box.x + sum(table.col_widths[:col]) + MARGIN_X
    label_w = 40 * table.size / 12
    width = table.col_widths[col] - 2 * MARGIN_X - label_w
    if width < 30:
        return []
    bars = []
    y = table.box.y + table.row_heights[0]
    for row, height in zip(table.rows[1:], table.row_heights[1:]):
        text = row[col].text
        if text:
            value = float(text.replace("%", "").replace("\u00a0", "").replace(",", ".") or 0)
            top = y + (height - 9) / 2
            track = Box(x0 + label_w, top, width, 9)
            bars.append(TextShape(track, fill=TRACK, overlay=True, name="Progress track"))
            if value > 0:
                done = Box(track.x, top, max(1.0, width * min(value, 100) / 100), 9)
                bars.append(TextShape(done, fill=EMPHASIS, overlay=True, name="Progress"))
        y += height
    return bars
