"""Planner of the milestone timeline slides: milestones on a date axis, labels that never cross, a key.

The slides share one scale (days per point) and the milestones evenly; the labels take the
largest size that leaves room for the key (:mod:`docgen.deck.timeline_key`); where they go is
found by :mod:`docgen.deck.timeline_places`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from docgen.deck import text as tx
from docgen.deck.measure import text_width
from docgen.deck.planning import TITLE_ONLY, Planning, month_label, numbered
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_schedule import MILESTONE_RAG
from docgen.deck.timeline_key import key_height, key_shapes
from docgen.deck.timeline_places import GAP, PIN, RULER_H, SEARCH_BUDGET, Label, Rows, Search, places
from docgen.model.status import Milestone
from docgen.ooxml.drawingml.shapes import (
    BORDER,
    EMPHASIS,
    EMPHASIS_TEXT,
    LATE,
    MUTED,
    PANEL,
    RAG_FILL,
    RULE,
    Box,
    LineShape,
    Para,
    Run,
    TextShape,
)


def _when(m: Milestone) -> date | None:
    return m.actual or m.forecast or m.baseline


Group = list[tuple[int, Milestone]]  # (number in the status, milestone) of the milestones of one day
WORST = ("late", "at_risk", "on_track", "done")  # a day's marker takes the colour of its worst milestone

LABEL_SIZES = (16.0, 15.0, 14.0, 13.0, 12.0)  # the largest that needs no more slides than 12 pt is used
WIDTH_PER_PT = 15.0  # a label's width per point of its text's size: 163 pt wide at 12 pt
LABEL_INSET = 6.0  # a label's padding: a tag read from the back of the room
DAY_SIZE = 12.0  # the smallest text of a label: its day
EDGE = 40.0  # a window's first and last day lie this far inside the body: edge labels stay whole
MONTH_SIZE = 14.0
REPORT_SIZE = 12.0  # the report date's label over the lanes
MIN_DAYS = 28  # the shortest window: one milestone alone is not spread over a day
GROWTH, GROWTH_BUDGET = 5, 400  # a larger size may try 5 times the places the size before needed (400 at least)
MONTH_GROUPS = (1, 2, 3, 6, 12)  # months a ruler cell may span when a month is too narrow for its name


@dataclass(frozen=True)
class _Scale:
    """Where the days fall on one timeline slide; ``per_day`` is the same on every slide of the timeline."""

    start: date  # the day at x = ``origin``
    origin: float
    per_day: float

    def x(self, day: date) -> float:
        """Return the x in points of ``day``."""
        return self.origin + (day - self.start).days * self.per_day

    def day(self, x: float) -> date:
        """Return the day at ``x`` (the day that begins at or before it)."""
        return self.start + timedelta(days=math.floor((x - self.origin) / self.per_day))


def timeline(ctx: Planning) -> list[SlidePlan]:
    """Return timeline slide(s): milestones on a date axis, labels in lanes above and below, nothing crossing.

    Milestones are spread over as few slides as lets every label find a free lane at 12 pt; every
    slide has the same days per point, its window centred on its milestones. The milestones of
    one day share a marker and a label. On those slides, the labels take the largest size from
    16 pt that leaves room for the whole key (:mod:`docgen.deck.timeline_key`) under the lanes;
    failing that, the layout with a legend on every slide and the most area covered is kept.
    """
    dated = sorted(((i, m) for i, m in enumerate(ctx.status.milestones, 1) if _when(m)),
                   key=lambda item: (_when(item[1]), item[0]))
    if not dated:
        return []
    days = [list(group) for _, group in groupby(dated, key=lambda item: _when(item[1]))]
    first = Search(SEARCH_BUDGET)
    smallest = _placed(ctx, days, _rows(ctx, LABEL_SIZES[-1]), range(1, len(days) + 1), first)  # a day a slide fits
    tried = [smallest]
    sizes = sorted(LABEL_SIZES)
    for key, high in ((True, False), (False, True)):  # the key in a band of its own, or below lanes set high
        best, search, low, top = None, first, 0, len(sizes) - 1
        while low <= top:  # the largest size that fits, halving: a size that fails fails larger too
            middle = (low + top) // 2
            search = Search(max(GROWTH_BUDGET, GROWTH * search.most))  # a layout found about as fast, or none
            layout = _placed(ctx, days, _rows(ctx, sizes[middle], key, high), [len(smallest)], search)
            tried.append(layout)
            if layout and _whole_key(ctx, layout):
                best, low = layout, middle + 1
            else:
                top = middle - 1
        if best:
            return _timeline_slides(ctx, best)
    shapes = [[_shapes(ctx, slide) for slide in layout] for layout in tried if layout]
    return _timeline_slides(ctx, tried[shapes.index(max(shapes, key=_keyed_and_covered))])  # the first of the best


def _timeline_slides(ctx: Planning, layout: list[_Slide]) -> list[SlidePlan]:
    """Return the timeline slides of ``layout``, titled "Milestone timeline (2/3)"."""
    return [SlidePlan("milestones", TITLE_ONLY, numbered(ctx.t("titles.timeline"), n, len(layout)),
                      _shapes(ctx, slide)) for n, slide in enumerate(layout, 1)]


@dataclass(frozen=True)
class _Slide:
    """Where everything of one timeline slide goes: its days, scale and rows, each day's label and its place."""

    chunk: list[Group]
    scale: _Scale
    rows: Rows
    paras: list[list[Para]]
    labels: list[tuple[Label, int]]


def _placed(ctx: Planning, days: list[Group], rows: Rows, counts, search: Search) -> list[_Slide]:
    """Return the layout of each timeline slide for the first of ``counts`` slides that places every label, or []."""
    for count in counts:
        chunks = _chunks(days, count)
        placed = []
        for chunk, scale in zip(chunks, _scales(ctx, chunks)):
            slide = _place_labels(ctx, chunk, scale, rows, search)
            if slide is None:
                break  # this count fails: the slides after need not be tried
            placed.append(slide)
        else:
            return placed
    return []


def _whole_key(ctx: Planning, layout: list[_Slide]) -> bool:
    """Return True when every slide of ``layout`` has room for the whole key: the legend, and the schedule's
    comment when the status has one."""
    need = key_height(ctx)
    return all(slide.rows.key or _foot_room(slide.rows, [label for label, _ in slide.labels]) >= need
               for slide in layout)


def _keyed_and_covered(slides: list[list]) -> tuple[bool, float]:
    """Return whether every slide has its key, and the area the slides' boxes cover (shapes drawn over them aside).

    A timeline whose colours are explained beats one with larger labels; then the fuller one wins.
    """
    keyed = all(any(getattr(s, "name", "") == "Key" for s in shapes) for shapes in slides)
    return keyed, sum(s.box.w * s.box.h for shapes in slides for s in shapes
                      if isinstance(s, TextShape) and not s.overlay)


def _day(group: Group) -> date:
    """Return the day of the milestones of ``group``."""
    day = _when(group[0][1])
    assert day is not None  # groups hold dated milestones only
    return day


def _chunks(days: list[Group], count: int) -> list[list[Group]]:
    """Return ``days`` cut into ``count`` runs of consecutive days, their lengths one apart at most, longest first."""
    count = min(count, len(days))
    size, longer = divmod(len(days), count)
    starts = [k * size + min(k, longer) for k in range(count + 1)]
    return [days[a:b] for a, b in zip(starts, starts[1:])]


def _scales(ctx: Planning, chunks: list[list[Group]]) -> list[_Scale]:
    """Return the scale of each chunk's slide: one window length for all, each centred on its dates.

    The report date counts among the dates of the chunk it falls in, else of the nearest one, so
    its line is on a slide.
    """
    spans = [[_day(group) for group in chunk] for chunk in chunks]
    report = ctx.status.report_date

    def distance(days: list[date]) -> int:
        return 0 if min(days) <= report <= max(days) else min(abs((report - d).days) for d in days)

    min(spans, key=distance).append(report)  # the first nearest: deterministic
    days = max(MIN_DAYS, *((max(s) - min(s)).days for s in spans))
    body = ctx.frame.body
    per_day = (body.w - 2 * EDGE) / days
    return [_Scale(min(s) - timedelta(days=(days - (max(s) - min(s)).days) // 2), body.x + EDGE, per_day)
            for s in spans]


def _rows(ctx: Planning, size: float, key: bool = False, high: bool = False) -> Rows:
    """Return the vertical layout of the timeline slides with names ``size`` pt: as many lanes a side as fit (1 to 4).

    With ``key``, the foot of the body holds the key (:mod:`docgen.deck.timeline_key`) and the
    lanes share what is above it. The lanes are centred in the body, or ``high`` in it (the room
    they leave is then at the foot, for the key if the labels leave it free).
    """
    body, font = ctx.frame.body, ctx.font
    band = None
    if key:
        height = key_height(ctx)
        band = Box(body.x, body.bottom - height, body.w, height)
        body = Box(body.x, body.y, body.w, body.h - height - 2 * GAP)
    strip = 0.0 if key else font.line_height(REPORT_SIZE) + 4  # with a key, the key names the report date
    lane_h = 2 * font.line_height(size) + font.line_height(_day_size(size)) + 2 * LABEL_INSET
    side = (body.h - strip - GAP - RULER_H) / 2 - PIN - GAP
    lanes = min(4, max(1, int((side + GAP) // (lane_h + GAP))))
    used = PIN + GAP + lanes * lane_h + (lanes - 1) * GAP
    spare = body.h - strip - GAP - RULER_H - 2 * used
    return Rows(body, strip, body.y + strip + GAP + (0 if high else spare / 2) + used, lane_h, lanes, size,
                 WIDTH_PER_PT * size,
                 band)


def _day_size(size: float) -> float:
    """Return the size of a label's day under names ``size`` pt: a little smaller, never under 12 pt."""
    return max(DAY_SIZE, size - 2)


def _place_labels(ctx: Planning, chunk: list[Group], scale: _Scale, rows: Rows, search: Search) -> _Slide | None:
    """Return the layout of one timeline slide, or None when its labels find no free places."""
    paras = [_label_paras(ctx, group, rows) for group in chunk]
    heights = [tx.paras_height(p, rows.label_w - 2 * LABEL_INSET, ctx.font) + 2 * LABEL_INSET for p in paras]
    labels = places([scale.x(_day(group)) for group in chunk], heights, rows, search)
    return None if labels is None else _Slide(chunk, scale, rows, paras, labels)


def _shapes(ctx: Planning, slide: _Slide) -> list:
    """Return the shapes of one timeline slide: ruler, labels with connectors and markers, report date, key."""
    scale, rows = slide.scale, slide.rows
    ruler = _ruler(ctx, scale, rows)
    shapes = [s for group, p, (label, side) in zip(slide.chunk, slide.paras, slide.labels)
              for s in _pin(group, label, p, side, rows)]
    report = scale.x(ctx.status.report_date)
    key = _key(ctx, rows, [label for label, _ in slide.labels], rows.body.x <= report <= rows.body.right)
    texts = [s.box for s in ruler + key if has_text(s)] + [label.box for label, _ in slide.labels]
    return ruler + shapes + _report_date(ctx, scale, rows, texts) + key


def _key(ctx: Planning, rows: Rows, labels: list[Label], report: bool) -> list:
    """Return the key of a timeline slide: in its reserved band, else at the body's foot when the labels leave room.

    Without a reserved band, the key with the schedule's comment is preferred, then the legend alone.
    With ``report``, the report date's line is on the slide and the legend shows it: with its day
    when no strip over the lanes names it.
    """
    statuses: list[str] = [m.status for m in ctx.status.milestones if m.status]
    dated = f"{ctx.t('today')} {ctx.day(ctx.status.report_date)}"
    if rows.key:
        return key_shapes(ctx, rows.key, statuses, report=dated if report else None)
    body = rows.body
    for comment_too in (True, False):
        height = key_height(ctx, comment_too)
        if _foot_room(rows, labels) >= height:
            return key_shapes(ctx, Box(body.x, body.bottom - height, body.w, height), statuses,
                              ctx.t("today") if report else None, comment_too)
    return []


def _foot_room(rows: Rows, labels: list[Label]) -> float:
    """Return the height left for a key at the body's foot, under the lowest label and the ruler."""
    lowest = max([rows.ruler_y + RULER_H + PIN] + [label.box.bottom for label in labels])
    return rows.body.bottom - lowest - 2 * GAP


def has_text(shape: object) -> bool:
    """Return True when ``shape`` is a text shape with some text."""
    return isinstance(shape, TextShape) and any(p.text.strip() for p in shape.paras)


def _name(number_: int, m: Milestone) -> str:
    """Return how a milestone is named on the timeline: its id and name, else its number and name."""
    return f"{m.id} {m.name}" if m.id else f"{number_}. {m.name}"


def _slip(m: Milestone) -> str:
    """Return " (+12 d)" for a milestone late on its baseline, else ""."""
    slip = m.slip_days
    return f" (+{slip} d)" if slip and slip > 0 else ""


def _label_paras(ctx: Planning, group: Group, rows: Rows) -> list[Para]:
    """Return the label of a day's milestones: each name in bold, then the day in grey.

    Each name on two lines at most; one milestone's slip follows its day, several milestones'
    follow their names. As many names as the body's height holds, the last line saying how many more.
    """
    size = rows.size
    line, width = ctx.font.line_height(size), rows.label_w - 2 * LABEL_INSET
    day = Para([Run(ctx.day(_day(group)) + (_slip(group[0][1]) if len(group) == 1 else ""), color=MUTED)],
               _day_size(size))
    room = rows.ruler_y - PIN - GAP - rows.top - 2 * LABEL_INSET - tx.para_height(day, width, ctx.font)
    names: list[Para] = []
    for k, (number_, m) in enumerate(group):
        text = _name(number_, m) + (_slip(m) if len(group) > 1 else "")
        name = tx.fit_para(Para([Run(text, bold=True)], size), width, 2 * line, ctx.font)
        more = line if k < len(group) - 1 else 0  # the line saying how many more, should the next not fit
        if names and tx.paras_height([*names, name], width, ctx.font) + more > room:
            names.append(Para([Run(f"… (+{len(group) - k})", bold=True)], size))
            break
        names.append(name)
    return [*names, day]


def _pin(group: Group, label: Label, paras: list[Para], side: int, rows: Rows) -> list:
    """Return the label, its connector and the diamond on the ruler's edge of one day's milestones."""
    statuses = [m.status for _, m in group]
    worst = next((s for s in WORST if s in statuses), None)
    rag = MILESTONE_RAG.get(worst or "", None)
    colour = RAG_FILL[rag] if rag else EMPHASIS
    name = "Milestone " + ", ".join(m.id or str(n) for n, m in group)
    return [
        TextShape(label.box, paras, inset=LABEL_INSET, fill=PANEL, name=name),
        LineShape(label.x, label.y1, label.x, label.y2, RULE, 0.75),
        TextShape(Box(label.x - PIN / 2, rows.pin_y(side), PIN, PIN), geometry="diamond", fill=colour,
                  line=BORDER, overlay=True, name="Marker"),
    ]


def _ruler(ctx: Planning, scale: _Scale, rows: Rows) -> list:
    """Return the month ruler across the body: a band, a cell per month (or per few months) with its name."""
    body = rows.body
    band = Box(body.x, rows.ruler_y, body.w, RULER_H)
    shapes: list = [TextShape(band, fill=EMPHASIS, name="Ruler")]
    months = _months(scale.day(body.x), scale.day(body.right))
    step = next((k for k in MONTH_GROUPS if k * 28 * scale.per_day >= _widest_month(ctx) + 4), 12)
    cells = [scale.x(d) for d in months[::step] if scale.x(d) > body.x + 1]
    for left, right in zip([body.x, *cells], [*cells, body.right]):
        if left > body.x:
            shapes.append(LineShape(left, band.y, left, band.bottom, EMPHASIS_TEXT, 0.75))
        day = scale.day(left + 0.5)
        text = month_label(ctx, day)  # "Dec 2026": never read as a day ("Dec 26")
        width = text_width(text, MONTH_SIZE, False, ctx.font) + 4
        if width <= right - left - 4:  # a cell cut by the body's edge too short for its name stays blank
            shapes.append(TextShape(Box((left + right - width) / 2, band.y + 1, width, RULER_H - 2),
                                    [Para([Run(text, color=EMPHASIS_TEXT)], MONTH_SIZE, align="c")], inset=0,
                                    fill=EMPHASIS, anchor="ctr", overlay=True, name="Month"))  # filled: white text
    return shapes


def _widest_month(ctx: Planning) -> float:
    """Return the width of the widest month name on the ruler ("Sep 2026")."""
    return max(text_width(f"{name} 0000", MONTH_SIZE, False, ctx.font) for name in ctx.labels["date.months_short"])


def _months(first: date, last: date) -> list[date]:
    """Return the first day of every month after ``first`` up to ``last``."""
    months: list[date] = []
    year, month = first.year, first.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        day = date(year, month, 1)
        if day > last:
            return months
        months.append(day)


def _report_date(ctx: Planning, scale: _Scale, rows: Rows, texts: list[Box]) -> list:
    """Return the dashed line of the report date, labelled over the lanes, broken where it would cut a text.

    Returns [] when the report date is off the slide.
    """
    body, report = rows.body, ctx.status.report_date
    x = scale.x(report)
    if not body.x <= x <= body.right:
        return []
    shapes: list = []
    if rows.strip:  # else the key names it
        text = f"{ctx.t('today')} {ctx.day(report)}"
        width = text_width(text, REPORT_SIZE, True, ctx.font) + 6
        start = min(max(x - width / 2, body.x), body.right - width)
        shapes.append(TextShape(Box(start, body.y, width, rows.strip),
                                [Para([Run(text, bold=True, color=LATE)], REPORT_SIZE, align="c")], inset=2,
                                anchor="ctr", name="Report date"))
    top = body.y + rows.strip
    for box in sorted((b for b in texts if b.x - GAP / 2 < x < b.right + GAP / 2), key=lambda b: b.y):
        if box.y - GAP / 2 - top > 2:
            shapes.append(LineShape(x, top, x, box.y - GAP / 2, LATE, 1.25, dash=True))
        top = max(top, box.bottom + GAP / 2)
    if body.bottom - top > 2:
        shapes.append(LineShape(x, top, x, body.bottom, LATE, 1.25, dash=True))
    return shapes
